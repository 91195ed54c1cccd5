package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a deal.
 *
 * @param value the UUID behind it
 */
public record DealId(UUID value) implements AggregateId, Comparable<DealId> {

    /** @throws InvalidInputException if {@code value} is null */
    public DealId {
        Ids.require("dealId", value);
    }

    /** Wraps a UUID. */
    public static DealId of(UUID value) {
        return new DealId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static DealId parse(String value) {
        return new DealId(Ids.parse("dealId", value));
    }

    @Override
    public int compareTo(DealId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
