package io.crmkit.examples.kvstore;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
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
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Touchpoints and the activity summary derived from them.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>{@code touchpoint|tenant|id}</td><td>the touchpoint</td></tr>
 *   <tr><td>{@code touchpoint-source|tenant|system|external id}</td><td>its id: the unique index that makes
 *       ingestion idempotent (looked up, and written, in the same transaction)</td></tr>
 *   <tr><td>{@code timeline|tenant|customer|occurredAt|id}</td><td>its id: the timeline, scanned backwards for
 *       newest first</td></tr>
 *   <tr><td>{@code timeline-channel|tenant|customer|channel|occurredAt|id}</td><td>its id: one timeline per
 *       channel, merged when a query names several</td></tr>
 *   <tr><td>{@code activity|tenant|customer}</td><td>the customer's {@link CustomerActivity}, updated with every
 *       touchpoint</td></tr>
 *   <tr><td>{@code lapsed|tenant|lastPurchaseAt|customer}</td><td>the customer id: lapsed buyers are a scan up to
 *       the cutoff</td></tr>
 * </table>
 */
final class KvTouchpointStore implements TouchpointStore {

    private final KvCrmStorage storage;

    KvTouchpointStore(KvCrmStorage storage) {
        this.storage = storage;
    }

    private static String key(TenantId tenant, TouchpointId id) {
        return Key.of("touchpoint", tenant).id(id.value()).toString();
    }

    private static String sourceKey(TenantId tenant, Touchpoint t) {
        return Key.of("touchpoint-source", tenant).text(t.source().system()).text(t.source().externalId()).toString();
    }

    private static Key timeline(TenantId tenant, CustomerId customer) {
        return Key.of("timeline", tenant).id(customer.value());
    }

    private static Key timeline(TenantId tenant, CustomerId customer, Channel channel) {
        return Key.of("timeline-channel", tenant).id(customer.value()).name(channel);
    }

    private static Key leadTimeline(TenantId tenant, LeadId lead) {
        return Key.of("lead-timeline", tenant).id(lead.value());
    }

    private static Key leadTimeline(TenantId tenant, LeadId lead, Channel channel) {
        return Key.of("lead-timeline-channel", tenant).id(lead.value()).name(channel);
    }

    /** The timeline keys of a touchpoint: in its customer's or its lead's timeline, and the channel's. */
    private static List<String> timelineKeys(TenantId tenant, Touchpoint t) {
        Key all = t.leadId() != null ? leadTimeline(tenant, t.leadId()) : timeline(tenant, t.customerId());
        Key channel = t.leadId() != null ? leadTimeline(tenant, t.leadId(), t.channel())
                : timeline(tenant, t.customerId(), t.channel());
        return List.of(all.instant(t.occurredAt()).id(t.id().value()).toString(),
                channel.instant(t.occurredAt()).id(t.id().value()).toString());
    }

    private static String activityKey(TenantId tenant, CustomerId customer) {
        return Key.of("activity", tenant).id(customer.value()).toString();
    }

    private static Key lapsed(TenantId tenant) {
        return Key.of("lapsed", tenant);
    }

    @Override
    public List<IngestOutcome> insertAll(TenantId tenant, List<Touchpoint> touchpoints) {
        for (Touchpoint t : touchpoints) {
            KvCrmStorage.requireTenant(tenant, t.tenantId(), "Touchpoint " + t.id());
        }
        return storage.write(tenant, tx -> {
            List<IngestOutcome> outcomes = new ArrayList<>(touchpoints.size());
            for (Touchpoint t : touchpoints) {
                // Idempotency: the source index is read and written in one transaction, and transactions of a tenant
                // do not overlap, so two deliveries of one source can never both be stored.
                if (t.source() != null) {
                    TouchpointId earlier = (TouchpointId) tx.get(sourceKey(tenant, t));
                    if (earlier != null) {
                        outcomes.add(new IngestOutcome((Touchpoint) tx.get(key(tenant, earlier)), true));
                        continue;
                    }
                }
                String key = key(tenant, t.id());
                if (tx.get(key) != null) {
                    throw new StorageException("Touchpoint " + t.id() + " already exists");
                }
                tx.put(key, t);
                if (t.source() != null) {
                    tx.put(sourceKey(tenant, t), t.id());
                }
                for (String timelineKey : timelineKeys(tenant, t)) {
                    tx.put(timelineKey, t.id());
                }
                if (t.customerId() != null) { // a lead's touchpoints count in no customer's activity
                    updateActivity(tx, tenant, t);
                }
                outcomes.add(new IngestOutcome(t, false));
            }
            return outcomes;
        });
    }

