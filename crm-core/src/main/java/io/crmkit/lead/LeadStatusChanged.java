package io.crmkit.lead;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A lead's status changed; {@code by} is null when crmkit made the change. */
public record LeadStatusChanged(EventId eventId, TenantId tenantId, LeadId leadId, Instant occurredAt,
                                LeadStatus from, LeadStatus to, UserId by, String reason) implements DomainEvent {
    @Override
    public LeadId aggregateId() {
        return leadId;
    }
}
