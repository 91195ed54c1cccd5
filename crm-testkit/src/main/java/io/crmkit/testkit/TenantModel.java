package io.crmkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.EmailAddress;
import io.crmkit.customer.PhoneNumber;
import io.crmkit.customer.Relationship;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.TouchpointId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one tenant of a storage must hold, computed by the simplest possible means: the properties apply every
 * write to the storage and to this model, then check that every read of the storage answers what the model says.
 */
final class TenantModel {

    static final Comparator<Touchpoint> NEWEST_FIRST =
            Comparator.comparing(Touchpoint::occurredAt).thenComparing(Touchpoint::id).reversed();

    final TenantId tenant;
    final Map<CustomerId, Customer> customers = new HashMap<>();
    final Map<RelationshipId, Relationship> relationships = new HashMap<>();
    final Map<TouchpointId, Touchpoint> touchpoints = new HashMap<>();
    final Map<SourceRef, Touchpoint> bySource = new HashMap<>();

    TenantModel(TenantId tenant) {
        this.tenant = tenant;
    }

    TenantModel copy() {
        TenantModel copy = new TenantModel(tenant);
        copy.customers.putAll(customers);
        copy.relationships.putAll(relationships);
        copy.touchpoints.putAll(touchpoints);
        copy.bySource.putAll(bySource);
        return copy;
    }

