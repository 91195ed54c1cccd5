package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a domain event (not an aggregate: events are identified so that hosts can de-duplicate deliveries).
 *
 * @param value the UUID behind it
 */
public record EventId(UUID value) implements Comparable<EventId> {

    /** @throws InvalidInputException if {@code value} is null */
    public EventId {
        Ids.require("eventId", value);
    }

    /** Wraps a UUID. */
    public static EventId of(UUID value) {
        return new EventId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static EventId parse(String value) {
        return new EventId(Ids.parse("eventId", value));
    }

    @Override
    public int compareTo(EventId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
