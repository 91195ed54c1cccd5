package io.crmkit.pipeline;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** A pipeline was defined (also by {@link Pipelines#installDefault()}). */
public record PipelineDefined(EventId eventId, TenantId tenantId, PipelineId pipelineId, Instant occurredAt,
                              String name, int stages)
        implements DomainEvent {
    @Override
    public PipelineId aggregateId() {
        return pipelineId;
    }
}
