package io.crmkit.pipeline;

import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/**
 * A deal moved from one stage to another: by a move, a win, a loss, a reopening or the retirement of its stage.
 * {@code amount} and {@code probability} are the values after the move.
 */
public record DealStageChanged(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt,
                               PipelineId pipelineId, StageId fromStage, StageId toStage, DealStatus status,
                               Money amount, int probability, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