    /** Applies an ingestion as the SPI defines it and returns the outcomes the storage must return. */
    List<IngestOutcome> ingest(List<Touchpoint> batch) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (Touchpoint t : batch) {
            Touchpoint earlier = t.source() == null ? null : bySource.get(t.source());
            if (earlier != null) {
                outcomes.add(new IngestOutcome(earlier, true));
                continue;
            }
            touchpoints.put(t.id(), t);
            if (t.source() != null) {
                bySource.put(t.source(), t);
            }
            outcomes.add(new IngestOutcome(t, false));
        }
        return outcomes;
    }

    List<Customer> list() {
        return customers.values().stream().sorted(Comparator.comparing(Customer::id)).toList();
    }

    List<Customer> byEmail(EmailAddress email) {
        return list().stream().filter(c -> c.hasEmail(email)).toList();
    }

    List<Customer> byPhone(PhoneNumber phone) {
        return list().stream().filter(c -> c.phones().stream()
                .anyMatch(p -> p.number().e164().equals(phone.e164()))).toList();
    }

    List<Relationship> involving(CustomerId customer) {
        return relationships.values().stream().filter(r -> r.involves(customer))
                .sorted(Comparator.comparing(Relationship::id)).toList();
    }

    List<Touchpoint> timeline(CustomerId customer) {
        return touchpoints.values().stream().filter(t -> t.customerId().equals(customer)).sorted(NEWEST_FIRST)
                .toList();
    }

    CustomerActivity activity(CustomerId customer) {
        List<Touchpoint> timeline = timeline(customer);
        if (timeline.isEmpty()) {
            return CustomerActivity.none(customer);
        }
        Map<Channel, Long> counts = new EnumMap<>(Channel.class);
        Instant lastPurchase = null;
        for (Touchpoint t : timeline) {
            counts.merge(t.channel(), 1L, Long::sum);
            if (t.isPurchase() && (lastPurchase == null || t.occurredAt().isAfter(lastPurchase))) {
                lastPurchase = t.occurredAt();
            }
        }
        Touchpoint last = timeline.get(0);
        return new CustomerActivity(customer, counts, last.id(), last.occurredAt(), lastPurchase);
    }

    List<CustomerActivity> lapsed(Instant cutoff) {
        Set<CustomerId> buyers = new LinkedHashSet<>();
        touchpoints.values().forEach(t -> buyers.add(t.customerId()));
        return buyers.stream().map(this::activity)
                .filter(a -> a.lastPurchaseAt() != null && a.lastPurchaseAt().isBefore(cutoff))
                .sorted(Comparator.comparing(CustomerActivity::lastPurchaseAt)
                        .thenComparing(CustomerActivity::customerId))
                .toList();
    }

    /** The ids, addresses and numbers the properties look up in every tenant, whoever holds them. */
    static final class Probes {
        final Set<CustomerId> customers = new LinkedHashSet<>();
        final Set<RelationshipId> relationships = new LinkedHashSet<>();
        final Set<TouchpointId> touchpoints = new LinkedHashSet<>();
        final Set<EmailAddress> emails = new LinkedHashSet<>();
        final Set<PhoneNumber> phones = new LinkedHashSet<>();
        final List<Instant> cutoffs = new ArrayList<>(List.of(Timestamps.MAX));

        void addAll(TenantModel model) {
            customers.addAll(model.customers.keySet());
            relationships.addAll(model.relationships.keySet());
            touchpoints.addAll(model.touchpoints.keySet());
            model.customers.values().forEach(c -> {
                c.emails().forEach(e -> emails.add(e.address()));
                c.phones().forEach(p -> phones.add(p.number()));
            });
            model.relationships.values().forEach(r -> {
                customers.add(r.from());
                customers.add(r.to());
            });
            model.touchpoints.values().forEach(t -> customers.add(t.customerId()));
        }
    }

    /**
     * Asserts that every read of {@code storage} for this tenant answers what this model says: by id, by e-mail, by
     * phone, lists, relationships from both ends, timelines, activity and lapsed buyers, for every probe (including
     * the ids, addresses and numbers of other tenants, which must find nothing here).
     */
    void assertHeldBy(CrmStorage storage, Probes probes) {
        String in = "tenant " + tenant + ": ";
        assertThat(SpiPaging.customers(storage, tenant, CustomerQuery.ALL, 3)).as(in + "list of all customers").containsExactlyElementsOf(list());
        for (CustomerId id : probes.customers) {
            assertThat(storage.customers().find(tenant, id)).as(in + "customer %s", id)
                    .isEqualTo(Optional.ofNullable(customers.get(id)));
            assertThat(SpiPaging.involving(storage, tenant, id, 3)).as(in + "relationships involving %s", id)
                    .containsExactlyElementsOf(involving(id));
            assertThat(SpiPaging.timeline(storage, tenant, id, TimelineQuery.ALL, 4))
                    .as(in + "timeline of %s", id).containsExactlyElementsOf(timeline(id));
            assertThat(storage.touchpoints().activity(tenant, id)).as(in + "activity of %s", id)
                    .isEqualTo(activity(id));
        }
        assertThat(storage.customers().existing(tenant, probes.customers)).as(in + "existing customers")
                .containsExactlyInAnyOrderElementsOf(intersection(probes.customers, customers.keySet()));
        for (EmailAddress email : probes.emails) {
            assertThat(storage.customers().findByEmail(tenant, email)).as(in + "customers with e-mail %s", email)
                    .containsExactlyElementsOf(byEmail(email));
        }
        for (PhoneNumber phone : probes.phones) {
            assertThat(storage.customers().findByPhone(tenant, phone)).as(in + "customers with phone %s", phone)
                    .containsExactlyElementsOf(byPhone(phone));
        }
        for (RelationshipId id : probes.relationships) {
            assertThat(storage.relationships().find(tenant, id)).as(in + "relationship %s", id)
                    .isEqualTo(Optional.ofNullable(relationships.get(id)));
        }
        for (Relationship r : relationships.values()) {
            assertThat(storage.relationships().find(tenant, r.from(), r.type(), r.to()))
                    .as(in + "relationship %s %s %s", r.from(), r.type(), r.to()).contains(r);
        }
        for (TouchpointId id : probes.touchpoints) {
            assertThat(storage.touchpoints().find(tenant, id)).as(in + "touchpoint %s", id)
                    .isEqualTo(Optional.ofNullable(touchpoints.get(id)));
        }
        for (Instant cutoff : probes.cutoffs) {
            assertThat(SpiPaging.lapsed(storage, tenant, cutoff, 3)).as(in + "lapsed buyers before %s", cutoff)
                    .containsExactlyElementsOf(lapsed(cutoff));
        }
    }

    private static <T> Set<T> intersection(Collection<T> a, Set<T> b) {
        Set<T> result = new LinkedHashSet<>(a);
        result.retainAll(b);
        return result;
    }
}