    /**
     * Moves a converted lead's touchpoints to the customer it became: each one's record is replaced by
     * {@link Touchpoint#movedTo}, its keys move from the lead's timelines to the customer's, and the customer's
     * activity takes it in. All in the caller's unit of work.
     */
    @Override
    public long moveLeadTouchpoints(TenantId tenant, LeadId lead, CustomerId customer) {
        return storage.write(tenant, tx -> {
            Key prefix = leadTimeline(tenant, lead);
            List<TouchpointId> moving = new ArrayList<>();
            for (Map.Entry<String, Object> entry : tx.scan(prefix.toString(), true, prefix.end(), false, false)) {
                moving.add((TouchpointId) entry.getValue());
            }
            for (TouchpointId id : moving) { // collected first: the loop below changes the range scanned above
                Touchpoint before = (Touchpoint) tx.get(key(tenant, id));
                Touchpoint after = before.movedTo(customer);
                timelineKeys(tenant, before).forEach(tx::delete);
                tx.put(key(tenant, id), after);
                timelineKeys(tenant, after).forEach(k -> tx.put(k, id));
                updateActivity(tx, tenant, after);
            }
            return (long) moving.size();
        });
    }

    /** Adds {@code t} to its customer's activity, and moves the customer in the lapsed-buyers index. */
    private static void updateActivity(OrderedKeyValueStore.Transaction tx, TenantId tenant, Touchpoint t) {
        String key = activityKey(tenant, t.customerId());
        CustomerActivity before = (CustomerActivity) tx.get(key);
        if (before == null) {
            before = CustomerActivity.none(t.customerId());
        }
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        counts.putAll(before.countsByChannel());
        counts.merge(t.channel(), 1L, Long::sum);
        // Late and out-of-order arrivals are normal: the latest touchpoint is the latest by occurrence (then id).
        boolean latest = before.lastTouchpointId() == null
                || t.occurredAt().isAfter(before.lastTouchpointAt())
                || t.occurredAt().equals(before.lastTouchpointAt())
                && io.crmkit.shared.Ids.compare(t.id().value(), before.lastTouchpointId().value()) > 0;
        Instant lastPurchase = before.lastPurchaseAt();
        if (t.isPurchase() && (lastPurchase == null || t.occurredAt().isAfter(lastPurchase))) {
            lastPurchase = t.occurredAt();
        }
        CustomerActivity after = new CustomerActivity(t.customerId(), counts,
                latest ? t.id() : before.lastTouchpointId(), latest ? t.occurredAt() : before.lastTouchpointAt(),
                lastPurchase);
        tx.put(key, after);
        if (before.lastPurchaseAt() != null && !before.lastPurchaseAt().equals(lastPurchase)) {
            tx.delete(lapsed(tenant).instant(before.lastPurchaseAt()).id(t.customerId().value()).toString());
        }
        if (lastPurchase != null) {
            tx.put(lapsed(tenant).instant(lastPurchase).id(t.customerId().value()).toString(), t.customerId());
        }
    }

    @Override
    public Optional<Touchpoint> find(TenantId tenant, TouchpointId id) {
        return storage.read(tenant, view -> Optional.ofNullable((Touchpoint) view.get(key(tenant, id))));
    }

    /**
     * A backwards scan of the timeline between the query's time bounds, starting just before the cursor's position.
     * With channels named, one scan per channel index, merged newest first: the cost grows with the page, not with
     * the customer's history. The direction is filtered on the way.
     */
    @Override
    public Slice<Touchpoint> timeline(TenantId tenant, CustomerId customer, TimelineQuery query,
                                      TimelinePosition after, int limit) {
        return storage.read(tenant, view -> {
            List<Key> prefixes = new ArrayList<>();
            if (query.channels().isEmpty()) {
                prefixes.add(timeline(tenant, customer));
            } else {
                for (Channel channel : query.channels()) {
                    prefixes.add(timeline(tenant, customer, channel));
                }
            }
            return page(view, tenant, prefixes, query, after, limit);
        });
    }

