package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** A customer's profile, contact points, tags, attributes, preferences, owner or communication preference changed. */
public record CustomerUpdated(EventId eventId, TenantId tenantId, CustomerId customerId, Instant occurredAt,
                              long version) implements DomainEvent {
    @Override
    public CustomerId aggregateId() {
        return customerId;
    }
}
