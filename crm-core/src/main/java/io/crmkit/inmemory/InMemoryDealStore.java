package io.crmkit.inmemory;

import io.crmkit.inmemory.SalesData.DateKey;
import io.crmkit.inmemory.SalesData.InstantKey;
import io.crmkit.inmemory.SalesData.OwnerStatus;
import io.crmkit.inmemory.SalesData.PipelineStatus;
import io.crmkit.inmemory.SalesData.StageKey;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
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
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

final class InMemoryDealStore implements DealStore {

    private static final DealId SMALLEST_ID = new DealId(new UUID(0, 0));

    private final InMemoryCrmStorage storage;

    InMemoryDealStore(InMemoryCrmStorage storage) {
        this.storage = storage;
    }

    @Override
    public void insert(TenantId tenant, Deal deal) {
        InMemoryPipelineStore.requireTenant(tenant, deal.tenantId(), "Deal " + deal.id());
        storage.write(tenant, (data, undo) -> {
            SalesData sales = data.sales;
            if (sales.deals.containsKey(deal.id())) {
                throw new StorageException("Deal " + deal.id() + " already exists");
            }
            sales.replace(null, deal);
            undo.push(() -> sales.replace(deal, null));
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Deal deal) {
        InMemoryPipelineStore.requireTenant(tenant, deal.tenantId(), "Deal " + deal.id());
        storage.write(tenant, (data, undo) -> {
            SalesData sales = data.sales;
            Deal stored = sales.deals.get(deal.id());
            if (stored == null) {
                throw new NotFoundException("Deal", deal.id());
            }
            if (stored.version() != deal.version() - 1) {
                throw new ConcurrentModificationException("Deal", deal.id(), deal.version() - 1);
            }
            sales.replace(stored, deal);
            undo.push(() -> sales.replace(deal, stored));
            return null;
        });
    }

    @Override
    public Optional<Deal> find(TenantId tenant, DealId id) {
        return storage.read(tenant, data -> Optional.ofNullable(data.sales.deals.get(id)));
    }

    @Override
    public void append(TenantId tenant, DealHistoryEntry entry) {
        InMemoryPipelineStore.requireTenant(tenant, entry.tenantId(), "History entry of deal " + entry.dealId());
        storage.write(tenant, (data, undo) -> {
            SalesData sales = data.sales;
            if (!sales.deals.containsKey(entry.dealId())) {
                throw new NotFoundException("Deal", entry.dealId());
            }
            TreeMap<Long, DealHistoryEntry> history = sales.histories.computeIfAbsent(entry.dealId(),
                    d -> new TreeMap<>());
            if (!history.isEmpty() && history.lastKey() >= entry.version()) {
                throw new StorageException("the history of deal " + entry.dealId() + " already has an entry of version "
                        + history.lastKey() + "; history is append-only");
            }
            history.put(entry.version(), entry);
            undo.push(() -> {
                history.remove(entry.version());
                if (history.isEmpty()) {
                    sales.histories.remove(entry.dealId());
                }
            });
            return null;
        });
    }

    @Override
    public Slice<DealHistoryEntry> history(TenantId tenant, DealId deal, Long beforeVersion, int limit) {
        return storage.read(tenant, data -> {
            TreeMap<Long, DealHistoryEntry> history = data.sales.histories.get(deal);
            if (history == null) {
                return Slice.<DealHistoryEntry>empty();
            }
            var newestFirst = beforeVersion == null ? history.descendingMap()
                    : history.headMap(beforeVersion, false).descendingMap();
            List<DealHistoryEntry> page = new ArrayList<>(limit + 1);
            for (DealHistoryEntry entry : newestFirst.values()) {
                page.add(entry);
                if (page.size() > limit) {
                    break;
                }
            }
            return Slice.of(page, limit);
        });
    }

    @Override
    public Slice<Deal> inStage(TenantId tenant, PipelineId pipeline, StageId stage, DealId after, int limit) {
        return storage.read(tenant, data -> byId(data.sales, data.sales.byStage.get(new StageKey(pipeline, stage)),
                after, limit));
    }

    @Override
    public Slice<Deal> ofOwner(TenantId tenant, UserId owner, DealStatus status, DealId after, int limit) {
        return storage.read(tenant, data -> byId(data.sales, status == null ? data.sales.byOwner.get(owner)
                : data.sales.byOwnerAndStatus.get(new OwnerStatus(owner, status)), after, limit));
    }

    @Override
    public Slice<Deal> ofCustomer(TenantId tenant, CustomerId customer, DealId after, int limit) {
        return storage.read(tenant, data -> byId(data.sales, data.sales.byCustomer.get(customer), after, limit));
    }

    private static Slice<Deal> byId(SalesData sales, TreeSet<DealId> ids, DealId after, int limit) {
        if (ids == null) {
            return Slice.empty();
        }
        return take(after == null ? ids : ids.tailSet(after, false), sales.deals::get, d -> true, limit);
    }

    @Override
    public Slice<Deal> byExpectedCloseDate(TenantId tenant, LocalDate from, LocalDate to, DealStatus status,
                                           DealDatePosition after, int limit) {
        return storage.read(tenant, data -> {
            TreeSet<DateKey> index = status == null ? data.sales.byCloseDate
                    : data.sales.byStatusAndCloseDate.get(status);
            if (index == null) {
                return Slice.<Deal>empty();
            }
            DateKey start = after != null ? new DateKey(after.expectedCloseDate(), after.id()) : null;
            NavigableSet<DateKey> range;
            if (start != null && (from == null || !start.date().isBefore(from))) {
                range = index.tailSet(start, false);
            } else if (from != null) {
                range = index.tailSet(new DateKey(from, SMALLEST_ID), true);
            } else {
                range = index;
            }
            return take(range, k -> data.sales.deals.get(k.id()), k -> to == null || !k.date().isAfter(to), limit);
        });
    }

    @Override
    public Slice<Deal> enteredStageBefore(TenantId tenant, PipelineId pipeline, StageId stage, Instant enteredBefore,
                                          StageEntryPosition after, int limit) {
        return storage.read(tenant, data -> {
            TreeSet<InstantKey> index = data.sales.byStageEntry.get(new StageKey(pipeline, stage));
            if (index == null) {
                return Slice.<Deal>empty();
            }
            NavigableSet<InstantKey> range = after == null ? index
                    : index.tailSet(new InstantKey(after.stageEnteredAt(), after.id()), false);
            return take(range, k -> data.sales.deals.get(k.id()), k -> k.at().isBefore(enteredBefore), limit);
        });
    }

    /** The first {@code limit} items of {@code keys} (in order) while {@code inRange} holds, as a slice. */
    private static <K> Slice<Deal> take(Iterable<K> keys, Function<K, Deal> deal, Predicate<K> inRange, int limit) {
        List<Deal> page = new ArrayList<>(limit + 1);
        for (K key : keys) {
            if (!inRange.test(key)) {
                break;
            }
            page.add(deal.apply(key));
            if (page.size() > limit) {
                break;
            }
        }
        return Slice.of(page, limit);
    }

    @Override
    public Map<StageId, DealTotals> stageTotals(TenantId tenant, PipelineId pipeline) {
        return storage.read(tenant, data -> {
            Map<StageId, DealTotals> totals = new HashMap<>();
            var stages = data.sales.stageTotals.get(pipeline);
            if (stages != null) {
                stages.forEach((stage, running) -> totals.put(stage, SalesData.totals(running)));
            }
            return totals;
        });
    }

    @Override
    public DealTotals openTotals(TenantId tenant, PipelineId pipeline, LocalDate from, LocalDate to) {
        return storage.read(tenant, data -> {
            TreeSet<DateKey> index = data.sales.openByPipelineAndCloseDate.get(pipeline);
            if (index == null || from.isAfter(to)) {
                return DealTotals.NONE;
            }
            List<DealId> ids = new ArrayList<>();
            for (DateKey key : index.tailSet(new DateKey(from, SMALLEST_ID), true)) {
                if (key.date().isAfter(to)) {
                    break;
                }
                ids.add(key.id());
            }
            return data.sales.totals(ids);
        });
    }

    @Override
    public DealTotals closedTotals(TenantId tenant, PipelineId pipeline, DealStatus status, Instant from,
                                   Instant until) {
        return storage.read(tenant, data -> {
            TreeSet<InstantKey> index = data.sales.closedByPipeline.get(new PipelineStatus(pipeline, status));
            if (index == null || !from.isBefore(until)) {
                return DealTotals.NONE;
            }
            List<DealId> ids = new ArrayList<>();
            for (InstantKey key : index.tailSet(new InstantKey(from, SMALLEST_ID), true)) {
                if (!key.at().isBefore(until)) {
                    break;
                }
                ids.add(key.id());
            }
            return data.sales.totals(ids);
        });
    }
}
