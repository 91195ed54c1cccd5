package io.crmkit.behaviour;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.Relationship;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a storage holds for some tenants, read through the SPI: customers, and per customer its timeline,
 * relationships and activity, and the lapsed buyers. Two snapshots are equal when nothing was stored or changed in
 * between.
 */
record StorageSnapshot(Map<TenantId, TenantSnapshot> tenants) {

    record TenantSnapshot(List<Customer> customers, Map<CustomerId, List<Touchpoint>> timelines,
                          Map<CustomerId, List<Relationship>> relationships,
                          Map<CustomerId, CustomerActivity> activities, List<CustomerActivity> buyers) {
    }

    static StorageSnapshot of(CrmStorage storage, TenantId... tenants) {
        Map<TenantId, TenantSnapshot> out = new LinkedHashMap<>();
        for (TenantId tenant : tenants) {
            out.put(tenant, tenant(storage, tenant));
        }
        return new StorageSnapshot(out);
    }

    static StorageSnapshot ofDefault(CrmStorage storage) {
        return of(storage, TenantId.DEFAULT);
    }

    private static TenantSnapshot tenant(CrmStorage storage, TenantId tenant) {
        List<Customer> customers = new ArrayList<>();
        CustomerId after = null;
        Slice<Customer> slice;
        do {
            slice = storage.customers().list(tenant, CustomerQuery.ALL, after, 100);
            customers.addAll(slice.items());
            after = customers.isEmpty() ? null : customers.get(customers.size() - 1).id();
        } while (slice.hasMore());

        Map<CustomerId, List<Touchpoint>> timelines = new LinkedHashMap<>();
        Map<CustomerId, List<Relationship>> relationships = new LinkedHashMap<>();
        Map<CustomerId, CustomerActivity> activities = new LinkedHashMap<>();
        for (Customer customer : customers) {
            List<Touchpoint> timeline = new ArrayList<>();
            TimelinePosition position = null;
            Slice<Touchpoint> page;
            do {
                page = storage.touchpoints().timeline(tenant, customer.id(), TimelineQuery.ALL, position, 100);
                timeline.addAll(page.items());
                position = timeline.isEmpty() ? null : TimelinePosition.of(timeline.get(timeline.size() - 1));
            } while (page.hasMore());
            timelines.put(customer.id(), timeline);
            relationships.put(customer.id(), storage.relationships().involving(tenant, customer.id(), null, 1000)
                    .items());
            activities.put(customer.id(), storage.touchpoints().activity(tenant, customer.id()));
        }

        List<CustomerActivity> buyers = new ArrayList<>();
        LapsedPosition position = null;
        Slice<CustomerActivity> page;
        do {
            page = storage.touchpoints().lapsedBuyers(tenant, Timestamps.MAX, position, 100);
            buyers.addAll(page.items());
            CustomerActivity last = buyers.isEmpty() ? null : buyers.get(buyers.size() - 1);
            position = last == null ? null : new LapsedPosition(last.lastPurchaseAt(), last.customerId());
        } while (page.hasMore());
        return new TenantSnapshot(customers, timelines, relationships, activities, buyers);
    }
}
