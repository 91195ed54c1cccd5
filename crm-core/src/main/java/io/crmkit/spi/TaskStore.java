package io.crmkit.spi;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.task.Task;
import java.time.Instant;
import java.util.Optional;

/**
 * Stores tasks. Every value of a {@link Task} round-trips unchanged. Lists are ordered by due instant, then id
 * ascending (unsigned), and start strictly after the given position (null for the start).
 */
public interface TaskStore {

    /**
     * Stores a new task (version 1).
     *
     * @throws io.crmkit.shared.StorageException         if a task with this id exists
     * @throws io.crmkit.shared.TenantViolationException if {@code task.tenantId()} is not {@code tenant}
     */
    void insert(TenantId tenant, Task task);

    /**
     * Replaces a stored task with {@code task}, whose version must be exactly one more than the stored one.
     *
     * @throws io.crmkit.shared.ConcurrentModificationException if the stored version is not {@code task.version() - 1}
     * @throws io.crmkit.shared.NotFoundException               if there is no such task in {@code tenant}
     * @throws io.crmkit.shared.TenantViolationException        if {@code task.tenantId()} is not {@code tenant}
     */
    void update(TenantId tenant, Task task);

    /** The task, if it exists in {@code tenant}. */
    Optional<Task> find(TenantId tenant, TaskId id);

    /**
     * The open tasks of {@code assignee} (of everybody if null) due at or after {@code dueFrom} (null: no lower bound)
     * and before {@code dueBefore} (null: no upper bound), by due instant then id. Indexes over open tasks: (tenant,
     * assignee, due at, id) and (tenant, due at, id).
     */
    Slice<Task> open(TenantId tenant, UserId assignee, Instant dueFrom, Instant dueBefore, DuePosition after,
                     int limit);

    /** The customer's tasks, any status, by due instant then id. Index: (tenant, customer, due at, id). */
    Slice<Task> ofCustomer(TenantId tenant, CustomerId customer, DuePosition after, int limit);

    /** The lead's tasks, any status, by due instant then id. Index: (tenant, lead, due at, id). */
    Slice<Task> ofLead(TenantId tenant, LeadId lead, DuePosition after, int limit);

    /** The deal's tasks, any status, by due instant then id. Index: (tenant, deal, due at, id). */
    Slice<Task> ofDeal(TenantId tenant, DealId deal, DuePosition after, int limit);
}
