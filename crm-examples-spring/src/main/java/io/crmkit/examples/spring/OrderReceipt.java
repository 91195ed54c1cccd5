package io.crmkit.examples.spring;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Money;
import io.crmkit.shared.TouchpointId;

/**
 * What the shop answers to an order webhook: the order as stored, and the touchpoint it added to the buyer's history.
 * A re-delivered order gets the same receipt again.
 *
 * @param orderId      the shop's order number
 * @param customerId   the buyer
 * @param total        the order's total
 * @param touchpointId the purchase touchpoint in the buyer's timeline
 */
public record OrderReceipt(String orderId, CustomerId customerId, Money total, TouchpointId touchpointId) {
}
