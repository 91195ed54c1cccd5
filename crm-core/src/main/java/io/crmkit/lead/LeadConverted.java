package io.crmkit.lead;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;

/** A lead was converted into a customer (and maybe an organisation and a deal). */
public record LeadConverted(EventId eventId, TenantId tenantId, LeadId leadId, Instant occurredAt,
                            CustomerId customerId, boolean customerCreated, CustomerId organisationId,
                            DealId dealId, UserId by) implements DomainEvent {
    @Override
    public LeadId aggregateId() {
        return leadId;
    }
}
