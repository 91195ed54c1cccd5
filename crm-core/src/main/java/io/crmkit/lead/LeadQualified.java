package io.crmkit.lead;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A lead reached a qualification level: MARKETING_QUALIFIED (its rule held; {@code by} null) or SALES_QUALIFIED (accepted by {@code by}). */
public record LeadQualified(EventId eventId, TenantId tenantId, LeadId leadId, Instant occurredAt,
                            QualificationLevel level, UserId by) implements DomainEvent {
    @Override
    public LeadId aggregateId() {
        return leadId;
    }
}
