package io.crmkit.shared;

import java.time.Instant;

/**
 * Something that happened to an aggregate and that a host may react to: an immutable record named in the past
 * tense ({@code CustomerRegistered}, {@code TouchpointRecorded}, ...).
 *
 * <p>Events are delivered to the listeners registered on the {@code Crm} builder after the unit of work that
 * produced them committed, in the order they happened; a unit of work that failed delivers none.
 */
public interface DomainEvent {

    /** A unique id for this event, so that hosts can de-duplicate deliveries they forward elsewhere. */
    EventId eventId();

    /** The tenant the aggregate belongs to. */
    TenantId tenantId();

    /** The aggregate that changed. */
    AggregateId aggregateId();

    /** When it happened, by the {@code Crm}'s clock. */
    Instant occurredAt();
}
