package io.crmkit.pipeline;

/** What a {@link DealHistoryEntry} records. */
public enum DealChangeKind {
    /** The deal was opened: the first entry of every history, with no "before". */
    OPENED,
    /** The deal moved to another open stage. */
    STAGE_CHANGED,
    /** The deal was won. */
    WON,
    /** The deal was lost (the entry carries the reason and note). */
    LOST,
    /** The closed deal was reopened into an open stage. */
    REOPENED,
    /** The deal was moved because its stage was retired. */
    STAGE_RETIRED,
    /** The amount changed. */
    AMOUNT_CHANGED,
    /** The probability was overridden, or the override was cleared. */
    PROBABILITY_CHANGED,
    /** The expected close date changed. */
    CLOSE_DATE_CHANGED,
    /** The owner changed. */
    OWNER_CHANGED;

    /** Whether entries of this kind move the deal to another stage. */
    public boolean isStageChange() {
        return this == STAGE_CHANGED || this == WON || this == LOST || this == REOPENED || this == STAGE_RETIRED;
    }
}
