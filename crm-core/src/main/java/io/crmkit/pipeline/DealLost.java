package io.crmkit.pipeline;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A deal was lost, for {@code reason} (a {@link DealStageChanged} precedes this event). */
public record DealLost(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt, CustomerId customerId,
                       PipelineId pipelineId, StageId stageId, String reason, String note, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
