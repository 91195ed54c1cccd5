package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a stage of a pipeline. Stages are entities inside the pipeline aggregate, so this is not an
 * {@link AggregateId}; a stage id is unique in its tenant.
 *
 * @param value the UUID behind it
 */
public record StageId(UUID value) implements Comparable<StageId> {

    /** @throws InvalidInputException if {@code value} is null */
    public StageId {
        Ids.require("stageId", value);
    }

    /** Wraps a UUID. */
    public static StageId of(UUID value) {
        return new StageId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static StageId parse(String value) {
        return new StageId(Ids.parse("stageId", value));
    }

    @Override
    public int compareTo(StageId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
