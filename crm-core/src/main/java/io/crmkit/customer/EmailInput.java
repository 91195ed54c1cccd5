package io.crmkit.customer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An e-mail address as a person typed it, to be validated and normalised by crmkit (see {@link EmailAddress}).
 *
 * @param address the address as typed
 * @param label   what it is for ({@code "work"}), or null
 * @param primary whether it becomes the primary address
 */
public record EmailInput(@NotNull @Size(max = 320) String address, @Size(min = 1, max = 50) String label,
                         boolean primary) {

    /** An address without label, not primary. */
    public static EmailInput of(String address) {
        return new EmailInput(address, null, false);
    }
}
