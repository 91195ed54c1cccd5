package io.crmkit.task;

/** How urgent a task is. */
public enum TaskPriority {
    LOW, NORMAL, HIGH
}
