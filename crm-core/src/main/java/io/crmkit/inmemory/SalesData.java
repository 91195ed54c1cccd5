package io.crmkit.inmemory;

import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * One tenant's pipelines, settings, deals, deal histories and the indexes of the deal queries. Part of
 * {@link TenantData}, guarded by its lock.
 *
 * <p>Every index is a sorted set keyed the way its query orders, so that a page is {@code O(log n + page)}; the
 * summary per stage is kept as running totals per (pipeline, stage, currency), updated with every saved deal, so that
 * it costs {@code O(stages × currencies)} whatever the number of deals.
 */
final class SalesData {

    static final Comparator<DateKey> BY_DATE = Comparator.comparing(DateKey::date).thenComparing(DateKey::id);
    static final Comparator<InstantKey> BY_INSTANT = Comparator.comparing(InstantKey::at)
            .thenComparing(InstantKey::id);

    final TreeMap<PipelineId, Pipeline> pipelines = new TreeMap<>();
    PipelineSettings settings;

    final Map<DealId, Deal> deals = new HashMap<>();
    final Map<DealId, TreeMap<Long, DealHistoryEntry>> histories = new HashMap<>();
    final Map<StageKey, TreeSet<DealId>> byStage = new HashMap<>();
    final Map<StageKey, TreeSet<InstantKey>> byStageEntry = new HashMap<>();
    final Map<UserId, TreeSet<DealId>> byOwner = new HashMap<>();
    final Map<OwnerStatus, TreeSet<DealId>> byOwnerAndStatus = new HashMap<>();
    final Map<CustomerId, TreeSet<DealId>> byCustomer = new HashMap<>();
    final TreeSet<DateKey> byCloseDate = new TreeSet<>(BY_DATE);
    final EnumMap<DealStatus, TreeSet<DateKey>> byStatusAndCloseDate = new EnumMap<>(DealStatus.class);
    final Map<PipelineId, TreeSet<DateKey>> openByPipelineAndCloseDate = new HashMap<>();
    final Map<PipelineStatus, TreeSet<InstantKey>> closedByPipeline = new HashMap<>();
    final Map<PipelineId, Map<StageId, TreeMap<String, RunningTotal>>> stageTotals = new HashMap<>();

    /** Replaces {@code before} by {@code after} (either may be null) in the deals and every index. */
    void replace(Deal before, Deal after) {
        if (before != null) {
            deals.remove(before.id());
            index(before, false);
        }
        if (after != null) {
            deals.put(after.id(), after);
            index(after, true);
        }
    }

    private void index(Deal d, boolean add) {
        StageKey stage = new StageKey(d.pipelineId(), d.stageId());
        DateKey date = new DateKey(d.expectedCloseDate(), d.id());
        update(byStage, stage, d.id(), add, k -> new TreeSet<>());
        update(byStageEntry, stage, new InstantKey(d.stageEnteredAt(), d.id()), add, k -> new TreeSet<>(BY_INSTANT));
        update(byOwner, d.owner(), d.id(), add, k -> new TreeSet<>());
        update(byOwnerAndStatus, new OwnerStatus(d.owner(), d.status()), d.id(), add, k -> new TreeSet<>());
        update(byCustomer, d.customerId(), d.id(), add, k -> new TreeSet<>());
        if (add) {
            byCloseDate.add(date);
        } else {
            byCloseDate.remove(date);
        }
        update(byStatusAndCloseDate, d.status(), date, add, k -> new TreeSet<>(BY_DATE));
        if (d.isOpen()) {
            update(openByPipelineAndCloseDate, d.pipelineId(), date, add, k -> new TreeSet<>(BY_DATE));
        } else {
            update(closedByPipeline, new PipelineStatus(d.pipelineId(), d.status()), new InstantKey(d.closedAt(),
                    d.id()), add, k -> new TreeSet<>(BY_INSTANT));
        }
        Map<StageId, TreeMap<String, RunningTotal>> stages = stageTotals.computeIfAbsent(d.pipelineId(),
                k -> new HashMap<>());
        TreeMap<String, RunningTotal> totals = stages.computeIfAbsent(d.stageId(), k -> new TreeMap<>());
        String code = d.amount().currency().getCurrencyCode();
        RunningTotal total = totals.computeIfAbsent(code, c -> new RunningTotal(d.amount().currency()));
        total.add(d, add ? 1 : -1);
        if (total.count == 0) {
            totals.remove(code);
            if (totals.isEmpty()) {
                stages.remove(d.stageId());
                if (stages.isEmpty()) {
                    stageTotals.remove(d.pipelineId());
                }
            }
        }
    }

    private static <K, V> void update(Map<K, TreeSet<V>> index, K key, V value, boolean add,
                                      Function<K, TreeSet<V>> make) {
        if (add) {
            index.computeIfAbsent(key, make).add(value);
        } else {
            TreeSet<V> values = index.get(key);
            if (values != null) {
                values.remove(value);
                if (values.isEmpty()) {
                    index.remove(key);
                }
            }
        }
    }

    /** The totals of the deals behind {@code ids}. */
    DealTotals totals(Iterable<DealId> ids) {
        List<Deal> found = new ArrayList<>();
        for (DealId id : ids) {
            found.add(deals.get(id));
        }
        return DealTotals.of(found);
    }

    /** The running totals of one stage as {@link DealTotals}. */
    static DealTotals totals(TreeMap<String, RunningTotal> totals) {
        List<MoneyTotal> list = new ArrayList<>();
        long count = 0;
        for (RunningTotal t : totals.values()) {
            list.add(t.toMoneyTotal());
            count += t.count;
        }
        return new DealTotals(count, list);
    }

    /** A stage of a pipeline. */
    record StageKey(PipelineId pipelineId, StageId stageId) {
    }

    /** An owner and a status. */
    record OwnerStatus(UserId owner, DealStatus status) {
    }

    /** A pipeline and a status. */
    record PipelineStatus(PipelineId pipelineId, DealStatus status) {
    }

    /** A deal's place by a date. */
    record DateKey(LocalDate date, DealId id) {
    }

    /** A deal's place by an instant. */
    record InstantKey(Instant at, DealId id) {
    }

    /** The count and sums of the deals of one currency in one stage, kept up to date as deals are saved. */
    static final class RunningTotal {
        private final Currency currency;
        private long count;
        private BigDecimal amount = BigDecimal.ZERO;
        private BigDecimal weighted = BigDecimal.ZERO;

        RunningTotal(Currency currency) {
            this.currency = currency;
        }

        void add(Deal deal, int sign) {
            count += sign;
            BigDecimal a = deal.amount().amount();
            BigDecimal w = deal.weightedAmount().amount();
            amount = sign > 0 ? amount.add(a) : amount.subtract(a);
            weighted = sign > 0 ? weighted.add(w) : weighted.subtract(w);
        }

        MoneyTotal toMoneyTotal() {
            return new MoneyTotal(currency, count, new Money(amount, currency), new Money(weighted, currency));
        }
    }
}
