package io.crmkit.spi;

import io.crmkit.shared.TaskId;
import io.crmkit.task.Task;
import java.time.Instant;

/**
 * A place in a list of tasks ordered by due instant, then id: the last task of the previous slice.
 *
 * @param dueAt when that task is due
 * @param id    its id
 */
public record DuePosition(Instant dueAt, TaskId id) {

    /** The position of {@code task}. */
    public static DuePosition of(Task task) {
        return new DuePosition(task.dueAt(), task.id());
    }
}
