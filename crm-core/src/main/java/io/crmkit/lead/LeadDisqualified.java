package io.crmkit.lead;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A lead was disqualified for one of the tenant's reasons. */
public record LeadDisqualified(EventId eventId, TenantId tenantId, LeadId leadId, Instant occurredAt,
                               String reason, UserId by) implements DomainEvent {
    @Override
    public LeadId aggregateId() {
        return leadId;
    }
}
