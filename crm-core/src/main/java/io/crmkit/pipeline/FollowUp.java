package io.crmkit.pipeline;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.TextRules;
import io.crmkit.task.TaskPriority;
import java.time.Duration;

/**
 * A follow-up task that a stage declares: whenever a deal enters the stage (when it is opened in it, moved, won, lost
 * or reopened into it), a task with this subject, due {@code dueAfter} later, is created for the deal's owner in the
 * same unit of work, related to the deal and its customer. Deals moved by the retirement of a stage do not trigger
 * follow-ups.
 *
 * <pre>{@code
 * FollowUp.of("Follow up on proposal", Duration.ofDays(3))
 * }</pre>
 *
 * @param subject  the task's subject, 1 to 500 characters (trimmed)
 * @param dueAfter how long after entering the stage the task is due: one minute to 366 days, in whole seconds
 * @param priority the task's priority; {@link TaskPriority#NORMAL} if null
 */
public record FollowUp(String subject, Duration dueAfter, TaskPriority priority) {

    /** The shortest {@link #dueAfter}. */
    public static final Duration MIN_DUE_AFTER = Duration.ofMinutes(1);
    /** The longest {@link #dueAfter}. */
    public static final Duration MAX_DUE_AFTER = Duration.ofDays(366);

    /** @throws InvalidInputException naming the first problem */
    public FollowUp {
        subject = TextRules.required("subject", subject, 500);
        if (dueAfter == null) {
            throw InvalidInputException.of("dueAfter", "must not be null");
        }
        if (dueAfter.compareTo(MIN_DUE_AFTER) < 0 || dueAfter.compareTo(MAX_DUE_AFTER) > 0) {
            throw InvalidInputException.of("dueAfter", "must be between one minute and 366 days");
        }
        if (dueAfter.getNano() != 0) {
            throw InvalidInputException.of("dueAfter", "must be whole seconds");
        }
        priority = priority == null ? TaskPriority.NORMAL : priority;
    }

    /** A follow-up of normal priority. */
    public static FollowUp of(String subject, Duration dueAfter) {
        return new FollowUp(subject, dueAfter, TaskPriority.NORMAL);
    }
}
