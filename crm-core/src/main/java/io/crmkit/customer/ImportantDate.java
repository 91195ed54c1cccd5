package io.crmkit.customer;

import io.crmkit.shared.InvalidInputException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A date that matters to a customer: a birthday, a wedding anniversary, the day the café opened.
 *
 * @param kind what the date is, lower-case: {@link #BIRTHDAY}, {@link #ANNIVERSARY} or any word of the host's
 * @param date the date
 */
public record ImportantDate(String kind, LocalDate date) {

    /** The kind of a birthday. */
    public static final String BIRTHDAY = "birthday";

    /** The kind of an anniversary. */
    public static final String ANNIVERSARY = "anniversary";

    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,39}");

    /** @throws InvalidInputException if the kind is not 1–40 lower-case letters, digits, _ or -, or the date is null */
    public ImportantDate {
        if (kind == null) {
            throw InvalidInputException.of("kind", "must not be null");
        }
        kind = kind.strip().toLowerCase(Locale.ROOT);
        if (!KIND.matcher(kind).matches()) {
            throw InvalidInputException.of("kind", "must be a word of up to 40 letters, digits, _ or -");
        }
        io.crmkit.shared.StorableText.requireDate("date", date);
    }

    /** A birthday. */
    public static ImportantDate birthday(LocalDate date) {
        return new ImportantDate(BIRTHDAY, date);
    }

    /** An anniversary. */
    public static ImportantDate anniversary(LocalDate date) {
        return new ImportantDate(ANNIVERSARY, date);
    }
}
