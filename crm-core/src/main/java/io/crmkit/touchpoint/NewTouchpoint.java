package io.crmkit.touchpoint;

import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.UserId;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A touchpoint to record.
 *
 * <pre>{@code
 * NewTouchpoint order = NewTouchpoint.builder(sarah.id(), Channel.PURCHASE, Direction.INBOUND, placedAt)
 *         .purchase(Money.of("42.50", "EUR"), "1001")
 *         .source("shop", "order-1001")     // the webhook may be delivered twice: stored once
 *         .build();
 * NewTouchpoint visit = NewTouchpoint.forLead(lead.id(), Channel.WEB_VISIT, Direction.INBOUND, visitedAt).build();
 * }</pre>
 *
 * <p>It belongs to exactly one party: a customer or a lead; naming both or neither is refused when recorded.
 *
 * @param customerId     the customer it happened with, or null for a lead's touchpoint
 * @param leadId         the lead it happened with, or null for a customer's touchpoint
 * @param channel        the kind of interaction
 * @param direction      who started it
 * @param occurredAt     when it happened
 * @param subject        a subject line, or null
 * @param body           the content, or null
 * @param handledBy      the user who handled it, or null
 * @param dealId         the deal it belongs to, or null
 * @param attributes     free attributes
 * @param amount         the amount of a purchase; required for {@link Channel#PURCHASE}, refused otherwise
 * @param orderReference the order number of a purchase, or null
 * @param source         the source system and its id (the idempotency key), or null
 */
public record NewTouchpoint(
        CustomerId customerId,
        LeadId leadId,
        @NotNull Channel channel,
        @NotNull Direction direction,
        @NotNull Instant occurredAt,
        @Size(max = Touchpoint.MAX_SUBJECT_LENGTH) String subject,
        @Size(max = Touchpoint.MAX_BODY_LENGTH) String body,
        UserId handledBy,
        DealId dealId,
        Map<@NotNull String, @NotNull AttributeValue> attributes,
        Money amount,
        @Size(min = 1, max = 100) String orderReference,
        SourceRef source) {

    /** Copies the attributes; null becomes empty. */
    public NewTouchpoint {
        attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** A customer's touchpoint: the form of the constructor from before touchpoints could belong to leads. */
    public NewTouchpoint(CustomerId customerId, Channel channel, Direction direction, Instant occurredAt,
                         String subject, String body, UserId handledBy, DealId dealId,
                         Map<String, AttributeValue> attributes, Money amount, String orderReference,
                         SourceRef source) {
        this(customerId, null, channel, direction, occurredAt, subject, body, handledBy, dealId, attributes, amount,
                orderReference, source);
    }

    /** Starts a customer's touchpoint with what every touchpoint has. */
    public static Builder builder(CustomerId customerId, Channel channel, Direction direction, Instant occurredAt) {
        return new Builder(customerId, null, channel, direction, occurredAt);
    }

    /** Starts a lead's touchpoint with what every touchpoint has. */
    public static Builder forLead(LeadId leadId, Channel channel, Direction direction, Instant occurredAt) {
        return new Builder(null, leadId, channel, direction, occurredAt);
    }

    /** Builds a {@link NewTouchpoint}; validated when recorded, not here. */
    public static final class Builder {
        private final CustomerId customerId;
        private final LeadId leadId;
        private final Channel channel;
        private final Direction direction;
        private final Instant occurredAt;
        private String subject;
        private String body;
        private UserId handledBy;
        private DealId dealId;
        private final Map<String, AttributeValue> attributes = new LinkedHashMap<>();
        private Money amount;
        private String orderReference;
        private SourceRef source;

        private Builder(CustomerId customerId, LeadId leadId, Channel channel, Direction direction,
                        Instant occurredAt) {
            this.customerId = customerId;
            this.leadId = leadId;
            this.channel = channel;
            this.direction = direction;
            this.occurredAt = occurredAt;
        }

        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        public Builder body(String body) {
            this.body = body;
            return this;
        }

        public Builder handledBy(UserId user) {
            this.handledBy = user;
            return this;
        }

        public Builder deal(DealId dealId) {
            this.dealId = dealId;
            return this;
        }

        public Builder attribute(String key, AttributeValue value) {
            attributes.put(key, value);
            return this;
        }

        /** The amount and order reference of a {@link Channel#PURCHASE}. */
        public Builder purchase(Money amount, String orderReference) {
            this.amount = amount;
            this.orderReference = orderReference;
            return this;
        }

        /** The source system and its id: the key that makes recording idempotent. */
        public Builder source(String system, String externalId) {
            this.source = new SourceRef(system, externalId);
            return this;
        }

        public Builder source(SourceRef source) {
            this.source = source;
            return this;
        }

        public NewTouchpoint build() {
            return new NewTouchpoint(customerId, leadId, channel, direction, occurredAt, subject, body, handledBy,
                    dealId, attributes, amount, orderReference, source);
        }
    }
}
