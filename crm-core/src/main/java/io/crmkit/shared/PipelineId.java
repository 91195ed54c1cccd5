package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a pipeline.
 *
 * @param value the UUID behind it
 */
public record PipelineId(UUID value) implements AggregateId, Comparable<PipelineId> {

    /** @throws InvalidInputException if {@code value} is null */
    public PipelineId {
        Ids.require("pipelineId", value);
    }

    /** Wraps a UUID. */
    public static PipelineId of(UUID value) {
        return new PipelineId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static PipelineId parse(String value) {
        return new PipelineId(Ids.parse("pipelineId", value));
    }

    @Override
    public int compareTo(PipelineId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
