package io.crmkit.pipeline;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import java.util.Currency;

/**
 * The deals of one currency in a total: how many, their amounts added up, and their weighted amounts added up (each
 * deal's {@link Deal#weightedAmount()}, which is rounded per deal, then summed exactly).
 *
 * @param currency       the currency
 * @param count          how many deals
 * @param amount         the sum of their amounts
 * @param weightedAmount the sum of their weighted amounts
 */
public record MoneyTotal(Currency currency, long count, Money amount, Money weightedAmount) {

    /**
     * @throws InvalidInputException if a value is missing, the count is negative or an amount is in another
     *                               currency
     */
    public MoneyTotal {
        if (currency == null || amount == null || weightedAmount == null) {
            throw InvalidInputException.of("total", "currency, amount and weightedAmount are required");
        }
        if (count < 0) {
            throw InvalidInputException.of("count", "must not be negative");
        }
        if (!amount.currency().equals(currency) || !weightedAmount.currency().equals(currency)) {
            throw InvalidInputException.of("currency", "the amounts of a total are in its currency");
        }
    }

    /** The total of one deal. */
    public static MoneyTotal of(Deal deal) {
        return new MoneyTotal(deal.amount().currency(), 1, deal.amount(), deal.weightedAmount());
    }

    /** This total and {@code other} (of the same currency) together. */
    public MoneyTotal plus(MoneyTotal other) {
        return new MoneyTotal(currency, count + other.count, amount.plus(other.amount),
                weightedAmount.plus(other.weightedAmount));
    }
}
