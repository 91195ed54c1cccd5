package io.crmkit.pipeline;

import io.crmkit.shared.PipelineId;
import java.util.List;

/**
 * Every active stage of a pipeline in board order with the deals it holds now: count, total amount and total weighted
 * amount per currency. WON and LOST stages count every deal ever closed in them; for a period, see
 * {@link Deals#totals}.
 *
 * @param pipelineId the pipeline
 * @param stages     one summary per active stage, in board order
 */
public record PipelineSummary(PipelineId pipelineId, List<StageSummary> stages) {

    /** Copies the list. */
    public PipelineSummary {
        stages = List.copyOf(stages);
    }

    /** The deals of every stage of {@code kind} together. */
    public DealTotals totals(StageKind kind) {
        DealTotals sum = DealTotals.NONE;
        for (StageSummary stage : stages) {
            if (stage.stage().kind() == kind) {
                sum = sum.plus(stage.totals());
            }
        }
        return sum;
    }
}
