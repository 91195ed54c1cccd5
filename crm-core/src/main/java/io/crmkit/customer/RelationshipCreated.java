package io.crmkit.customer;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import java.time.Instant;

/** Two customers were related: {@code from} {@code type.label()} {@code to}, and the inverse. */
public record RelationshipCreated(EventId eventId, TenantId tenantId, RelationshipId relationshipId,
                                  Instant occurredAt, CustomerId from, RelationshipType type, CustomerId to)
        implements DomainEvent {
    @Override
    public RelationshipId aggregateId() {
        return relationshipId;
    }
}
