package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.TextRules;

/** The text rules of leads: crmkit's shared {@link TextRules}, and a null check naming the field. */
final class LeadTexts {

    private LeadTexts() {
    }

    /** See {@link TextRules#optional}. */
    static String optional(String path, String value, int maxLength) {
        return TextRules.optional(path, value, maxLength);
    }

    /** See {@link TextRules#required}. */
    static String required(String path, String value, int maxLength) {
        return TextRules.required(path, value, maxLength);
    }

    /** Refuses null. */
    static <T> T require(String path, T value) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        return value;
    }
}
