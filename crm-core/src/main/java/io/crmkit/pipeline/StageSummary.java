package io.crmkit.pipeline;

/**
 * One stage of a {@link PipelineSummary}: the stage and the deals in it, counted and added up per currency.
 *
 * @param stage  the stage
 * @param totals the deals in it
 */
public record StageSummary(Stage stage, DealTotals totals) {
}
