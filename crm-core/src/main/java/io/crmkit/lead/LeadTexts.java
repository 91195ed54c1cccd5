package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.StorableText;

/** Trimming and length rules for the free text of leads (the same rules as customers' texts). */
final class LeadTexts {

    private LeadTexts() {
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
        if (trimmed.length() > maxLength) {
            throw InvalidInputException.of(path, "must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
            throw InvalidInputException.of(path, "must not contain control characters");
        }
        StorableText.require(path, trimmed);
        return trimmed;
    }

    /** As {@link #optional}, refusing null. */
    static String required(String path, String value, int maxLength) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        return optional(path, value, maxLength);
    }

    /** Refuses null. */
    static <T> T require(String path, T value) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        return value;
    }
}
