package io.crmkit.shared;

/**
 * The rules for free text fields of crmkit's records: trimmed, bounded, without control characters other than tab and
 * line breaks (CR LF and CR become LF, as for customers), and {@linkplain StorableText storable} everywhere. Used by
 * the domain and available to adapters and hosts that want to check text before submitting it.
 */
public final class TextRules {

    private TextRules() {
    }

    /**
     * {@code value} with its line breaks made LF and trimmed, or null for null.
     *
     * @throws InvalidInputException (at {@code path}) if it is blank, longer than {@code maxLength} after trimming, or
     *                               holds control characters other than tab and line breaks, or cannot be stored
     *                               ({@link StorableText})
     */
    public static String optional(String path, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of(path, "must not be blank; leave it out instead");
        }
        if (trimmed.length() > maxLength) {
            throw InvalidInputException.of(path, "must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw InvalidInputException.of(path, "must not contain control characters");
        }
        return StorableText.require(path, trimmed);
    }

    /**
     * {@code value} trimmed.
     *
     * @throws InvalidInputException (at {@code path}) if it is null, or as {@link #optional}
     */
    public static String required(String path, String value, int maxLength) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        return optional(path, value, maxLength);
    }
}