    /** A page of the timelines under {@code prefixes} (one, or one per channel), merged newest first. */
    private static Slice<Touchpoint> page(OrderedKeyValueStore.View view, TenantId tenant, List<Key> prefixes,
                                          TimelineQuery query, TimelinePosition after, int limit) {
        List<Iterator<Map.Entry<String, Object>>> scans = new ArrayList<>();
        List<Integer> prefixLengths = new ArrayList<>();
        for (Key prefix : prefixes) {
            prefixLengths.add(prefix.toString().length());
            scans.add(backwards(view, prefix, query, after).iterator());
        }
        Iterable<Map.Entry<String, Object>> newestFirst = scans.size() == 1 ? () -> scans.get(0)
                : () -> mergeNewestFirst(scans, prefixLengths);
        return Scans.slice(newestFirst, id -> (Touchpoint) view.get(key(tenant, (TouchpointId) id)),
                t -> query.direction() == null || t.direction() == query.direction(), limit);
    }

    /** The entries under {@code prefix} inside the query's bounds and before {@code after}, newest first. */
    private static Iterable<Map.Entry<String, Object>> backwards(OrderedKeyValueStore.View view, Key prefix,
                                                                 TimelineQuery query, TimelinePosition after) {
        String prefixText = prefix.toString();
        // Upper end: until is exclusive; so is the cursor's position. Take the lower of the two.
        String upper = prefix.end();
        if (query.until() != null) {
            upper = min(upper, prefixText + suffix(query.until(), null));
        }
        if (after != null) {
            upper = min(upper, prefixText + suffix(after.occurredAt(), after.id()));
        }
        // Lower end: from is inclusive.
        String lower = query.from() == null ? prefixText : prefixText + suffix(query.from(), null);
        return view.scan(lower, true, upper, false, true);
    }

    /** The key components after a timeline prefix: the instant, and the id if there is one. */
    private static String suffix(Instant occurredAt, TouchpointId id) {
        Key components = Key.components().instant(occurredAt);
        return (id == null ? components : components.id(id.value())).toString();
    }

    private static String min(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Merges backwards scans of several per-channel timelines into one newest-first sequence. Their keys differ in
     * the prefix (the channel) but end alike ({@code occurredAt|id}), so the entries compare by what follows the
     * prefix.
     */
    private static Iterator<Map.Entry<String, Object>> mergeNewestFirst(List<Iterator<Map.Entry<String, Object>>> scans,
                                                                        List<Integer> prefixLengths) {
        record Head(String suffix, Map.Entry<String, Object> entry, int scan) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> b.suffix().compareTo(a.suffix()));
        for (int i = 0; i < scans.size(); i++) {
            if (scans.get(i).hasNext()) {
                Map.Entry<String, Object> entry = scans.get(i).next();
                heads.add(new Head(entry.getKey().substring(prefixLengths.get(i)), entry, i));
            }
        }
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !heads.isEmpty();
            }

            @Override
            public Map.Entry<String, Object> next() {
                Head head = heads.poll();
                Iterator<Map.Entry<String, Object>> scan = scans.get(head.scan());
                if (scan.hasNext()) {
                    Map.Entry<String, Object> entry = scan.next();
                    heads.add(new Head(entry.getKey().substring(prefixLengths.get(head.scan())), entry, head.scan()));
                }
                return head.entry();
            }
        };
    }

    @Override
    public Slice<Touchpoint> leadTimeline(TenantId tenant, LeadId lead, TimelineQuery query, TimelinePosition after,
                                          int limit) {
        return storage.read(tenant, view -> {
            List<Key> prefixes = new ArrayList<>();
            if (query.channels().isEmpty()) {
                prefixes.add(leadTimeline(tenant, lead));
            } else {
                for (Channel channel : query.channels()) {
                    prefixes.add(leadTimeline(tenant, lead, channel));
                }
            }
            return page(view, tenant, prefixes, query, after, limit);
        });
    }

    @Override
    public CustomerActivity activity(TenantId tenant, CustomerId customer) {
        return storage.read(tenant, view -> {
            CustomerActivity activity = (CustomerActivity) view.get(activityKey(tenant, customer));
            return activity == null ? CustomerActivity.none(customer) : activity;
        });
    }

    @Override
    public Slice<CustomerActivity> lapsedBuyers(TenantId tenant, Instant cutoff, LapsedPosition after, int limit) {
        return storage.read(tenant, view -> {
            Key prefix = lapsed(tenant);
            String from = after == null ? prefix.toString()
                    : lapsed(tenant).instant(after.lastPurchaseAt()).id(after.customerId().value()).toString();
            String to = lapsed(tenant).instant(cutoff).toString(); // strictly before the cutoff
            return Scans.slice(view.scan(from, after == null, to, false, false),
                    id -> (CustomerActivity) view.get(activityKey(tenant, (CustomerId) id)), limit);
        });
    }
}
