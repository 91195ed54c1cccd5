package io.crmkit.pipeline;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** The tenant's default pipeline changed (also when its first pipeline became the default). */
public record DefaultPipelineChanged(EventId eventId, TenantId tenantId, PipelineId pipelineId, Instant occurredAt,
                                     PipelineId previous)
        implements DomainEvent {
    @Override
    public PipelineId aggregateId() {
        return pipelineId;
    }
}
