package io.crmkit.customer;

import java.util.Optional;

/**
 * Where a customer stands in the funnel. The ordered stages go forward only, from {@link #SUBSCRIBER} to
 * {@link #EVANGELIST}; {@link #OTHER} stands outside the funnel (partners, suppliers, staff).
 *
 * <p>Rules: a move to a later ordered stage is allowed (skipping stages is allowed); a move to an earlier one is
 * refused. {@link #OTHER} may be entered from any stage, but not left again by a move: it has no place in the
 * order, and leaving it for an ordered stage would let {@code CUSTOMER → OTHER → SUBSCRIBER} go backwards without
 * a reset. A backwards move, and leaving {@link #OTHER}, are possible only through the explicit reset operation.
 */
public enum LifecycleStage {
    SUBSCRIBER, LEAD, MARKETING_QUALIFIED, SALES_QUALIFIED, OPPORTUNITY, CUSTOMER, EVANGELIST, OTHER;

    /** Whether this stage has a place in the forward-only order (every stage but {@link #OTHER}). */
    public boolean isOrdered() {
        return this != OTHER;
    }

    /** Whether this stage comes after {@code other} in the order; false whenever either is {@link #OTHER}. */
    public boolean isAfter(LifecycleStage other) {
        return isOrdered() && other.isOrdered() && ordinal() > other.ordinal();
    }

    /** Why a move from this stage to {@code target} is refused, or empty if it is allowed (or a no-op). */
    public Optional<String> refusalToMoveTo(LifecycleStage target) {
        if (this == OTHER && target != OTHER) {
            return Optional.of("lifecycle stage OTHER stands outside the funnel and is left only by a reset, so that "
                    + "no move goes backwards through it; use resetLifecycle to move it to " + target);
        }
        if (this.isAfter(target)) {
            return Optional.of("lifecycle stage moves forward only: " + this + " is after " + target
                    + "; use resetLifecycle to move it back");
        }
        return Optional.empty();
    }
}
