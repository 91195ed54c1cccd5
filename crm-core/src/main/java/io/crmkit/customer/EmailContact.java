package io.crmkit.customer;

import io.crmkit.shared.TextRules;
import io.crmkit.shared.InvalidInputException;

/**
 * An e-mail address of a customer.
 *
 * @param address the address
 * @param label   what it is for ({@code "work"}, {@code "home"}), or null
 * @param primary whether it is the customer's primary address; at most one is
 */
public record EmailContact(EmailAddress address, String label, boolean primary) {

    /** @throws InvalidInputException if the address is null or the label blank or over 50 characters */
    public EmailContact {
        if (address == null) {
            throw InvalidInputException.of("address", "must not be null");
        }
        label = TextRules.optional("label", label, 50);
    }
}
