package io.crmkit.pipeline;

import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;

/** A deal's expected close date changed. */
public record DealCloseDateChanged(EventId eventId, TenantId tenantId, DealId dealId, Instant occurredAt,
                                   LocalDate from, LocalDate to, UserId by)
        implements DomainEvent {
    @Override
    public DealId aggregateId() {
        return dealId;
    }
}
