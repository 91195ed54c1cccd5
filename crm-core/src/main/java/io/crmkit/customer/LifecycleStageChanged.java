package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/**
 * A customer's lifecycle stage changed: forward, or through an explicit reset ({@code reset} true, with the
 * caller's reason).
 */
public record LifecycleStageChanged(EventId eventId, TenantId tenantId, CustomerId customerId, Instant occurredAt,
                                    LifecycleStage from, LifecycleStage to, boolean reset, String reason)
        implements DomainEvent {
    @Override
    public CustomerId aggregateId() {
        return customerId;
    }
}
