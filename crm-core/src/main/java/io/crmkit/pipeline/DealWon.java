package io.crmkit.pipeline;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A deal was won (a {@link DealStageChanged} precedes this event). */
public record DealWon(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt, CustomerId customerId,
                      PipelineId pipelineId, StageId stageId, Money amount, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
