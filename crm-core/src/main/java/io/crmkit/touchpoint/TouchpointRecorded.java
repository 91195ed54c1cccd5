package io.crmkit.touchpoint;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import java.time.Instant;

/** A new touchpoint was recorded (duplicates of an earlier delivery publish nothing). */
public record TouchpointRecorded(EventId eventId, TenantId tenantId, TouchpointId touchpointId, Instant occurredAt,
                                 CustomerId customerId, Channel channel, Direction direction,
                                 Instant touchpointOccurredAt) implements DomainEvent {
    @Override
    public TouchpointId aggregateId() {
        return touchpointId;
    }
}
