package io.crmkit.pipeline;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/**
 * A stage was retired; {@code dealsMoved} deals moved from it to {@code movedTo} (null if it held none), each with
 * a {@link DealStageChanged} and a history entry.
 */
public record StageRetired(EventId eventId, TenantId tenantId, PipelineId pipelineId, Instant occurredAt,
                           long version, StageId stageId, StageId movedTo, long dealsMoved, UserId by)
        implements DomainEvent {
    @Override
    public PipelineId aggregateId() {
        return pipelineId;
    }
}
