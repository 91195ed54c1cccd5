package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a touchpoint.
 *
 * @param value the UUID behind it
 */
public record TouchpointId(UUID value) implements AggregateId, Comparable<TouchpointId> {

    /** @throws InvalidInputException if {@code value} is null */
    public TouchpointId {
        Ids.require("touchpointId", value);
    }

    /** Wraps a UUID. */
    public static TouchpointId of(UUID value) {
        return new TouchpointId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static TouchpointId parse(String value) {
        return new TouchpointId(Ids.parse("touchpointId", value));
    }

    @Override
    public int compareTo(TouchpointId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
