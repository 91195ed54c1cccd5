package io.crmkit.lead;

import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** A capture created a lead ({@code outcome} CREATED, ATTACHED_TO_CUSTOMER or FLAGGED_POSSIBLE_DUPLICATE) or was attached to an open lead (ATTACHED_TO_LEAD). Duplicate deliveries publish nothing. */
public record LeadCaptured(EventId eventId, TenantId tenantId, LeadId leadId, Instant occurredAt,
                           CaptureOutcome outcome, LeadChannel channel, String campaign) implements DomainEvent {
    @Override
    public LeadId aggregateId() {
        return leadId;
    }
}
