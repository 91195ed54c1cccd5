package io.crmkit.examples.kvstore;

import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.DealDatePosition;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.Slice;
import io.crmkit.spi.StageEntryPosition;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Deals, their append-only histories, and one index per query of the SPI. Every index key ends in the deal id and
 * its value is the deal id; the components before it are what the query fixes (equality) and then what it orders by.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><td>{@code deal|tenant|id}</td><td>the deal</td></tr>
 *   <tr><td>{@code deal-history|tenant|deal|version}</td><td>a history entry; appended, never replaced</td></tr>
 *   <tr><td>{@code deal-stage|tenant|pipeline|stage|id}</td><td>the board's columns</td></tr>
 *   <tr><td>{@code deal-stage-entry|tenant|pipeline|stage|stageEnteredAt|id}</td><td>stalled deals</td></tr>
 *   <tr><td>{@code deal-owner|tenant|owner|id}, {@code deal-owner-status|tenant|owner|status|id}</td><td>deals of an
 *       owner</td></tr>
 *   <tr><td>{@code deal-customer|tenant|customer|id}</td><td>deals of a customer</td></tr>
 *   <tr><td>{@code deal-close|tenant|date|id}, {@code deal-status-close|tenant|status|date|id}</td><td>deals by
 *       expected close date</td></tr>
 *   <tr><td>{@code deal-open-close|tenant|pipeline|date|id}</td><td>open deals of a pipeline by close date (open
 *       totals)</td></tr>
 *   <tr><td>{@code deal-closed|tenant|pipeline|status|closedAt|id}</td><td>won or lost deals by closing instant
 *       (closed totals)</td></tr>
 *   <tr><td>{@code deal-stage-total|tenant|pipeline|stage|currency}</td><td>a running {@link MoneyTotal}: the board's
 *       figures are kept up to date with every saved deal, not added up when asked</td></tr>
 * </table>
 */
final class KvDealStore implements DealStore {

    private final KvCrmStorage storage;

    KvDealStore(KvCrmStorage storage) {
        this.storage = storage;
    }

    private static String key(TenantId tenant, DealId id) {
        return Key.of("deal", tenant).id(id.value()).toString();
    }

    private static Key history(TenantId tenant, DealId deal) {
        return Key.of("deal-history", tenant).id(deal.value());
    }

    private static Key stage(TenantId tenant, PipelineId pipeline, StageId stage) {
        return Key.of("deal-stage", tenant).id(pipeline.value()).id(stage.value());
    }

    private static Key stageEntry(TenantId tenant, PipelineId pipeline, StageId stage) {
        return Key.of("deal-stage-entry", tenant).id(pipeline.value()).id(stage.value());
    }

    private static Key owner(TenantId tenant, UserId owner, DealStatus status) {
        return status == null ? Key.of("deal-owner", tenant).text(owner.value())
                : Key.of("deal-owner-status", tenant).text(owner.value()).name(status);
    }

    private static Key closeDate(TenantId tenant, DealStatus status) {
        return status == null ? Key.of("deal-close", tenant) : Key.of("deal-status-close", tenant).name(status);
    }

    private static Key openByCloseDate(TenantId tenant, PipelineId pipeline) {
        return Key.of("deal-open-close", tenant).id(pipeline.value());
    }

    private static Key closed(TenantId tenant, PipelineId pipeline, DealStatus status) {
        return Key.of("deal-closed", tenant).id(pipeline.value()).name(status);
    }

    private static Key stageTotal(TenantId tenant, PipelineId pipeline) {
        return Key.of("deal-stage-total", tenant).id(pipeline.value());
    }

    /** The index keys of one version of a deal. */
    private static List<String> indexKeys(Deal d) {
        TenantId t = d.tenantId();
        String id = Key.components().id(d.id().value()).toString();
        List<String> keys = new ArrayList<>(List.of(
                stage(t, d.pipelineId(), d.stageId()) + id,
                stageEntry(t, d.pipelineId(), d.stageId()).instant(d.stageEnteredAt()) + id,
                owner(t, d.owner(), null) + id,
                owner(t, d.owner(), d.status()) + id,
                Key.of("deal-customer", t).id(d.customerId().value()) + id,
                closeDate(t, null).date(d.expectedCloseDate()) + id,
                closeDate(t, d.status()).date(d.expectedCloseDate()) + id));
        if (d.isOpen()) {
            keys.add(openByCloseDate(t, d.pipelineId()).date(d.expectedCloseDate()) + id);
        } else {
            keys.add(closed(t, d.pipelineId(), d.status()).instant(d.closedAt()) + id);
        }
        return keys;
    }

