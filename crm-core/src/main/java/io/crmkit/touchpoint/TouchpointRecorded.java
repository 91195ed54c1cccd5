package io.crmkit.touchpoint;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.EventId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import java.time.Instant;

/**
 * A new touchpoint was recorded (duplicates of an earlier delivery publish nothing), for a customer
 * ({@code customerId}) or a lead ({@code leadId}, {@code customerId} null).
 */
public record TouchpointRecorded(EventId eventId, TenantId tenantId, TouchpointId touchpointId, Instant occurredAt,
                                 CustomerId customerId, Channel channel, Direction direction,
                                 Instant touchpointOccurredAt, LeadId leadId) implements DomainEvent {

    /** A customer's touchpoint was recorded: the form from before touchpoints could belong to leads. */
    public TouchpointRecorded(EventId eventId, TenantId tenantId, TouchpointId touchpointId, Instant occurredAt,
                              CustomerId customerId, Channel channel, Direction direction,
                              Instant touchpointOccurredAt) {
        this(eventId, tenantId, touchpointId, occurredAt, customerId, channel, direction, touchpointOccurredAt, null);
    }

    @Override
    public TouchpointId aggregateId() {
        return touchpointId;
    }
}
