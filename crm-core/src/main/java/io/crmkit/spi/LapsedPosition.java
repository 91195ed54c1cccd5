package io.crmkit.spi;

import io.crmkit.shared.CustomerId;
import java.time.Instant;

/**
 * A place in the list of lapsed buyers: the (lastPurchaseAt, customerId) of the last entry of the previous slice.
 *
 * @param lastPurchaseAt when that customer last bought
 * @param customerId     the customer
 */
public record LapsedPosition(Instant lastPurchaseAt, CustomerId customerId) {
}
