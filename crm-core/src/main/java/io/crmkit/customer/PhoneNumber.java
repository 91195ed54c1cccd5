package io.crmkit.customer;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.crmkit.shared.InvalidInputException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 form ({@code +442079460958}), parsed with libphonenumber from whatever a person typed:
 * {@code 020 7946 0958}, {@code (020) 7946-0958}, {@code +44 20 7946 0958}, {@code 0044 20 7946 0958}.
 *
 * <p>Numbers written without a country code are read in a region: the one given per call, else the
 * {@code Crm} builder's default region. A number is accepted when libphonenumber can parse it and its length is
 * possible for its country ({@code isPossibleNumberWithReason} is {@code IS_POSSIBLE}); crmkit does not require
 * libphonenumber to know the number range, because its metadata lags behind newly allocated ranges and refusing a
 * real customer's number is worse than storing a typo. A number that is possible only when dialled locally, without
 * its area code ({@code 7946 0958} in GB, {@code 555-0123} in US), is refused: it has no E.164 form, and storing
 * it with the country code in front would store another number. An extension ({@code ext. 12}) is kept apart from
 * the E.164 number.
 *
 * <p>Error messages say what is wrong without repeating the number, so that refusals can be logged without
 * logging personal data.
 *
 * @param e164      the number in E.164 form
 * @param extension the extension, digits only, or null
 */
public record PhoneNumber(String e164, String extension) {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern EXTENSION = Pattern.compile("[0-9]{1,10}");

    /** @throws InvalidInputException (path {@code phone}) if the parts are not in E.164 form */
    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw InvalidInputException.of("phone", "must be in E.164 form, such as +442079460958");
        }
        if (extension != null && !EXTENSION.matcher(extension).matches()) {
            throw InvalidInputException.of("phone", "extension must be 1 to 10 digits");
        }
    }

    /**
     * Parses what a person typed.
     *
     * @param raw    the number as typed
     * @param region the ISO 3166 region to read numbers without a country code in (e.g. {@code "GB"}), or null
     *               to accept only numbers with a country code
     * @throws InvalidInputException (path {@code phone}) if it cannot be parsed or is not a possible number;
     *                               (path {@code region}) if libphonenumber does not know {@code region}
     */
    public static PhoneNumber parse(String raw, String region) {
        if (raw == null || raw.isBlank()) {
            throw InvalidInputException.of("phone", "must not be blank");
        }
        if (raw.length() > 64) {
            throw InvalidInputException.of("phone", "must be at most 64 characters");
        }
        String regionCode = region == null ? "ZZ" : region.toUpperCase(Locale.ROOT);
        if (region != null && !UTIL.getSupportedRegions().contains(regionCode)) {
            throw InvalidInputException.of("region", "'" + region + "' is not a region libphonenumber knows");
        }
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(raw, regionCode);
        } catch (NumberParseException e) {
            throw InvalidInputException.of("phone", "is not a phone number: " + reason(e, raw, region));
        }
        PhoneNumberUtil.ValidationResult possible = UTIL.isPossibleNumberWithReason(parsed);
        if (possible != PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
            throw InvalidInputException.of("phone", "is not a possible phone number: " + reason(possible, parsed));
        }
        String extension = parsed.hasExtension() && !parsed.getExtension().isEmpty() ? parsed.getExtension() : null;
        return new PhoneNumber(UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164), extension);
    }

    /** Parses an E.164 number with no extension. */
    public static PhoneNumber ofE164(String e164) {
        return new PhoneNumber(e164, null);
    }

    /**
     * The ISO 3166 region this number belongs to, if libphonenumber knows it; empty for numbers in ranges it does
     * not know and for non-geographic numbers ({@code +800} freephone, {@code +882} satellite), which belong to no
     * region.
     */
    public Optional<String> region() {
        try {
            String region = UTIL.getRegionCodeForNumber(UTIL.parse(e164, "ZZ"));
            boolean none = region == null || "ZZ".equals(region)
                    || PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region);
            return none ? Optional.empty() : Optional.of(region);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** The number in international format for display, e.g. {@code +44 20 7946 0958}. */
    public String international() {
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(e164, "ZZ");
            String formatted = UTIL.format(parsed, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
            return extension == null ? formatted : formatted + " ext. " + extension;
        } catch (NumberParseException e) {
            return toString();
        }
    }

    @Override
    public String toString() {
        return extension == null ? e164 : e164 + ";ext=" + extension;
    }

    private static String reason(NumberParseException e, String raw, String region) {
        return switch (e.getErrorType()) {
            case INVALID_COUNTRY_CODE -> raw.strip().startsWith("+") || region != null
                    ? "its country code is unknown"
                    : "it has no country code (such as +44) and no region was given to read it in";
            case NOT_A_NUMBER -> "it does not look like a number";
            case TOO_SHORT_AFTER_IDD, TOO_SHORT_NSN -> "it is too short";
            case TOO_LONG -> "it is too long";
        };
    }

    private static String reason(PhoneNumberUtil.ValidationResult result, Phonenumber.PhoneNumber parsed) {
        String country = "+" + parsed.getCountryCode();
        return switch (result) {
            case IS_POSSIBLE_LOCAL_ONLY -> "it is a local number; add its area code";
            case INVALID_COUNTRY_CODE -> "its country code " + country + " is unknown";
            case TOO_SHORT -> "it is too short for country code " + country;
            case TOO_LONG -> "it is too long for country code " + country;
            case INVALID_LENGTH, IS_POSSIBLE -> "its length is not possible for country code " + country;
        };
    }
}
