package io.crmkit.pipeline;

import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.Money;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A deal's amount changed. */
public record DealAmountChanged(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt, Money from,
                                Money to, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
