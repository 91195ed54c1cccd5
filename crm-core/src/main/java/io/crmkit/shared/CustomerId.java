package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a customer.
 *
 * @param value the UUID behind it
 */
public record CustomerId(UUID value) implements AggregateId, Comparable<CustomerId> {

    /** @throws InvalidInputException if {@code value} is null */
    public CustomerId {
        Ids.require("customerId", value);
    }

    /** Wraps a UUID. */
    public static CustomerId of(UUID value) {
        return new CustomerId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static CustomerId parse(String value) {
        return new CustomerId(Ids.parse("customerId", value));
    }

    @Override
    public int compareTo(CustomerId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
