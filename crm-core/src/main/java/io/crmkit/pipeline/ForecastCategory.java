package io.crmkit.pipeline;

/**
 * The forecast category a stage maps to, as sales forecasts count it: {@link #PIPELINE} (early, uncertain),
 * {@link #BEST_CASE}, {@link #COMMIT} (the seller commits to it), {@link #CLOSED} (won) and {@link #OMITTED} (lost, or
 * left out of the forecast). A WON stage is always {@code CLOSED}, a LOST stage always {@code OMITTED}, and an OPEN
 * stage never {@code CLOSED}.
 */
public enum ForecastCategory {
    PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED
}
