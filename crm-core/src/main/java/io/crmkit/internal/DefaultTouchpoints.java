package io.crmkit.internal;

import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadStatus;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.Violations;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.touchpoint.BatchResult;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.RecordResult;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.touchpoint.TouchpointRecorded;
import io.crmkit.touchpoint.Touchpoints;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link Touchpoints} of one tenant. */
public final class DefaultTouchpoints implements Touchpoints {

    private final CrmRuntime rt;
    private final TenantId tenant;
    private final TouchpointStore store;

    public DefaultTouchpoints(CrmRuntime rt, TenantId tenant) {
        this.rt = rt;
        this.tenant = tenant;
        this.store = rt.storage().touchpoints();
    }

    @Override
    public RecordResult record(NewTouchpoint touchpoint) {
        Violations violations = new Violations();
        Instant now = rt.now();
        Touchpoint prepared = prepare("touchpoint", "", touchpoint, now, violations);
        violations.throwIfAny();
        return store(List.of(prepared)).results().get(0);
    }

    @Override
    public BatchResult recordAll(List<NewTouchpoint> touchpoints) {
        if (touchpoints == null) {
            throw InvalidInputException.of("touchpoints", "must not be null");
        }
        if (touchpoints.size() > MAX_BATCH_SIZE) {
            throw InvalidInputException.of("touchpoints", "a batch holds at most " + MAX_BATCH_SIZE
                    + " touchpoints; split it");
        }
        if (touchpoints.isEmpty()) {
            return new BatchResult(List.of());
        }
        Violations violations = new Violations();
        Instant now = rt.now();
        List<Touchpoint> prepared = new ArrayList<>(touchpoints.size());
        for (int i = 0; i < touchpoints.size(); i++) {
            prepared.add(prepare("[" + i + "]", "[" + i + "]", touchpoints.get(i), now, violations));
        }
        violations.throwIfAny();
        return store(prepared);
    }

    private BatchResult store(List<Touchpoint> touchpoints) {
        return rt.write(tenant, events -> {
            Set<CustomerId> customers = new LinkedHashSet<>();
            Set<LeadId> leads = new LinkedHashSet<>();
            for (Touchpoint t : touchpoints) {
                if (t.leadId() != null) {
                    leads.add(t.leadId());
                } else {
                    customers.add(t.customerId());
                }
            }
            Set<CustomerId> existing = customers.isEmpty() ? Set.of()
                    : rt.storage().customers().existing(tenant, customers);
            for (CustomerId customer : customers) {
                if (!existing.contains(customer)) {
                    throw new NotFoundException("Customer", customer);
                }
            }
            for (LeadId lead : leads) {
                requireRecordableLead(lead);
            }
            List<IngestOutcome> outcomes = store.insertAll(tenant, touchpoints);
            List<RecordResult> results = new ArrayList<>(outcomes.size());
            for (IngestOutcome outcome : outcomes) {
                results.add(new RecordResult(outcome.stored(), outcome.duplicate()));
                if (!outcome.duplicate()) {
                    Touchpoint t = outcome.stored();
                    events.add(new TouchpointRecorded(events.nextId(), tenant, t.id(), t.recordedAt(),
                            t.customerId(), t.channel(), t.direction(), t.occurredAt(), t.leadId()));
                }
            }
            return new BatchResult(results);
        });
    }

