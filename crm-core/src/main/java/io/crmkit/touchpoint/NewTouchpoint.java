package io.crmkit.touchpoint;

import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
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
 * }</pre>
 *
 * @param customerId     the customer it happened with
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
        @NotNull CustomerId customerId,
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

    /** Starts a touchpoint with what every touchpoint has. */
    public static Builder builder(CustomerId customerId, Channel channel, Direction direction, Instant occurredAt) {
        return new Builder(customerId, channel, direction, occurredAt);
    }

    /** Builds a {@link NewTouchpoint}; validated when recorded, not here. */
    public static final class Builder {
        private final CustomerId customerId;
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

        private Builder(CustomerId customerId, Channel channel, Direction direction, Instant occurredAt) {
            this.customerId = customerId;
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
            return new NewTouchpoint(customerId, channel, direction, occurredAt, subject, body, handledBy, dealId,
                    attributes, amount, orderReference, source);
        }
    }
}
