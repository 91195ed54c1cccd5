package io.crmkit.inmemory;

import io.crmkit.customer.Customer;
import io.crmkit.customer.Relationship;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadStatusChange;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/** One tenant's data and indexes. Guarded by {@link #lock}; never shared between tenants. */
final class TenantData {

    /** Newest first: occurredAt descending, then id descending. */
    static final Comparator<TimelineKey> NEWEST_FIRST = Comparator.comparing(TimelineKey::occurredAt)
            .thenComparing(TimelineKey::id, (a, b) -> Ids.compare(a.value(), b.value()))
            .reversed();

    /** Oldest purchase first, then customer id. */
    static final Comparator<LapsedKey> LAPSED_ORDER = Comparator.comparing(LapsedKey::lastPurchaseAt)
            .thenComparing(LapsedKey::customerId);

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    final TreeMap<CustomerId, Customer> customers = new TreeMap<>();
    final Map<String, TreeSet<CustomerId>> customersByEmail = new HashMap<>();
    final Map<String, TreeSet<CustomerId>> customersByPhone = new HashMap<>();

    final TreeMap<RelationshipId, Relationship> relationships = new TreeMap<>();
    final Map<CustomerId, TreeSet<RelationshipId>> relationshipsByCustomer = new HashMap<>();

    final Map<TouchpointId, Touchpoint> touchpoints = new HashMap<>();
    final Map<SourceRef, TouchpointId> touchpointsBySource = new HashMap<>();
    final Map<CustomerId, History> histories = new HashMap<>();
    final TreeSet<LapsedKey> lapsed = new TreeSet<>(LAPSED_ORDER);

    final TreeMap<LeadId, Lead> leads = new TreeMap<>();
    final Map<String, TreeSet<LeadId>> leadsByEmail = new HashMap<>();
    final Map<String, TreeSet<LeadId>> leadsByPhone = new HashMap<>();
    final Map<SourceRef, LeadId> leadSources = new HashMap<>();
    final Map<LeadId, TreeMap<Long, LeadStatusChange>> leadHistory = new HashMap<>();
    final Map<String, Long> sequences = new HashMap<>();
    final Map<LeadId, History> leadTimelines = new HashMap<>();
    LeadSettings leadSettings;

    final SalesData sales = new SalesData();
    final TaskData tasks = new TaskData();

    History history(CustomerId customer) {
        return histories.computeIfAbsent(customer, c -> new History(CustomerActivity.none(c)));
    }

    /** A lead's timeline (its activity is unused: leads have none). */
    History leadTimeline(LeadId lead) {
        return leadTimelines.computeIfAbsent(lead, l -> new History(null));
    }

    /** A position in a timeline. */
    record TimelineKey(Instant occurredAt, TouchpointId id) {
        static TimelineKey of(Touchpoint t) {
            return new TimelineKey(t.occurredAt(), t.id());
        }
    }

    /** A position in the lapsed-buyers index. */
    record LapsedKey(Instant lastPurchaseAt, CustomerId customerId) {
    }

    /** One customer's (or lead's) timeline, per-channel timelines and activity summary (null for a lead). */
    static final class History {
        final TreeMap<TimelineKey, Touchpoint> all = new TreeMap<>(NEWEST_FIRST);
        final EnumMap<Channel, TreeMap<TimelineKey, Touchpoint>> byChannel = new EnumMap<>(Channel.class);
        CustomerActivity activity;

        History(CustomerActivity activity) {
            this.activity = activity;
        }

        TreeMap<TimelineKey, Touchpoint> channel(Channel channel) {
            return byChannel.computeIfAbsent(channel, c -> new TreeMap<>(NEWEST_FIRST));
        }
    }
}
