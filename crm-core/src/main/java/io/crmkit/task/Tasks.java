package io.crmkit.task;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The tasks of one tenant: follow-ups and reminders, and the questions "what is overdue for me" and "what is due
 * today". Obtained from {@code crm.tasks()} or {@code crm.tenant(id).tasks()}. Stages of a pipeline can declare a
 * follow-up task that is created when a deal enters them (see {@link io.crmkit.pipeline.FollowUp}).
 *
 * <p>Every method validates its input first and refuses bad input with an {@link InvalidInputException} listing every
 * problem, before anything is stored. Changes take the version the caller based them on and fail with
 * {@link ConcurrentModificationException} if somebody else saved in between. Lists are ordered by due instant, then
 * id, and paged by keyset.
 */
public interface Tasks {

    /**
     * Creates an open task.
     *
     * @throws InvalidInputException listing every problem of the task
     * @throws NotFoundException     if the related customer or deal does not exist in this tenant (a lead is not
     *                               checked)
     */
    Task create(NewTask task);

    /** The task, if it exists in this tenant. */
    Optional<Task> find(TaskId id);

    /**
     * The task.
     *
     * @throws NotFoundException if it does not exist in this tenant
     */
    Task get(TaskId id);

    /**
     * Marks an open task done by {@code by}.
     *
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if it already is done or cancelled
     */
    Task complete(TaskId id, long expectedVersion, UserId by);

    /**
     * Cancels an open task, by {@code by}.
     *
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if it already is done or cancelled
     */
    Task cancel(TaskId id, long expectedVersion, UserId by);

    /**
     * Moves an open task's due instant.
     *
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if it is done or cancelled
     */
    Task reschedule(TaskId id, long expectedVersion, Instant dueAt);

    /**
     * Gives an open task to another assignee.
     *
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if it is done or cancelled
     */
    Task reassign(TaskId id, long expectedVersion, UserId assignee);

    /** The open tasks of {@code assignee}, soonest due first. */
    Page<Task> openTasks(UserId assignee, PageRequest page);

    /** The open tasks of {@code assignee} due before now (by the {@code Crm}'s clock), longest overdue first. */
    Page<Task> overdue(UserId assignee, PageRequest page);

    /** Everybody's open tasks due before now, longest overdue first. */
    Page<Task> overdue(PageRequest page);

    /**
     * The open tasks of {@code assignee} (or of everybody, if null) due at or after {@code from} and before
     * {@code until}, soonest first.
     *
     * @throws InvalidInputException if a bound is missing or {@code until} is before {@code from}
     */
    Page<Task> dueBetween(UserId assignee, Instant from, Instant until, PageRequest page);

    /** The open tasks of {@code assignee} due today (the day of now in {@code zone}), overdue ones not included. */
    Page<Task> dueToday(UserId assignee, ZoneId zone, PageRequest page);

    /** The customer's tasks, whatever their status, by due instant. */
    Page<Task> ofCustomer(CustomerId customerId, PageRequest page);

    /** The lead's tasks, whatever their status, by due instant. */
    Page<Task> ofLead(LeadId leadId, PageRequest page);

    /** The deal's tasks (follow-ups included), whatever their status, by due instant. */
    Page<Task> ofDeal(DealId dealId, PageRequest page);
}
