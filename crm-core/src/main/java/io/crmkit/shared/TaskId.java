package io.crmkit.shared;

import java.util.UUID;

/**
 * The id of a task.
 *
 * @param value the UUID behind it
 */
public record TaskId(UUID value) implements AggregateId, Comparable<TaskId> {

    /** @throws InvalidInputException if {@code value} is null */
    public TaskId {
        Ids.require("taskId", value);
    }

    /** Wraps a UUID. */
    public static TaskId of(UUID value) {
        return new TaskId(value);
    }

    /**
     * Parses the canonical text form, as printed by {@link #toString()}.
     *
     * @throws InvalidInputException if {@code value} is not a UUID
     */
    public static TaskId parse(String value) {
        return new TaskId(Ids.parse("taskId", value));
    }

    @Override
    public int compareTo(TaskId other) {
        return Ids.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
