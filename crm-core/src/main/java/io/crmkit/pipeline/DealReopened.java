package io.crmkit.pipeline;

import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A won or lost deal was reopened (a {@link DealStageChanged} precedes this event). */
public record DealReopened(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt,
                           PipelineId pipelineId, DealStatus previousStatus, StageId stageId, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
