package io.crmkit.touchpoint;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.TouchpointId;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A summary of a customer's history, kept up to date as touchpoints are recorded so that questions like "who has
 * not bought for 90 days" are answered without reading every touchpoint.
 *
 * @param customerId        the customer
 * @param countsByChannel   the number of touchpoints per channel (channels without any are absent)
 * @param lastTouchpointId  the latest touchpoint by (occurredAt, id), or null if there is none
 * @param lastTouchpointAt  when it occurred, or null
 * @param lastPurchaseAt    when the latest purchase occurred, or null if the customer never bought
 */
public record CustomerActivity(CustomerId customerId, Map<Channel, Long> countsByChannel,
                               TouchpointId lastTouchpointId, Instant lastTouchpointAt, Instant lastPurchaseAt) {

    /** Copies the counts, leaving out zeros. */
    public CustomerActivity {
        EnumMap<Channel, Long> copy = new EnumMap<>(Channel.class);
        if (countsByChannel != null) {
            countsByChannel.forEach((channel, count) -> {
                if (count != null && count > 0) {
                    copy.put(channel, count);
                }
            });
        }
        countsByChannel = Collections.unmodifiableMap(copy);
    }

    /** A customer without touchpoints. */
    public static CustomerActivity none(CustomerId customerId) {
        return new CustomerActivity(customerId, Map.of(), null, null, null);
    }

    /** The number of touchpoints in all channels. */
    public long totalCount() {
        return countsByChannel.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The number of touchpoints of {@code channel}. */
    public long count(Channel channel) {
        return countsByChannel.getOrDefault(channel, 0L);
    }
}
