package io.crmkit.task;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TextRules;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import java.time.Instant;

/**
 * A follow-up or reminder: something a user of the host is to do by a due instant, possibly about a customer, a lead
 * or a deal.
 *
 * <p>A {@code Task} is an immutable snapshot at one {@link #version()}; hosts change tasks through {@link Tasks}.
 * Invariants, guarded by the constructor: a subject of 1 to {@value #MAX_SUBJECT_LENGTH} characters, notes of at most
 * {@value #MAX_NOTES_LENGTH}; an open task has no completion, a done or cancelled one has its instant and user; the
 * version is at least 1; {@code updatedAt} is not before {@code createdAt}.
 *
 * @param id          the task's id
 * @param tenantId    the tenant it belongs to
 * @param version     the optimistic version: 1 when created, one more with every saved change
 * @param subject     what is to be done
 * @param notes       details, or null
 * @param dueAt       when it is due
 * @param assignee    who is to do it
 * @param priority    how urgent it is
 * @param customerId  the customer it is about, or null
 * @param leadId      the lead it is about, or null
 * @param dealId      the deal it is about, or null
 * @param status      open, done or cancelled
 * @param completedAt when it was done or cancelled; null while open
 * @param completedBy who did or cancelled it; null while open
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 */
public record Task(TaskId id, TenantId tenantId, long version, String subject, String notes, Instant dueAt,
                   UserId assignee, TaskPriority priority, CustomerId customerId, LeadId leadId, DealId dealId,
                   TaskStatus status, Instant completedAt, UserId completedBy, Instant createdAt, Instant updatedAt) {

    /** The longest subject. */
    public static final int MAX_SUBJECT_LENGTH = 500;
    /** The longest notes. */
    public static final int MAX_NOTES_LENGTH = 10_000;

    /** @throws InvalidInputException naming the first broken invariant */
    public Task {
        if (id == null || tenantId == null || assignee == null || priority == null || status == null) {
            throw InvalidInputException.of("task", "id, tenantId, assignee, priority and status are required");
        }
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        subject = TextRules.required("subject", subject, MAX_SUBJECT_LENGTH);
        notes = TextRules.optional("notes", notes, MAX_NOTES_LENGTH);
        dueAt = Timestamps.normalise("dueAt", dueAt);
        createdAt = Timestamps.normalise("createdAt", createdAt);
        updatedAt = Timestamps.normalise("updatedAt", updatedAt);
        completedAt = completedAt == null ? null : Timestamps.normalise("completedAt", completedAt);
        if (updatedAt.isBefore(createdAt)) {
            throw InvalidInputException.of("updatedAt", "must not be before createdAt");
        }
        if (status.isOpen() != (completedAt == null) || status.isOpen() != (completedBy == null)) {
            throw InvalidInputException.of("completedAt", "an open task has no completion; a done or cancelled task has"
                    + " its instant and user");
        }
    }

    /** A new open task at version 1. */
    public static Task create(TaskId id, TenantId tenantId, String subject, String notes, Instant dueAt,
                              UserId assignee, TaskPriority priority, CustomerId customerId, LeadId leadId,
                              DealId dealId, Instant now) {
        return new Task(id, tenantId, 1, subject, notes, dueAt, assignee,
                priority == null ? TaskPriority.NORMAL : priority, customerId, leadId, dealId, TaskStatus.OPEN, null,
                null, now, now);
    }

    /** Whether it is open and due before {@code now}. */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && dueAt.isBefore(now);
    }

    /**
     * This task done by {@code by} at {@code now}, at the next version.
     *
     * @throws IllegalTransitionException if it is not open
     */
    public Task complete(UserId by, Instant now) {
        return finish(TaskStatus.DONE, by, now);
    }

    /**
     * This task cancelled by {@code by} at {@code now}, at the next version.
     *
     * @throws IllegalTransitionException if it is not open
     */
    public Task cancel(UserId by, Instant now) {
        return finish(TaskStatus.CANCELLED, by, now);
    }

    /**
     * This open task due at {@code newDueAt}, at the next version.
     *
     * @throws IllegalTransitionException if it is not open
     */
    public Task reschedule(Instant newDueAt, Instant now) {
        requireOpen("reschedule");
        return new Task(id, tenantId, version + 1, subject, notes, newDueAt, assignee, priority, customerId, leadId,
                dealId, status, null, null, createdAt, later(now));
    }

    /**
     * This open task given to {@code newAssignee}, at the next version.
     *
     * @throws IllegalTransitionException if it is not open
     */
    public Task reassign(UserId newAssignee, Instant now) {
        requireOpen("reassign");
        if (newAssignee == null) {
            throw InvalidInputException.of("assignee", "must not be null");
        }
        return new Task(id, tenantId, version + 1, subject, notes, dueAt, newAssignee, priority, customerId, leadId,
                dealId, status, null, null, createdAt, later(now));
    }

    private Task finish(TaskStatus to, UserId by, Instant now) {
        requireOpen(to == TaskStatus.DONE ? "complete" : "cancel");
        if (by == null) {
            throw InvalidInputException.of("by", "must not be null");
        }
        Instant at = later(now);
        return new Task(id, tenantId, version + 1, subject, notes, dueAt, assignee, priority, customerId, leadId,
                dealId, to, at, by, createdAt, at);
    }

    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    private void requireOpen(String action) {
        if (!status.isOpen()) {
            throw new IllegalTransitionException("Task", id, "cannot " + action + " a task that is " + status);
        }
    }
}
