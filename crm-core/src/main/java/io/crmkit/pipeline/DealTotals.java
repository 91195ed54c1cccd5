package io.crmkit.pipeline;

import io.crmkit.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Deals counted and added up per currency: amounts of different currencies are never added together.
 *
 * @param count      how many deals in all
 * @param byCurrency one total per currency that occurs, ordered by currency code
 */
public record DealTotals(long count, List<MoneyTotal> byCurrency) {

    /** No deals. */
    public static final DealTotals NONE = new DealTotals(0, List.of());

    private static final Comparator<MoneyTotal> BY_CODE = Comparator.comparing(t -> t.currency().getCurrencyCode());

    /**
     * Sorts the totals by currency code.
     *
     * @throws InvalidInputException if a currency occurs twice or the count is not the sum of the totals' counts
     */
    public DealTotals {
        if (byCurrency == null) {
            throw InvalidInputException.of("byCurrency", "must not be null");
        }
        List<MoneyTotal> sorted = new ArrayList<>(byCurrency);
        sorted.sort(BY_CODE);
        long sum = 0;
        for (int i = 0; i < sorted.size(); i++) {
            if (i > 0 && sorted.get(i).currency().equals(sorted.get(i - 1).currency())) {
                throw InvalidInputException.of("byCurrency", "holds " + sorted.get(i).currency() + " twice");
            }
            sum += sorted.get(i).count();
        }
        if (sum != count) {
            throw InvalidInputException.of("count", "must be the sum of the counts per currency");
        }
        byCurrency = List.copyOf(sorted);
    }

    /** The totals of {@code deals}, computed from the deals themselves. */
    public static DealTotals of(Iterable<Deal> deals) {
        TreeMap<String, MoneyTotal> totals = new TreeMap<>();
        long count = 0;
        for (Deal deal : deals) {
            totals.merge(deal.amount().currency().getCurrencyCode(), MoneyTotal.of(deal), MoneyTotal::plus);
            count++;
        }
        return new DealTotals(count, new ArrayList<>(totals.values()));
    }

    /** These totals and {@code other} together. */
    public DealTotals plus(DealTotals other) {
        TreeMap<String, MoneyTotal> totals = new TreeMap<>();
        for (MoneyTotal t : byCurrency) {
            totals.put(t.currency().getCurrencyCode(), t);
        }
        for (MoneyTotal t : other.byCurrency) {
            totals.merge(t.currency().getCurrencyCode(), t, MoneyTotal::plus);
        }
        return new DealTotals(count + other.count, new ArrayList<>(totals.values()));
    }

    /** The total in {@code currency}, if any deal is in it. */
    public Optional<MoneyTotal> in(Currency currency) {
        return byCurrency.stream().filter(t -> t.currency().equals(currency)).findFirst();
    }
}
