package io.crmkit.pipeline;

import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A deal's probability was overridden, or the override was cleared ({@code overridden} false). */
public record DealProbabilityChanged(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt, int from,
                                     int to, boolean overridden, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
