package io.crmkit.task;

/**
 * Where a task stands: {@link #OPEN} until it is {@link #DONE} or {@link #CANCELLED}. Both are final: a finished task
 * is never reopened (create a new one instead), so that "what was done when, by whom" stays true.
 */
public enum TaskStatus {
    OPEN, DONE, CANCELLED;

    /** Whether the task is still to be done. */
    public boolean isOpen() {
        return this == OPEN;
    }
}
