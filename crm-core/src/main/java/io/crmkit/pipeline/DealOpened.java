package io.crmkit.pipeline;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A deal was opened. */
public record DealOpened(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt, CustomerId customerId,
                         PipelineId pipelineId, StageId stageId, Money amount, int probability, UserId owner,
                         LeadId sourceLeadId, String campaign, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
