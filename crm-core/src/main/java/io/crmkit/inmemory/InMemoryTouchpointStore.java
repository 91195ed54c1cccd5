package io.crmkit.inmemory;

import io.crmkit.inmemory.TenantData.History;
import io.crmkit.inmemory.TenantData.LapsedKey;
import io.crmkit.inmemory.TenantData.TimelineKey;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.TouchpointId;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;

final class InMemoryTouchpointStore implements TouchpointStore {

    private static final TouchpointId SMALLEST_ID = new TouchpointId(new UUID(0, 0));

    private final InMemoryCrmStorage storage;

    InMemoryTouchpointStore(InMemoryCrmStorage storage) {
        this.storage = storage;
    }

    @Override
    public List<IngestOutcome> insertAll(TenantId tenant, List<Touchpoint> touchpoints) {
        for (Touchpoint t : touchpoints) {
            if (!t.tenantId().equals(tenant)) {
                throw new TenantViolationException("Touchpoint " + t.id() + " belongs to tenant " + t.tenantId()
                        + ", not to " + tenant);
            }
        }
        return storage.write(tenant, (data, undo) -> {
            List<IngestOutcome> outcomes = new ArrayList<>(touchpoints.size());
            for (Touchpoint t : touchpoints) {
                TouchpointId earlier = t.source() == null ? null : data.touchpointsBySource.get(t.source());
                if (earlier != null) {
                    outcomes.add(new IngestOutcome(data.touchpoints.get(earlier), true));
                    continue;
                }
                if (data.touchpoints.containsKey(t.id())) {
                    throw new StorageException("Touchpoint " + t.id() + " already exists");
                }
                if (t.leadId() != null) {
                    addToLead(data, t);
                    undo.push(() -> removeFromLead(data, t));
                    outcomes.add(new IngestOutcome(t, false));
                    continue;
                }
                History history = data.history(t.customerId());
                CustomerActivity before = history.activity;
                add(data, history, t);
                undo.push(() -> remove(data, history, t, before));
                outcomes.add(new IngestOutcome(t, false));
            }
            return outcomes;
        });
    }

    private static void addToLead(TenantData data, Touchpoint t) {
        data.touchpoints.put(t.id(), t);
        if (t.source() != null) {
            data.touchpointsBySource.put(t.source(), t.id());
        }
        History timeline = data.leadTimeline(t.leadId());
        TimelineKey key = TimelineKey.of(t);
        timeline.all.put(key, t);
        timeline.channel(t.channel()).put(key, t);
    }

    private static void removeFromLead(TenantData data, Touchpoint t) {
        data.touchpoints.remove(t.id());
        if (t.source() != null) {
            data.touchpointsBySource.remove(t.source());
        }
        History timeline = data.leadTimelines.get(t.leadId());
        if (timeline != null) {
            TimelineKey key = TimelineKey.of(t);
            timeline.all.remove(key);
            timeline.channel(t.channel()).remove(key);
            if (timeline.all.isEmpty()) {
                data.leadTimelines.remove(t.leadId());
            }
        }
    }

    @Override
    public long moveLeadTouchpoints(TenantId tenant, LeadId lead, CustomerId customer) {
        return storage.write(tenant, (data, undo) -> {
            History timeline = data.leadTimelines.get(lead);
            if (timeline == null) {
                return 0L;
            }
            List<Touchpoint> moving = new ArrayList<>(timeline.all.values());
            History history = data.history(customer);
            for (Touchpoint t : moving) {
                removeFromLead(data, t);
                Touchpoint moved = t.movedTo(customer);
                CustomerActivity before = history.activity;
                add(data, history, moved);
                undo.push(() -> {
                    remove(data, history, moved, before);
                    addToLead(data, t);
                });
            }
            return (long) moving.size();
        });
    }

    private static void add(TenantData data, History history, Touchpoint t) {
        data.touchpoints.put(t.id(), t);
        if (t.source() != null) {
            data.touchpointsBySource.put(t.source(), t.id());
        }
        TimelineKey key = TimelineKey.of(t);
        history.all.put(key, t);
        history.channel(t.channel()).put(key, t);
        CustomerActivity before = history.activity;
        history.activity = withTouchpoint(before, t);
        relapse(data, before, history.activity);
    }

    private static void remove(TenantData data, History history, Touchpoint t, CustomerActivity before) {
        data.touchpoints.remove(t.id());
        if (t.source() != null) {
            data.touchpointsBySource.remove(t.source());
        }
        TimelineKey key = TimelineKey.of(t);
        history.all.remove(key);
        history.channel(t.channel()).remove(key);
        CustomerActivity after = history.activity;
        history.activity = before;
        relapse(data, after, before);
    }

    /** Moves the customer's entry in the lapsed-buyers index from one activity to another. */
    private static void relapse(TenantData data, CustomerActivity from, CustomerActivity to) {
        if (from.lastPurchaseAt() != null) {
            data.lapsed.remove(new LapsedKey(from.lastPurchaseAt(), from.customerId()));
        }
        if (to.lastPurchaseAt() != null) {
            data.lapsed.add(new LapsedKey(to.lastPurchaseAt(), to.customerId()));
        }
    }

