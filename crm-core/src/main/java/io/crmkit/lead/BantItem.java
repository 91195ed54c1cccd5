package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;

/**
 * The answer to one BANT question.
 *
 * @param confirmed whether the sales user confirmed it
 * @param note      what they learned, at most 1000 characters, or null
 */
public record BantItem(boolean confirmed, String note) {

    /** The longest note. */
    public static final int MAX_NOTE_LENGTH = 1000;

    /** @throws InvalidInputException if the note is blank or too long */
    public BantItem {
        note = LeadTexts.optional("note", note, MAX_NOTE_LENGTH);
    }

    /** Confirmed, with a note. */
    public static BantItem confirmed(String note) {
        return new BantItem(true, note);
    }

    /** Not confirmed, with a note saying what is missing (or null). */
    public static BantItem notConfirmed(String note) {
        return new BantItem(false, note);
    }

    /** Not asked or not known. */
    public static BantItem unknown() {
        return new BantItem(false, null);
    }
}
