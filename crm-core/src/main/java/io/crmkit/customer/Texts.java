package io.crmkit.customer;

import io.crmkit.shared.InvalidInputException;

/** Trimming and length rules for free text fields. */
final class Texts {

    private Texts() {
    }

    /**
     * Trimmed text with line breaks normalised to {@code \n} (browsers send CR LF from a text area), or null for
     * null; refuses blank, over-long and control characters other than tab and newline.
     */
    static String optional(String path, String value, int maxLength) {
        if (value == null) {
            return null;
        }
        String trimmed = value.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (trimmed.isEmpty()) {
            throw InvalidInputException.of(path, "must not be blank; leave it out instead");
        }
        check(path, trimmed, maxLength);
        return trimmed;
    }

    static String required(String path, String value, int maxLength) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        return optional(path, value, maxLength);
    }

    private static void check(String path, String value, int maxLength) {
        if (value.length() > maxLength) {
            throw InvalidInputException.of(path, "must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw InvalidInputException.of(path, "must not contain control characters");
        }
        io.crmkit.shared.StorableText.require(path, value);
    }
}
