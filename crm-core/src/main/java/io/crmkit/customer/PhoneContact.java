package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import io.crmkit.shared.InvalidInputException;

/**
 * A phone number of a customer.
 *
 * @param number  the number
 * @param label   what it is for ({@code "mobile"}, {@code "work"}), or null
 * @param primary whether it is the customer's primary number; at most one is
 */
public record PhoneContact(PhoneNumber number, String label, boolean primary) {

    /** @throws InvalidInputException if the number is null or the label blank or over 50 characters */
    public PhoneContact {
        if (number == null) {
            throw InvalidInputException.of("number", "must not be null");
        }
        label = TextRules.optional("label", label, 50);
    }
}
