package io.crmkit.lead;

import java.util.Optional;

/**
 * Where a lead stands in its own process.
 *
 * <p>Transitions, and the operation of {@link Leads} that makes each:
 * <ul>
 *   <li>{@link #NEW} → {@link #WORKING} → {@link #NURTURING}: forward only, skipping allowed
 *       ({@link Leads#moveTo});</li>
 *   <li>{@link #NEW}, {@link #WORKING}, {@link #NURTURING} → {@link #QUALIFIED}: only by a sales user accepting the
 *       lead with the BANT checklist ({@link Leads#acceptAsSalesQualified});</li>
 *   <li>{@link #QUALIFIED} → {@link #CONVERTED}: only by {@link Leads#convert};</li>
 *   <li>any open status → {@link #DISQUALIFIED}: only with a configured reason ({@link Leads#disqualify});</li>
 *   <li>{@link #DISQUALIFIED} → {@link #NURTURING}: only by {@link Leads#recycle}.</li>
 * </ul>
 * Every other transition (backwards, out of {@link #CONVERTED}, out of {@link #DISQUALIFIED} to anything but
 * nurturing) is refused with {@link io.crmkit.shared.IllegalTransitionException} saying why.
 */
public enum LeadStatus {
    /** Captured, nobody has worked on it yet. */
    NEW,
    /** A user is working on it. */
    WORKING,
    /** Not ready to buy; kept warm by marketing. */
    NURTURING,
    /** Accepted by sales (sales-qualified): ready to convert. */
    QUALIFIED,
    /** Converted into a customer (and maybe a deal); final. */
    CONVERTED,
    /** Not a prospect, for a reason; can be recycled to {@link #NURTURING}. */
    DISQUALIFIED;

    /** Whether the lead is still in play: neither converted nor disqualified. */
    public boolean isOpen() {
        return this != CONVERTED && this != DISQUALIFIED;
    }

    /**
     * Why {@link Leads#moveTo} may not move a lead from this status to {@code target}, or empty if it may.
     * Only {@link #WORKING} and {@link #NURTURING} are targets of {@code moveTo}; the other statuses are reached
     * by their own operations, which this names in the reason.
     */
    public Optional<String> refusalToMoveTo(LeadStatus target) {
        if (target == null) {
            return Optional.of("the target status must not be null");
        }
        switch (target) {
            case NEW:
                return Optional.of("no lead goes back to NEW");
            case QUALIFIED:
                return Optional.of("a lead becomes QUALIFIED only when a sales user accepts it with the BANT checklist"
                        + " (acceptAsSalesQualified)");
            case CONVERTED:
                return Optional.of("a lead becomes CONVERTED only by convert");
            case DISQUALIFIED:
                return Optional.of("a lead is DISQUALIFIED only by disqualify, with a reason");
            default:
                break;
        }
        if (this == CONVERTED) {
            return Optional.of("the lead is CONVERTED: that is final");
        }
        if (this == DISQUALIFIED) {
            return Optional.of("the lead is DISQUALIFIED: only recycle (to NURTURING) brings it back");
        }
        if (this == QUALIFIED) {
            return Optional.of("the lead is QUALIFIED: convert or disqualify it; it does not go back to " + target);
        }
        if (this.ordinal() > target.ordinal()) {
            return Optional.of("lead status moves forward only: " + this + " is after " + target);
        }
        return Optional.empty();
    }
}