    private Touchpoint prepare(String name, String prefix, NewTouchpoint input, Instant now, Violations violations) {
        if (input == null) {
            violations.add(name, "must not be null");
            return null;
        }
        int before = violations.size();
        rt.validator().validate(name, input, prefix, violations);
        String at = prefix.isEmpty() ? "" : prefix + ".";
        if ((input.customerId() == null) == (input.leadId() == null)) {
            violations.add(at + "customerId", "a touchpoint belongs to exactly one customer or lead: give one of"
                    + " customerId and leadId");
        }
        if (input.channel() == Channel.PURCHASE && input.amount() == null) {
            violations.add(at + "amount", "a PURCHASE needs an amount");
        }
        if (input.channel() != null && input.channel() != Channel.PURCHASE) {
            if (input.amount() != null) {
                violations.add(at + "amount", "only a PURCHASE has an amount");
            }
            if (input.orderReference() != null) {
                violations.add(at + "orderReference", "only a PURCHASE has an order reference");
            }
        }
        input.attributes().forEach((key, value) -> {
            if (!io.crmkit.shared.Attributes.isValidKey(key)) {
                violations.add(at + "attributes[" + key + "]",
                        "key must be a letter followed by up to 63 letters, digits or _ . -");
            }
        });
        if (violations.size() != before) {
            return null;
        }
        Purchase purchase = input.amount() == null ? null
                : violations.captureNested(prefix, () -> new Purchase(input.amount(), input.orderReference()));
        return violations.captureNested(prefix, () -> new Touchpoint(new TouchpointId(rt.ids().next()), tenant,
                input.customerId(), input.leadId(), input.channel(), input.direction(), input.occurredAt(), now,
                blankToNull(input.subject()), blankToNull(input.body()), input.handledBy(), input.dealId(),
                input.attributes(), purchase, input.source()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    @Override
    public Optional<Touchpoint> find(TouchpointId id) {
        if (id == null) {
            throw InvalidInputException.of("touchpointId", "must not be null");
        }
        return store.find(tenant, id);
    }

    @Override
    public Page<Touchpoint> timeline(CustomerId customerId, TimelineQuery query, PageRequest page) {
        if (customerId == null) {
            throw InvalidInputException.of("customerId", "must not be null");
        }
        if (query == null) {
            throw InvalidInputException.of("query", "must not be null");
        }
        String scope = "timeline|" + tenant + "|" + customerId + "|" + query;
        Page<Touchpoint> result = Paging.page(rt.cursors(), scope, page,
                buffer -> new TimelinePosition(getInstant(buffer), new TouchpointId(CursorCodec.getUuid(buffer))),
                (after, limit) -> store.timeline(tenant, customerId, query, after, limit),
                t -> {
                    ByteBuffer buffer = ByteBuffer.allocate(28);
                    putInstant(buffer, t.occurredAt());
                    CursorCodec.putUuid(buffer, t.id().value());
                    return buffer.array();
                });
        // Only an empty page needs the look-up that tells an unknown customer from a quiet one: touchpoints are only
        // recorded for customers that exist, and customers are archived, never deleted. A page with touchpoints
        // saves the look-up (a round trip on a database).
        if (result.items().isEmpty()) {
            requireCustomer(customerId);
        }
        return result;
    }

    @Override
    public Page<Touchpoint> timeline(CustomerId customerId, PageRequest page) {
        return timeline(customerId, TimelineQuery.ALL, page);
    }

    @Override
    public Page<Touchpoint> leadTimeline(LeadId leadId, TimelineQuery query, PageRequest page) {
        if (leadId == null) {
            throw InvalidInputException.of("leadId", "must not be null");
        }
        if (query == null) {
            throw InvalidInputException.of("query", "must not be null");
        }
        if (rt.storage().leads().find(tenant, leadId).isEmpty()) {
            throw new NotFoundException("Lead", leadId);
        }
        String scope = "leadTimeline|" + tenant + "|" + leadId + "|" + query;
        return Paging.page(rt.cursors(), scope, page,
                buffer -> new TimelinePosition(getInstant(buffer), new TouchpointId(CursorCodec.getUuid(buffer))),
                (after, limit) -> store.leadTimeline(tenant, leadId, query, after, limit),
                t -> {
                    ByteBuffer buffer = ByteBuffer.allocate(28);
                    putInstant(buffer, t.occurredAt());
                    CursorCodec.putUuid(buffer, t.id().value());
                    return buffer.array();
                });
    }

    @Override
    public Page<Touchpoint> leadTimeline(LeadId leadId, PageRequest page) {
        return leadTimeline(leadId, TimelineQuery.ALL, page);
    }

    private void requireRecordableLead(LeadId leadId) {
        Lead lead = rt.storage().leads().find(tenant, leadId)
                .orElseThrow(() -> new NotFoundException("Lead", leadId));
        if (lead.status() == LeadStatus.CONVERTED) {
            throw new IllegalTransitionException("Lead", leadId, "is converted into customer " + lead.customerId()
                    + "; record touchpoints for that customer");
        }
    }

    @Override
    public CustomerActivity activity(CustomerId customerId) {
        requireCustomer(customerId);
        return store.activity(tenant, customerId);
    }

    @Override
    public Page<CustomerActivity> lapsedBuyers(Instant cutoff, PageRequest page) {
        if (cutoff == null) {
            throw InvalidInputException.of("cutoff", "must not be null");
        }
        Instant bound = io.crmkit.shared.Timestamps.ceilToMicros(cutoff); // stored instants are microseconds
        String scope = "lapsed|" + tenant + "|" + bound;
        return Paging.page(rt.cursors(), scope, page,
                buffer -> new LapsedPosition(getInstant(buffer), new CustomerId(CursorCodec.getUuid(buffer))),
                (after, limit) -> store.lapsedBuyers(tenant, bound, after, limit),
                a -> {
                    ByteBuffer buffer = ByteBuffer.allocate(28);
                    putInstant(buffer, a.lastPurchaseAt());
                    CursorCodec.putUuid(buffer, a.customerId().value());
                    return buffer.array();
                });
    }

    private void requireCustomer(CustomerId customerId) {
        if (customerId == null) {
            throw InvalidInputException.of("customerId", "must not be null");
        }
        if (rt.storage().customers().existing(tenant, List.of(customerId)).isEmpty()) {
            throw new NotFoundException("Customer", customerId);
        }
    }

    private static void putInstant(ByteBuffer buffer, Instant instant) {
        buffer.putLong(instant.getEpochSecond()).putInt(instant.getNano());
    }

    private static Instant getInstant(ByteBuffer buffer) {
        long seconds = buffer.getLong();
        int nanos = buffer.getInt();
        if (nanos < 0 || nanos > 999_999_999) {
            throw InvalidInputException.of("cursor", "is not a cursor of this query");
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