    @Override
    public void insert(TenantId tenant, Deal deal) {
        KvCrmStorage.requireTenant(tenant, deal.tenantId(), "Deal " + deal.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, deal.id());
            if (tx.get(key) != null) {
                throw new StorageException("Deal " + deal.id() + " already exists");
            }
            tx.put(key, deal);
            Scans.reindex(tx, Set.of(), indexKeys(deal), deal.id());
            addToTotal(tx, deal, 1);
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Deal deal) {
        KvCrmStorage.requireTenant(tenant, deal.tenantId(), "Deal " + deal.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, deal.id());
            Deal stored = (Deal) tx.get(key);
            if (stored == null) {
                throw new NotFoundException("Deal", deal.id());
            }
            if (stored.version() != deal.version() - 1) {
                throw new ConcurrentModificationException("Deal", deal.id(), deal.version() - 1);
            }
            tx.put(key, deal);
            Scans.reindex(tx, indexKeys(stored), indexKeys(deal), deal.id());
            addToTotal(tx, stored, -1);
            addToTotal(tx, deal, 1);
            return null;
        });
    }

    /** Adds a deal to (or, with sign -1, takes it out of) the running total of its stage and currency. */
    private static void addToTotal(OrderedKeyValueStore.Transaction tx, Deal deal, int sign) {
        String key = stageTotal(deal.tenantId(), deal.pipelineId()).id(deal.stageId().value())
                .text(deal.amount().currency().getCurrencyCode()).toString();
        StageTotal before = (StageTotal) tx.get(key);
        MoneyTotal change = MoneyTotal.of(deal);
        if (sign < 0) {
            change = new MoneyTotal(change.currency(), 0, change.amount().negate(), change.weightedAmount().negate());
        }
        MoneyTotal after = before == null ? change : before.total().plus(change);
        long count = (before == null ? 0 : before.total().count()) + sign;
        if (count == 0) {
            tx.delete(key);
        } else {
            tx.put(key, new StageTotal(deal.stageId(),
                    new MoneyTotal(after.currency(), count, after.amount(), after.weightedAmount())));
        }
    }

    /** The value of a {@code deal-stage-total} key. */
    private record StageTotal(StageId stage, MoneyTotal total) {
    }

    @Override
    public Optional<Deal> find(TenantId tenant, DealId id) {
        return storage.read(tenant, view -> Optional.ofNullable((Deal) view.get(key(tenant, id))));
    }

    @Override
    public void append(TenantId tenant, DealHistoryEntry entry) {
        KvCrmStorage.requireTenant(tenant, entry.tenantId(), "History entry of deal " + entry.dealId());
        storage.write(tenant, tx -> {
            if (tx.get(key(tenant, entry.dealId())) == null) {
                throw new NotFoundException("Deal", entry.dealId());
            }
            // Append-only: the newest entry is the last key of the deal's history range.
            Key prefix = history(tenant, entry.dealId());
            for (Map.Entry<String, Object> newest : tx.scan(prefix.toString(), true, prefix.end(), false, true)) {
                long version = ((DealHistoryEntry) newest.getValue()).version();
                if (version >= entry.version()) {
                    throw new StorageException("the history of deal " + entry.dealId() + " already has an entry of "
                            + "version " + version + "; history is append-only");
                }
                break;
            }
            tx.put(history(tenant, entry.dealId()).number(entry.version()).toString(), entry);
            return null;
        });
    }

    @Override
    public Slice<DealHistoryEntry> history(TenantId tenant, DealId deal, Long beforeVersion, int limit) {
        return storage.read(tenant, view -> {
            Key prefix = history(tenant, deal);
            String upper = beforeVersion == null ? prefix.end()
                    : history(tenant, deal).number(beforeVersion).toString();
            return Scans.slice(view.scan(prefix.toString(), true, upper, false, true), DealHistoryEntry.class::cast,
                    limit);
        });
    }

    @Override
    public Slice<Deal> inStage(TenantId tenant, PipelineId pipeline, StageId stage, DealId after, int limit) {
        return byId(tenant, stage(tenant, pipeline, stage), after, limit);
    }

    @Override
    public Slice<Deal> ofOwner(TenantId tenant, UserId owner, DealStatus status, DealId after, int limit) {
        return byId(tenant, owner(tenant, owner, status), after, limit);
    }

    @Override
    public Slice<Deal> ofCustomer(TenantId tenant, CustomerId customer, DealId after, int limit) {
        return byId(tenant, Key.of("deal-customer", tenant).id(customer.value()), after, limit);
    }

    /** A forward scan of an index whose keys end in the deal id, after {@code after}. */
    private Slice<Deal> byId(TenantId tenant, Key prefix, DealId after, int limit) {
        String p = prefix.toString();
        String from = after == null ? p : p + Key.components().id(after.value());
        return storage.read(tenant, view -> Scans.slice(view.scan(from, after == null, prefix.end(), false, false),
                id -> (Deal) view.get(key(tenant, (DealId) id)), limit));
    }

    @Override
    public Slice<Deal> byExpectedCloseDate(TenantId tenant, LocalDate from, LocalDate to, DealStatus status,
                                           DealDatePosition after, int limit) {
        Key prefix = closeDate(tenant, status);
        String p = prefix.toString();
        String lower = from == null ? p : p + Key.components().date(from);
        boolean lowerInclusive = true;
        if (after != null) {
            String position = p + Key.components().date(after.expectedCloseDate()).id(after.id().value());
            if (position.compareTo(lower) >= 0) {
                lower = position;
                lowerInclusive = false;
            }
        }
        String upper = to == null ? prefix.end() : dayAfter(prefix, to);
        return range(tenant, lower, lowerInclusive, upper, limit);
    }

    @Override
    public Slice<Deal> enteredStageBefore(TenantId tenant, PipelineId pipeline, StageId stage, Instant enteredBefore,
                                          StageEntryPosition after, int limit) {
        Key prefix = stageEntry(tenant, pipeline, stage);
        String p = prefix.toString();
        String lower = after == null ? p : p + Key.components().instant(after.stageEnteredAt()).id(after.id().value());
        return range(tenant, lower, after == null, p + Key.components().instant(enteredBefore), limit);
    }

    /** The exclusive upper bound of a date range that ends with {@code date} inclusive. */
    private static String dayAfter(Key prefix, LocalDate date) {
        return date.equals(LocalDate.MAX) ? prefix.end() : prefix + Key.components().date(date.plusDays(1)).toString();
    }

    private Slice<Deal> range(TenantId tenant, String from, boolean fromInclusive, String to, int limit) {
        return storage.read(tenant, view -> Scans.slice(view.scan(from, fromInclusive, to, false, false),
                id -> (Deal) view.get(key(tenant, (DealId) id)), limit));
    }

    @Override
    public Map<StageId, DealTotals> stageTotals(TenantId tenant, PipelineId pipeline) {
        return storage.read(tenant, view -> {
            Map<StageId, List<MoneyTotal>> byStage = new HashMap<>();
            Key prefix = stageTotal(tenant, pipeline);
            for (Map.Entry<String, Object> entry : view.scan(prefix.toString(), true, prefix.end(), false, false)) {
                StageTotal total = (StageTotal) entry.getValue();
                byStage.computeIfAbsent(total.stage(), s -> new ArrayList<>()).add(total.total());
            }
            Map<StageId, DealTotals> totals = new HashMap<>();
            byStage.forEach((stage, list) ->
                    totals.put(stage, new DealTotals(list.stream().mapToLong(MoneyTotal::count).sum(), list)));
            return totals;
        });
    }

    @Override
    public DealTotals openTotals(TenantId tenant, PipelineId pipeline, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return DealTotals.NONE;
        }
        Key prefix = openByCloseDate(tenant, pipeline);
        return totals(tenant, prefix + Key.components().date(from).toString(), dayAfter(prefix, to));
    }

    @Override
    public DealTotals closedTotals(TenantId tenant, PipelineId pipeline, DealStatus status, Instant from,
                                   Instant until) {
        if (!from.isBefore(until)) {
            return DealTotals.NONE;
        }
        String p = closed(tenant, pipeline, status).toString();
        return totals(tenant, p + Key.components().instant(from), p + Key.components().instant(until));
    }

    /** The totals of the deals in an index range [from, to). */
    private DealTotals totals(TenantId tenant, String from, String to) {
        return storage.read(tenant, view -> {
            List<Deal> deals = new ArrayList<>();
            for (Map.Entry<String, Object> entry : view.scan(from, true, to, false, false)) {
                deals.add((Deal) view.get(key(tenant, (DealId) entry.getValue())));
            }
            return DealTotals.of(deals);
        });
    }
}
