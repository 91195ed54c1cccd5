package io.crmkit.customer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A phone number as a person typed it, to be parsed by crmkit (see {@link PhoneNumber}).
 *
 * @param number  the number as typed, e.g. {@code "020 7946 0958"} or {@code "+44 20 7946 0958"}
 * @param label   what it is for ({@code "mobile"}), or null
 * @param primary whether it becomes the primary number
 */
public record PhoneInput(@NotNull @Size(max = 64) String number, @Size(min = 1, max = 50) String label,
                         boolean primary) {

    /** A number without label, not primary. */
    public static PhoneInput of(String number) {
        return new PhoneInput(number, null, false);
    }
}
