package io.crmkit.spi;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Stores touchpoints, and the per-customer activity summary derived from them. A touchpoint belongs to a customer
 * or to a lead ({@link Touchpoint#leadId()}); a lead's touchpoints are in the lead's timeline and count in no
 * customer's activity until {@link #moveLeadTouchpoints} moves them.
 */
public interface TouchpointStore {

    /**
     * Stores {@code touchpoints}, skipping every one whose {@link Touchpoint#source()} is already stored (or appears
     * earlier in the list), and updates the activity of their customers (a lead's touchpoints update none).
     * Idempotency must hold under concurrency: two units of work inserting the same source store it once (a unique
     * constraint, not a read-then-write race), and the one that loses the race gets a duplicate outcome with the winner's touchpoint once the winner committed
     * (an adapter may instead throw {@link io.crmkit.shared.RetryableStorageException}, which the caller retries).
     *
     * @return one outcome per element, in order
     * @throws io.crmkit.shared.TenantViolationException if an element's tenant is not {@code tenant}
     */
    List<IngestOutcome> insertAll(TenantId tenant, List<Touchpoint> touchpoints);

    /** The touchpoint, if it exists in {@code tenant}. */
    Optional<Touchpoint> find(TenantId tenant, TouchpointId id);

    /**
     * The customer's touchpoints matching {@code query}, newest first: by occurredAt descending, then id descending
     * (unsigned), strictly after {@code after} in that order (null for the start), at most {@code limit}. Must not
     * scan the customer's whole history: the cost grows with the page, not with the history.
     */
    Slice<Touchpoint> timeline(TenantId tenant, CustomerId customer, TimelineQuery query, TimelinePosition after,
                               int limit);

    /** The customer's activity summary; {@link CustomerActivity#none} if it has no touchpoints. */
    CustomerActivity activity(TenantId tenant, CustomerId customer);

    /**
     * The activity of customers whose last purchase occurred before {@code cutoff}, ordered by lastPurchaseAt
     * ascending then customer id ascending, strictly after {@code after} (null for the start), at most
     * {@code limit}.
     */
    Slice<CustomerActivity> lapsedBuyers(TenantId tenant, Instant cutoff, LapsedPosition after, int limit);

    /**
     * The lead's touchpoints matching {@code query}, in the order and with the paging rules of
     * {@link #timeline(TenantId, CustomerId, TimelineQuery, TimelinePosition, int)}.
     *
     * <p>Default: throws {@link UnsupportedOperationException}, for adapters written before touchpoints could belong
     * to leads; every adapter that stores leads implements it.
     */
    default Slice<Touchpoint> leadTimeline(TenantId tenant, LeadId lead, TimelineQuery query, TimelinePosition after,
                                           int limit) {
        throw new UnsupportedOperationException(getClass().getName() + " does not store lead touchpoints");
    }

    /**
     * Moves every touchpoint of {@code lead} to {@code customer}: their {@code customerId} becomes {@code customer}
     * and their {@code leadId} null (see {@link Touchpoint#movedTo}); ids, sources and every other value stay. The
     * customer's activity (counts, last touchpoint, last purchase, lapsed-buyer index) then includes them. Runs in
     * the caller's unit of work: all of them move, or (if it rolls back) none.
     *
     * <p>Default: throws {@link UnsupportedOperationException}, as {@link #leadTimeline}.
     *
     * @return how many moved
     */
    default long moveLeadTouchpoints(TenantId tenant, LeadId lead, CustomerId customer) {
        throw new UnsupportedOperationException(getClass().getName() + " does not store lead touchpoints");
    }
}
