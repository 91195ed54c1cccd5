package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** A relationship was removed, both sides of it. */
public record RelationshipRemoved(EventId eventId, TenantId tenantId, RelationshipId relationshipId,
                                  Instant occurredAt, CustomerId from, RelationshipType type, CustomerId to)
        implements DomainEvent {
    @Override
    public RelationshipId aggregateId() {
        return relationshipId;
    }
}
