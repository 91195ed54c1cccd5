package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** A customer was registered. */
public record CustomerRegistered(EventId eventId, TenantId tenantId, CustomerId customerId, Instant occurredAt,
                                 CustomerKind kind, LifecycleStage lifecycleStage) implements DomainEvent {
    @Override
    public CustomerId aggregateId() {
        return customerId;
    }
}
