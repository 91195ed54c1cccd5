package io.crmkit.task;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A task was done. */
public record TaskCompleted(EventId eventId, TenantId tenantId, TaskId taskId, Instant occurredAt, UserId by)
        implements DomainEvent {
    @Override
    public TaskId aggregateId() {
        return taskId;
    }
}
