package io.crmkit.pipeline;

import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Why and how a deal is lost.
 *
 * <pre>{@code
 * deals.lose(deal.id(), deal.version(), DealLoss.because("Price", alice).note("went with the cheaper supplier"));
 * }</pre>
 *
 * @param reason  one of the tenant's lost reasons ({@link Pipelines#lostReasons()}), compared ignoring case
 * @param note    free text, at most {@value Deal#MAX_LOST_NOTE_LENGTH} characters, or null
 * @param stageId the LOST stage to move the deal to, or null for the pipeline's first active LOST stage
 * @param by      the acting user
 */
public record DealLoss(
        @NotBlank @Size(max = PipelineSettings.MAX_LOST_REASON_LENGTH) String reason,
        @Size(max = Deal.MAX_LOST_NOTE_LENGTH) String note,
        StageId stageId,
        @NotNull UserId by) {

    /** A loss for {@code reason}, into the first LOST stage. */
    public static DealLoss because(String reason, UserId by) {
        return new DealLoss(reason, null, null, by);
    }

    /** This loss with a note. */
    public DealLoss note(String text) {
        return new DealLoss(reason, text, stageId, by);
    }

    /** This loss into the LOST stage {@code stage}. */
    public DealLoss inStage(StageId stage) {
        return new DealLoss(reason, note, stage, by);
    }
}
