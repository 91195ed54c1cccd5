package io.crmkit.lead;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A lead's owner changed, at capture (through the assignment strategy or explicitly) or by reassignment; {@code by} is null when crmkit assigned it. */
public record LeadAssigned(EventId eventId, TenantId tenantId, LeadId leadId, Instant occurredAt,
                           UserId from, UserId to, UserId by) implements DomainEvent {
    @Override
    public LeadId aggregateId() {
        return leadId;
    }
}
