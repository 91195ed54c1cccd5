package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a lead.
 *
 * @param value the UUID behind it
 */
public record LeadId(UUID value) implements AggregateId, Comparable<LeadId> {

    /** @throws InvalidInputException if {@code value} is null */
    public LeadId {
        Ids.require("leadId", value);
    }

    /** Wraps a UUID. */
    public static LeadId of(UUID value) {
        return new LeadId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static LeadId parse(String value) {
        return new LeadId(Ids.parse("leadId", value));
    }

    @Override
    public int compareTo(LeadId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
