package io.crmkit.pipeline;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a stage is to be: used to define a pipeline, to add a stage and to change one.
 *
 * <pre>{@code
 * StageDefinition.open("Proposal sent", 50)
 *         .forecast(ForecastCategory.BEST_CASE)
 *         .followUp(FollowUp.of("Follow up on proposal", Duration.ofDays(3)))
 * }</pre>
 *
 * <p>Defaults: a WON stage has probability 100 and forecast category CLOSED, a LOST stage 0 and OMITTED; an OPEN stage
 * needs its probability and is in category PIPELINE unless told otherwise. Contradicting values (a WON stage at 90 %)
 * are refused when the definition is submitted.
 *
 * @param name             1 to {@value Stage#MAX_NAME_LENGTH} characters
 * @param kind             open, won or lost
 * @param probability      the default win probability, 0–100; required for OPEN stages
 * @param forecastCategory the forecast category, or null for the kind's default
 * @param followUp         the follow-up task created when a deal enters the stage, or null
 */
public record StageDefinition(
        @NotBlank @Size(max = Stage.MAX_NAME_LENGTH) String name,
        @NotNull StageKind kind,
        @Min(0) @Max(100) Integer probability,
        ForecastCategory forecastCategory,
        FollowUp followUp) {

    /** An OPEN stage with default win probability {@code probability}, in forecast category PIPELINE. */
    public static StageDefinition open(String name, int probability) {
        return new StageDefinition(name, StageKind.OPEN, probability, null, null);
    }

    /** A WON stage (probability 100, forecast category CLOSED). */
    public static StageDefinition won(String name) {
        return new StageDefinition(name, StageKind.WON, null, null, null);
    }

    /** A LOST stage (probability 0, forecast category OMITTED). */
    public static StageDefinition lost(String name) {
        return new StageDefinition(name, StageKind.LOST, null, null, null);
    }

    /** This definition in forecast category {@code category}. */
    public StageDefinition forecast(ForecastCategory category) {
        return new StageDefinition(name, kind, probability, category, followUp);
    }

    /** This definition with a follow-up task (null for none). */
    public StageDefinition followUp(FollowUp followUp) {
        return new StageDefinition(name, kind, probability, forecastCategory, followUp);
    }

    /** This definition with another name. */
    public StageDefinition named(String name) {
        return new StageDefinition(name, kind, probability, forecastCategory, followUp);
    }

    /** This definition with another default probability. */
    public StageDefinition probability(int probability) {
        return new StageDefinition(name, kind, probability, forecastCategory, followUp);
    }

    int resolvedProbability() {
        if (probability != null) {
            return probability;
        }
        if (kind == StageKind.WON) {
            return 100;
        }
        if (kind == StageKind.LOST) {
            return 0;
        }
        throw io.crmkit.shared.InvalidInputException.of("probability", "an OPEN stage needs its default probability");
    }

    ForecastCategory resolvedForecastCategory() {
        if (forecastCategory != null) {
            return forecastCategory;
        }
        if (kind == StageKind.WON) {
            return ForecastCategory.CLOSED;
        }
        return kind == StageKind.LOST ? ForecastCategory.OMITTED : ForecastCategory.PIPELINE;
    }
}
