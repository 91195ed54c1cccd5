package io.crmkit.task;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A task was created, by hand or as the follow-up a stage declares ({@code followUpOf} is then the deal's stage). */
public record TaskCreated(EventId eventId, TenantId tenantId, TaskId taskId, Instant occurredAt, String subject,
                          UserId assignee, Instant dueAt, TaskPriority priority, CustomerId customerId, LeadId leadId,
                          DealId dealId, StageId followUpOf)
        implements DomainEvent {
    @Override
    public TaskId aggregateId() {
        return taskId;
    }
}
