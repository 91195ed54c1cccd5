package io.crmkit.lead;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import java.math.BigDecimal;
import java.time.Instant;

/** A lead's stored score changed (a score computed equal to the stored one publishes nothing; a lead never scored counts as zero). */
public record LeadScored(EventId eventId, TenantId tenantId, LeadId leadId, Instant occurredAt,
                         BigDecimal from, BigDecimal to, Instant scoredAt) implements DomainEvent {
    @Override
    public LeadId aggregateId() {
        return leadId;
    }
}
