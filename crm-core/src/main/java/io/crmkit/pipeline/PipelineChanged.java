package io.crmkit.pipeline;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/**
 * A pipeline changed: renamed, another policy, a stage added or changed, the stages reordered. (Retiring a stage is
 * {@link StageRetired}.)
 *
 * @param version the pipeline's version after the change
 * @param change  what changed
 * @param stageId the stage added or changed, else null
 */
public record PipelineChanged(EventId eventId, TenantId tenantId, PipelineId pipelineId, Instant occurredAt,
                              long version, Change change, StageId stageId) implements DomainEvent {

    /** What changed. */
    public enum Change {
        RENAMED, POLICY_CHANGED, STAGE_ADDED, STAGE_CHANGED, STAGES_REORDERED
    }

    @Override
    public PipelineId aggregateId() {
        return pipelineId;
    }
}