    private static CustomerActivity withTouchpoint(CustomerActivity activity, Touchpoint t) {
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        counts.putAll(activity.countsByChannel());
        counts.merge(t.channel(), 1L, Long::sum);
        boolean newest = activity.lastTouchpointId() == null
                || TenantData.NEWEST_FIRST.compare(TimelineKey.of(t),
                new TimelineKey(activity.lastTouchpointAt(), activity.lastTouchpointId())) < 0;
        Instant lastPurchase = activity.lastPurchaseAt();
        if (t.isPurchase() && (lastPurchase == null || t.occurredAt().isAfter(lastPurchase))) {
            lastPurchase = t.occurredAt();
        }
        return new CustomerActivity(activity.customerId(), counts,
                newest ? t.id() : activity.lastTouchpointId(),
                newest ? t.occurredAt() : activity.lastTouchpointAt(),
                lastPurchase);
    }

    @Override
    public Optional<Touchpoint> find(TenantId tenant, TouchpointId id) {
        return storage.read(tenant, data -> Optional.ofNullable(data.touchpoints.get(id)));
    }

    @Override
    public Slice<Touchpoint> timeline(TenantId tenant, CustomerId customer, TimelineQuery query,
                                      TimelinePosition after, int limit) {
        return storage.read(tenant, data -> page(data.histories.get(customer), query, after, limit));
    }

    @Override
    public Slice<Touchpoint> leadTimeline(TenantId tenant, LeadId lead, TimelineQuery query, TimelinePosition after,
                                          int limit) {
        return storage.read(tenant, data -> page(data.leadTimelines.get(lead), query, after, limit));
    }

    private static Slice<Touchpoint> page(History history, TimelineQuery query, TimelinePosition after, int limit) {
        if (history == null) {
            return Slice.<Touchpoint>empty();
        }
        TimelineKey start = start(query, after);
        List<NavigableMap<TimelineKey, Touchpoint>> sources = new ArrayList<>();
        if (query.channels().isEmpty()) {
            sources.add(history.all);
        } else {
            for (Channel channel : query.channels()) {
                NavigableMap<TimelineKey, Touchpoint> map = history.byChannel.get(channel);
                if (map != null) {
                    sources.add(map);
                }
            }
        }
        List<Touchpoint> page = new ArrayList<>(limit + 1);
        Iterator<Touchpoint> merged = merge(sources, start);
        while (merged.hasNext() && page.size() <= limit) {
            Touchpoint t = merged.next();
            if (query.from() != null && t.occurredAt().isBefore(query.from())) {
                break; // newest first: everything after this is older still
            }
            if (query.direction() == null || t.direction() == query.direction()) {
                page.add(t);
            }
        }
        return Slice.of(page, limit);
    }

    /** The key to start after: the later (in timeline order) of the cursor and the upper time bound. */
    private static TimelineKey start(TimelineQuery query, TimelinePosition after) {
        TimelineKey fromCursor = after == null ? null : new TimelineKey(after.occurredAt(), after.id());
        TimelineKey fromUntil = query.until() == null ? null : new TimelineKey(query.until(), SMALLEST_ID);
        if (fromCursor == null) {
            return fromUntil;
        }
        if (fromUntil == null) {
            return fromCursor;
        }
        return TenantData.NEWEST_FIRST.compare(fromCursor, fromUntil) >= 0 ? fromCursor : fromUntil;
    }

    /** Iterates several newest-first maps as one, strictly after {@code start} (null for the start). */
    private static Iterator<Touchpoint> merge(List<NavigableMap<TimelineKey, Touchpoint>> sources,
                                              TimelineKey start) {
        List<Iterator<Map.Entry<TimelineKey, Touchpoint>>> iterators = new ArrayList<>();
        for (NavigableMap<TimelineKey, Touchpoint> source : sources) {
            iterators.add((start == null ? source : source.tailMap(start, false)).entrySet().iterator());
        }
        if (iterators.size() == 1) {
            Iterator<Map.Entry<TimelineKey, Touchpoint>> only = iterators.get(0);
            return new Iterator<>() {
                public boolean hasNext() {
                    return only.hasNext();
                }

                public Touchpoint next() {
                    return only.next().getValue();
                }
            };
        }
        record Head(Map.Entry<TimelineKey, Touchpoint> entry, Iterator<Map.Entry<TimelineKey, Touchpoint>> rest) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(
                (a, b) -> TenantData.NEWEST_FIRST.compare(a.entry().getKey(), b.entry().getKey()));
        for (var iterator : iterators) {
            if (iterator.hasNext()) {
                heads.add(new Head(iterator.next(), iterator));
            }
        }
        return new Iterator<>() {
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            public Touchpoint next() {
                Head head = heads.poll();
                if (head.rest().hasNext()) {
                    heads.add(new Head(head.rest().next(), head.rest()));
                }
                return head.entry().getValue();
            }
        };
    }

    @Override
    public CustomerActivity activity(TenantId tenant, CustomerId customer) {
        return storage.read(tenant, data -> {
            History history = data.histories.get(customer);
            return history == null ? CustomerActivity.none(customer) : history.activity;
        });
    }

    @Override
    public Slice<CustomerActivity> lapsedBuyers(TenantId tenant, Instant cutoff, LapsedPosition after, int limit) {
        return storage.read(tenant, data -> {
            var candidates = after == null ? data.lapsed
                    : data.lapsed.tailSet(new LapsedKey(after.lastPurchaseAt(), after.customerId()), false);
            List<CustomerActivity> page = new ArrayList<>(limit + 1);
            for (LapsedKey key : candidates) {
                if (!key.lastPurchaseAt().isBefore(cutoff) || page.size() > limit) {
                    break;
                }
                page.add(data.histories.get(key.customerId()).activity);
            }
            return Slice.of(page, limit);
        });
    }
}
