package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** An archived customer was made active again. */
public record CustomerUnarchived(EventId eventId, TenantId tenantId, CustomerId customerId, Instant occurredAt)
        implements DomainEvent {
    @Override
    public CustomerId aggregateId() {
        return customerId;
    }
}
