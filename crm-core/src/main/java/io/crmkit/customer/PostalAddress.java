package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import io.crmkit.shared.InvalidInputException;
import java.util.Locale;
import java.util.Set;

/**
 * A postal address of a customer.
 *
 * @param street      street and number (may hold several lines separated by newlines); required
 * @param postalCode  postal code, or null
 * @param locality    city or town; required
 * @param region      state, county or province, or null
 * @param countryCode ISO 3166-1 alpha-2 country code, upper-case ({@code "GB"}); required
 * @param label       what it is for ({@code "billing"}, {@code "shipping"}), or null
 * @param primary     whether it is the customer's primary address; at most one is
 */
public record PostalAddress(String street, String postalCode, String locality, String region, String countryCode,
                            String label, boolean primary) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** @throws InvalidInputException naming the field that is missing, too long or not a country code */
    public PostalAddress {
        street = TextRules.required("street", street, 500);
        postalCode = TextRules.optional("postalCode", postalCode, 20);
        locality = TextRules.required("locality", locality, 200);
        region = TextRules.optional("region", region, 200);
        if (countryCode == null) {
            throw InvalidInputException.of("countryCode", "must not be null");
        }
        countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(countryCode)) {
            throw InvalidInputException.of("countryCode", "must be an ISO 3166-1 alpha-2 country code such as GB");
        }
        label = TextRules.optional("label", label, 50);
    }
}
