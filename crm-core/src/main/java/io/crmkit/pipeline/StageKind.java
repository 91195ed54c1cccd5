package io.crmkit.pipeline;

/**
 * What a stage means for the deals in it: still {@link #OPEN}, or closed as {@link #WON} or {@link #LOST}. Every
 * pipeline keeps at least one active stage of each kind.
 */
public enum StageKind {
    OPEN, WON, LOST;

    /** Whether deals in a stage of this kind are closed (won or lost). */
    public boolean isClosed() {
        return this != OPEN;
    }
}
