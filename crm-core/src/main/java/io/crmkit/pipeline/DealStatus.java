package io.crmkit.pipeline;

/** Whether a deal is still open, or closed as won or lost: the kind of the stage it is in. */
public enum DealStatus {
    OPEN, WON, LOST;

    /** The status of a deal in a stage of {@code kind}. */
    public static DealStatus of(StageKind kind) {
        switch (kind) {
            case WON:
                return WON;
            case LOST:
                return LOST;
            default:
                return OPEN;
        }
    }

    /** Whether the deal is closed. */
    public boolean isClosed() {
        return this != OPEN;
    }
}
