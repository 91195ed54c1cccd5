package io.crmkit.touchpoint;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TouchpointId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The touchpoints of one tenant: recording (one at a time, or in batches for imports and webhooks), the customer
 * and lead timelines, and per-customer activity. A touchpoint belongs to a customer or to a lead; a lead's
 * touchpoints move to the customer's timeline when the lead is converted. Obtained from {@code crm.touchpoints()} or
 * {@code crm.tenant(id).touchpoints()}.
 *
 * <p>Recording is idempotent on the touchpoint's {@link SourceRef}: a second delivery with the same source and
 * external id stores nothing and returns the touchpoint stored the first time, marked as a duplicate. The source
 * alone is the key: a redelivery that differs in content (even in its customer) is still the same delivery, and the
 * first one stands.
 */
public interface Touchpoints {

    /**
     * Records one touchpoint.
     *
     * @throws InvalidInputException      listing every problem of the touchpoint
     * @throws NotFoundException          if its customer or lead does not exist in this tenant
     * @throws IllegalTransitionException if its lead is converted (record it for the customer it became)
     */
    RecordResult record(NewTouchpoint touchpoint);

    /**
     * Records a batch in one unit of work: the fast path for imports and webhooks. Either every element is
     * recorded (or recognised as a duplicate, also of an earlier element of the same batch) or none is: an invalid
     * element refuses the whole batch, naming the element's index and field ({@code [17].amount}).
     *
     * @param touchpoints at most {@value #MAX_BATCH_SIZE} touchpoints
     * @throws InvalidInputException      listing every problem of every element
     * @throws NotFoundException          if a customer or lead does not exist in this tenant
     * @throws IllegalTransitionException if a lead is converted
     */
    BatchResult recordAll(List<NewTouchpoint> touchpoints);

    /** The largest batch {@link #recordAll} accepts. */
    int MAX_BATCH_SIZE = 10_000;

    /** The touchpoint with {@code id}, if it exists in this tenant. */
    Optional<Touchpoint> find(TouchpointId id);

    /**
     * A page of the customer's timeline, newest first by (occurredAt, id), filtered by {@code query}. Paging
     * neither skips nor repeats a touchpoint, even while new ones are recorded.
     *
     * @throws NotFoundException     if the customer does not exist in this tenant
     * @throws InvalidInputException if the cursor is forged, altered or was issued for another query
     */
    Page<Touchpoint> timeline(CustomerId customerId, TimelineQuery query, PageRequest page);

    /** The whole timeline, paged; see {@link #timeline(CustomerId, TimelineQuery, PageRequest)}. */
    Page<Touchpoint> timeline(CustomerId customerId, PageRequest page);

    /**
     * A page of the lead's timeline, newest first by (occurredAt, id), filtered by {@code query}, paged as
     * {@link #timeline(CustomerId, TimelineQuery, PageRequest)}. Empty once the lead is converted: its touchpoints
     * are then in the customer's timeline.
     *
     * @throws NotFoundException     if the lead does not exist in this tenant
     * @throws InvalidInputException if the cursor is forged, altered or was issued for another query
     */
    Page<Touchpoint> leadTimeline(LeadId leadId, TimelineQuery query, PageRequest page);

    /** The lead's whole timeline, paged; see {@link #leadTimeline(LeadId, TimelineQuery, PageRequest)}. */
    Page<Touchpoint> leadTimeline(LeadId leadId, PageRequest page);

    /**
     * The customer's activity summary: counts by channel, last touchpoint, last purchase.
     *
     * @throws NotFoundException if the customer does not exist in this tenant
     */
    CustomerActivity activity(CustomerId customerId);

    /**
     * A page of the customers whose last purchase occurred before {@code cutoff} ("who has not bought for 90
     * days": {@code cutoff = now - 90 days}), those who have waited longest first. Customers who never bought are
     * not included; archived customers are (filter them if you wish). The cutoff is part of the query: pass the
     * same cutoff with every page's cursor (compute it once, not from a moving clock), or the cursor is refused.
     */
    Page<CustomerActivity> lapsedBuyers(Instant cutoff, PageRequest page);
}
