package io.crmkit.pipeline;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TextRules;

/**
 * One stage of a {@link Pipeline}: a column of the board.
 *
 * <p>Invariants, guarded by the constructor: a name of 1 to {@value #MAX_NAME_LENGTH} characters (trimmed); a default
 * win probability of 0 to 100; a WON stage has probability 100 and forecast category {@link ForecastCategory#CLOSED},
 * a LOST stage probability 0 and {@link ForecastCategory#OMITTED}, and an OPEN stage is never {@code CLOSED}.
 *
 * <p>A retired stage stays in its pipeline, so that deal histories that name it can still be read, but no deal can
 * enter it any more and it holds no deals.
 *
 * @param id               the stage's id
 * @param name             its name, unique among the active stages of its pipeline (ignoring case)
 * @param kind             open, won or lost
 * @param probability      the default win probability (0–100) of deals that enter it
 * @param forecastCategory the forecast category it maps to
 * @param followUp         the follow-up task it creates when a deal enters it, or null
 * @param retired          whether it has been retired
 */
public record Stage(StageId id, String name, StageKind kind, int probability, ForecastCategory forecastCategory,
                    FollowUp followUp, boolean retired) {

    /** The longest stage name. */
    public static final int MAX_NAME_LENGTH = 100;

    /** @throws InvalidInputException naming the first broken invariant */
    public Stage {
        if (id == null) {
            throw InvalidInputException.of("id", "must not be null");
        }
        name = TextRules.required("name", name, MAX_NAME_LENGTH);
        if (kind == null) {
            throw InvalidInputException.of("kind", "must not be null");
        }
        if (forecastCategory == null) {
            throw InvalidInputException.of("forecastCategory", "must not be null");
        }
        if (probability < 0 || probability > 100) {
            throw InvalidInputException.of("probability", "must be between 0 and 100");
        }
        if (kind == StageKind.WON && probability != 100) {
            throw InvalidInputException.of("probability", "a WON stage has probability 100");
        }
        if (kind == StageKind.LOST && probability != 0) {
            throw InvalidInputException.of("probability", "a LOST stage has probability 0");
        }
        if (kind == StageKind.WON && forecastCategory != ForecastCategory.CLOSED) {
            throw InvalidInputException.of("forecastCategory", "a WON stage is in forecast category CLOSED");
        }
        if (kind == StageKind.LOST && forecastCategory != ForecastCategory.OMITTED) {
            throw InvalidInputException.of("forecastCategory", "a LOST stage is in forecast category OMITTED");
        }
        if (kind == StageKind.OPEN && forecastCategory == ForecastCategory.CLOSED) {
            throw InvalidInputException.of("forecastCategory", "an OPEN stage cannot be in forecast category CLOSED");
        }
    }

    /** A stage made from {@code definition}; see {@link StageDefinition} for its defaults. */
    public static Stage of(StageId id, StageDefinition definition) {
        return new Stage(id, definition.name(), definition.kind(), definition.resolvedProbability(),
                definition.resolvedForecastCategory(), definition.followUp(), false);
    }

    /** Whether deals can enter this stage (it is not retired). */
    public boolean isActive() {
        return !retired;
    }

    /** Whether this is an OPEN stage. */
    public boolean isOpen() {
        return kind == StageKind.OPEN;
    }

    /** This stage, retired. */
    Stage retire() {
        return new Stage(id, name, kind, probability, forecastCategory, followUp, true);
    }

    /** Whether this stage's name equals {@code other} ignoring case. */
    boolean isNamed(String other) {
        return name.equalsIgnoreCase(other.strip());
    }
}
