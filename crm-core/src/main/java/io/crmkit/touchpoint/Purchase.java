package io.crmkit.touchpoint;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;

/**
 * What a purchase touchpoint bought for: the amount and the shop's order reference.
 *
 * @param amount         the order total (negative for a refund)
 * @param orderReference the shop's order number, 1–100 characters, or null
 */
public record Purchase(Money amount, String orderReference) {

    /** @throws InvalidInputException if the amount is null or the reference blank or too long */
    public Purchase {
        if (amount == null) {
            throw InvalidInputException.of("amount", "must not be null");
        }
        if (orderReference != null && (orderReference.isBlank() || orderReference.length() > 100
                || orderReference.chars().anyMatch(Character::isISOControl)
                || io.crmkit.shared.StorableText.problem(orderReference) != null)) {
            throw InvalidInputException.of("orderReference", "must be 1 to 100 characters without control characters");
        }
    }
}
