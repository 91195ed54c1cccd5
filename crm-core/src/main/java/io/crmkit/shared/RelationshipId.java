package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a relationship.
 *
 * @param value the UUID behind it
 */
public record RelationshipId(UUID value) implements AggregateId, Comparable<RelationshipId> {

    /** @throws InvalidInputException if {@code value} is null */
    public RelationshipId {
        Ids.require("relationshipId", value);
    }

    /** Wraps a UUID. */
    public static RelationshipId of(UUID value) {
        return new RelationshipId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static RelationshipId parse(String value) {
        return new RelationshipId(Ids.parse("relationshipId", value));
    }

    @Override
    public int compareTo(RelationshipId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
