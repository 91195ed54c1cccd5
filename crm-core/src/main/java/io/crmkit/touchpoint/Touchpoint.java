package io.crmkit.touchpoint;

import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.Attributes;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.StorableText;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.util.Map;

/**
 * One interaction between the business and a customer or a lead: an e-mail, a call, a visit, a purchase, a support
 * request. Touchpoints are immutable once recorded; together they are the customer's (or the lead's) history, its
 * timeline. A touchpoint belongs to exactly one party: a customer ({@code customerId}) or a lead ({@code leadId}).
 * When a lead is converted, its touchpoints move to the customer it became (their {@code customerId} set, their
 * {@code leadId} cleared).
 *
 * <p>Invariants: exactly one of {@code customerId} and {@code leadId} is present; timestamps are {@linkplain Timestamps#normalise normalised} to microseconds; a {@link Channel#PURCHASE} touchpoint has a {@link Purchase} and no other has one; subject and
 * body are bounded; attributes have valid keys.
 *
 * @param id         the touchpoint's id
 * @param tenantId   the tenant
 * @param customerId the customer it happened with, or null for a lead's touchpoint
 * @param leadId     the lead it happened with, or null for a customer's touchpoint
 * @param channel    the kind of interaction
 * @param direction  who started it
 * @param occurredAt when it happened (may be long before it was recorded: late arrivals are normal)
 * @param recordedAt when crmkit recorded it
 * @param subject    a subject line, or null
 * @param body       the content, or null
 * @param handledBy  the user of the host who handled it, or null
 * @param dealId     the deal it belongs to, or null
 * @param attributes free attributes, sorted by key
 * @param purchase   the amount and order reference of a purchase; null for other channels
 * @param source     the source system and its id, the key of idempotent ingestion; null for touchpoints
 *                   recorded by hand
 */
public record Touchpoint(
        TouchpointId id,
        TenantId tenantId,
        CustomerId customerId,
        LeadId leadId,
        Channel channel,
        Direction direction,
        Instant occurredAt,
        Instant recordedAt,
        String subject,
        String body,
        UserId handledBy,
        DealId dealId,
        Map<String, AttributeValue> attributes,
        Purchase purchase,
        SourceRef source) {

    /** The longest subject. */
    public static final int MAX_SUBJECT_LENGTH = 500;
    /** The longest body. */
    public static final int MAX_BODY_LENGTH = 100_000;

    /** @throws InvalidInputException naming the first broken invariant */
    public Touchpoint {
        if (id == null || tenantId == null || channel == null || direction == null
                || occurredAt == null || recordedAt == null) {
            throw InvalidInputException.of("touchpoint",
                    "id, tenantId, channel, direction, occurredAt and recordedAt are required");
        }
        if ((customerId == null) == (leadId == null)) {
            throw InvalidInputException.of("customerId", "a touchpoint belongs to exactly one customer or lead");
        }
        occurredAt = Timestamps.normalise("occurredAt", occurredAt);
        recordedAt = Timestamps.normalise("recordedAt", recordedAt);
        if (subject != null && subject.length() > MAX_SUBJECT_LENGTH) {
            throw InvalidInputException.of("subject", "must be at most " + MAX_SUBJECT_LENGTH + " characters");
        }
        if (body != null && body.length() > MAX_BODY_LENGTH) {
            throw InvalidInputException.of("body", "must be at most " + MAX_BODY_LENGTH + " characters");
        }
        StorableText.require("subject", subject);
        StorableText.require("body", body);
        if ((channel == Channel.PURCHASE) != (purchase != null)) {
            throw InvalidInputException.of("purchase", channel == Channel.PURCHASE
                    ? "a purchase needs an amount" : "only a PURCHASE touchpoint has a purchase");
        }
        attributes = Attributes.copyOf("attributes", attributes == null ? Map.of() : attributes);
    }

    /**
     * A customer's touchpoint: the form of the constructor from before touchpoints could belong to leads.
     *
     * @throws InvalidInputException naming the first broken invariant
     */
    public Touchpoint(TouchpointId id, TenantId tenantId, CustomerId customerId, Channel channel, Direction direction,
                      Instant occurredAt, Instant recordedAt, String subject, String body, UserId handledBy,
                      DealId dealId, Map<String, AttributeValue> attributes, Purchase purchase, SourceRef source) {
        this(id, tenantId, customerId, null, channel, direction, occurredAt, recordedAt, subject, body, handledBy,
                dealId, attributes, purchase, source);
    }

    /** Whether it belongs to a lead (rather than a customer). */
    public boolean belongsToLead() {
        return leadId != null;
    }

    /** This touchpoint moved to {@code customer}'s history: its lead cleared. */
    public Touchpoint movedTo(CustomerId customer) {
        return new Touchpoint(id, tenantId, customer, null, channel, direction, occurredAt, recordedAt, subject, body,
                handledBy, dealId, attributes, purchase, source);
    }

    /** Whether this is a purchase. */
    public boolean isPurchase() {
        return purchase != null;
    }
}
