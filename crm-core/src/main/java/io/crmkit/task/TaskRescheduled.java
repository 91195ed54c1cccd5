package io.crmkit.task;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** A task's due instant changed. */
public record TaskRescheduled(EventId eventId, TenantId tenantId, TaskId taskId, Instant occurredAt, Instant from,
                              Instant to)
        implements DomainEvent {
    @Override
    public TaskId aggregateId() {
        return taskId;
    }
}
