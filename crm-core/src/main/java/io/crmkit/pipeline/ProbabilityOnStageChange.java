package io.crmkit.pipeline;

/**
 * What happens to a deal's probability when it moves to another open stage.
 *
 * <p>A deal's probability is its stage's default unless somebody overrode it. An override sticks while the deal stays
 * in its stage; when the deal changes stage, the caller says which rule applies:
 * <ul>
 *   <li>{@link #STAGE_DEFAULT} (the rule of {@link Deals#moveStage(io.crmkit.shared.DealId, long,
 *       io.crmkit.shared.StageId, io.crmkit.shared.UserId)}): the override ends and the new stage's default
 *       applies;</li>
 *   <li>{@link #KEEP_OVERRIDE}: an overridden probability stays, still marked as an override; a deal without an
 *       override takes the new stage's default as usual.</li>
 * </ul>
 * Winning and losing always set the probability to 100 and 0; reopening always applies the stage's default.
 */
public enum ProbabilityOnStageChange {
    STAGE_DEFAULT, KEEP_OVERRIDE
}
