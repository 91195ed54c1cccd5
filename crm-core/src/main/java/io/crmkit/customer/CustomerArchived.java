package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** A customer was archived. */
public record CustomerArchived(EventId eventId, TenantId tenantId, CustomerId customerId, Instant occurredAt)
        implements DomainEvent {
    @Override
    public CustomerId aggregateId() {
        return customerId;
    }
}
