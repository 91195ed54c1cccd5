package io.crmkit.shared;

import java.time.LocalDate;

/**
 * What every storage can keep: text without U+0000 (PostgreSQL refuses it) and without unpaired surrogates (not
 * encodable in UTF-8), and dates in the years 1 to 9999. crmkit refuses anything else at the API boundary, so that
 * a value accepted by the in-memory adapter is also accepted by every database.
 */
public final class StorableText {

    private StorableText() {
    }

    /**
     * Why {@code text} cannot be stored, or null if it can (null text can).
     */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "must not contain the character U+0000";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must not contain unpaired surrogate characters";
            }
            if (Character.isLowSurrogate(c)) {
                return "must not contain unpaired surrogate characters";
            }
        }
        return null;
    }

    /**
     * @throws InvalidInputException (at {@code path}) if {@code text} cannot be stored
     */
    public static String require(String path, String text) {
        String problem = problem(text);
        if (problem != null) {
            throw InvalidInputException.of(path, problem);
        }
        return text;
    }

    /**
     * @throws InvalidInputException (at {@code path}) if {@code date} is null or outside the years 1 to 9999
     */
    public static LocalDate requireDate(String path, LocalDate date) {
        if (date == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        if (date.getYear() < 1 || date.getYear() > 9999) {
            throw InvalidInputException.of(path, "must be in the years 1 to 9999");
        }
        return date;
    }
}
