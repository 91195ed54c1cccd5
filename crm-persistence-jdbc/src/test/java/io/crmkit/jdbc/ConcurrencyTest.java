package io.crmkit.jdbc;

import static io.crmkit.jdbc.testing.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.Customer;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.lead.CaptureOutcome;
import io.crmkit.lead.CaptureResult;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadQuery;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.RoundRobinAssignment;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StageId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.Slice;
import io.crmkit.task.Task;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Optimistic locking and idempotent ingestion, also between concurrent transactions. */
class ConcurrencyTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_stale_update_is_refused_and_changes_nothing(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer v1 = Fixtures.fullPerson(tenant);
        storage.customers().insert(tenant, v1);
        Customer v2 = v1.toBuilder().version(2).lifecycleStage(LifecycleStage.EVANGELIST).build();
        storage.customers().update(tenant, v2);
        Customer stale = v1.toBuilder().version(2).tags(java.util.Set.of("stale")).build();
        assertThatThrownBy(() -> storage.customers().update(tenant, stale))
                .isInstanceOf(ConcurrentModificationException.class)
                .satisfies(e -> assertThat(((ConcurrentModificationException) e).expectedVersion()).isEqualTo(1));
        Customer skipping = v2.toBuilder().version(4).build();
        assertThatThrownBy(() -> storage.customers().update(tenant, skipping))
                .isInstanceOf(ConcurrentModificationException.class);
        assertThat(storage.customers().find(tenant, v1.id())).contains(v2);
        assertThat(storage.customers().list(tenant, io.crmkit.customer.CustomerQuery.tagged("stale"), null, 5)
                .items()).isEmpty();

        Customer missing = Fixtures.person(tenant, "Nobody").toBuilder().version(2).build();
        assertThatThrownBy(() -> storage.customers().update(tenant, missing)).isInstanceOf(NotFoundException.class);
        TenantId other = Fixtures.newTenant();
        Customer elsewhere = v2.toBuilder().tenantId(other).version(3).build();
        assertThatThrownBy(() -> storage.customers().update(other, elsewhere))
                .isInstanceOf(NotFoundException.class);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void of_concurrent_updates_of_one_version_exactly_one_wins(DatabaseKind kind) throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Customer v1 = Fixtures.person(tenant, "Contested");
        storage.customers().insert(tenant, v1);
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Callable<String>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String tag = "writer" + t;
            tasks.add(() -> {
                start.await();
                try {
                    storage.customers().update(tenant, v1.toBuilder().version(2).tags(java.util.Set.of(tag)).build());
                    return tag;
                } catch (ConcurrentModificationException | RetryableStorageException e) {
                    return "refused";
                }
            });
        }
        List<String> results = runAll(tasks);
        List<String> winners = results.stream().filter(r -> !r.equals("refused")).toList();
        assertThat(winners).hasSize(1);
        assertThat(storage.customers().find(tenant, v1.id()).orElseThrow().tags()).containsExactly(winners.get(0));
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void duplicates_are_skipped_and_answered_with_the_stored_touchpoint(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        CustomerId customer = Fixtures.customerId();
        Touchpoint first = Fixtures.touchpoint(tenant, customer, Channel.EMAIL, T0, "m-1");
        assertThat(storage.touchpoints().insertAll(tenant, List.of(first)))
                .containsExactly(new IngestOutcome(first, false));

        Touchpoint again = Fixtures.touchpoint(tenant, customer, Channel.CALL, T0.plusSeconds(5), "m-1");
        Touchpoint fresh = Fixtures.touchpoint(tenant, customer, Channel.CALL, T0.plusSeconds(9), "m-2");
        Touchpoint freshAgain = Fixtures.touchpoint(tenant, customer, Channel.SMS, T0, "m-2");
        Touchpoint manual = Fixtures.touchpoint(tenant, customer, Channel.MEETING, T0, null);
        assertThat(storage.touchpoints().insertAll(tenant, List.of(again, fresh, freshAgain, manual)))
                .containsExactly(new IngestOutcome(first, true), new IngestOutcome(fresh, false),
                        new IngestOutcome(fresh, true), new IngestOutcome(manual, false));
        // the same source in another tenant is another touchpoint
        TenantId other = Fixtures.newTenant();
        Touchpoint otherTenant = Fixtures.touchpoint(other, customer, Channel.EMAIL, T0, "m-1");
        assertThat(storage.touchpoints().insertAll(other, List.of(otherTenant)))
                .containsExactly(new IngestOutcome(otherTenant, false));
        // a source differing only in case or trailing space is another source
        Touchpoint upper = Fixtures.touchpoint(tenant, customer, Channel.EMAIL, T0, "M-1");
        Touchpoint spaced = Fixtures.touchpoint(tenant, customer, Channel.EMAIL, T0, "m-1 ");
        assertThat(storage.touchpoints().insertAll(tenant, List.of(upper, spaced)))
                .containsExactly(new IngestOutcome(upper, false), new IngestOutcome(spaced, false));

        assertThat(storage.touchpoints().activity(tenant, customer).totalCount()).isEqualTo(5);
        assertThat(storage.touchpoints().activity(tenant, customer).count(Channel.CALL)).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_touchpoint_id_stored_twice_fails_the_whole_batch(DatabaseKind kind) {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        CustomerId customer = Fixtures.customerId();
        Touchpoint stored = Fixtures.touchpoint(tenant, customer, Channel.EMAIL, T0, null);
        storage.touchpoints().insertAll(tenant, List.of(stored));
        Touchpoint other = Fixtures.touchpoint(tenant, customer, Channel.CALL, T0, "x-1");
        Touchpoint sameIdWithSource = Fixtures.touchpoint(tenant, customer, Channel.CALL, T0, "x-2", stored.id());
        Touchpoint sameIdWithoutSource = Fixtures.touchpoint(tenant, customer, Channel.CALL, T0, null, stored.id());
        for (Touchpoint clash : List.of(sameIdWithSource, sameIdWithoutSource)) {
            assertThatThrownBy(() -> storage.touchpoints().insertAll(tenant, List.of(other, clash)))
                    .isInstanceOf(StorageException.class).hasMessageContaining("already exists");
        }
        assertThat(storage.touchpoints().find(tenant, other.id())).isEmpty();
        assertThat(storage.touchpoints().activity(tenant, customer).totalCount()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrent_ingests_of_the_same_sources_store_each_once(DatabaseKind kind) throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        List<CustomerId> customers = List.of(Fixtures.customerId(), Fixtures.customerId(), Fixtures.customerId());
        int threads = 4;
        int sources = 120;
        CyclicBarrier start = new CyclicBarrier(threads);
        AtomicInteger retries = new AtomicInteger();
        List<Callable<List<IngestOutcome>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int seed = t;
            tasks.add(() -> {
                // every thread delivers every source once, in its own order and batch sizes, with its own ids
                List<Touchpoint> mine = new ArrayList<>();
                for (int s = 0; s < sources; s++) {
                    Channel channel = s % 5 == 0 ? Channel.PURCHASE : Channel.EMAIL;
                    mine.add(Fixtures.touchpoint(tenant, customers.get(s % 3), channel,
                            Instant.parse("2024-01-01T00:00:00Z").plusSeconds(s), "src-" + s));
                }
                Collections.shuffle(mine, new java.util.Random(seed));
                start.await();
                List<IngestOutcome> outcomes = new ArrayList<>();
                int batch = 10 + seed * 7;
                for (int from = 0; from < mine.size(); from += batch) {
                    List<Touchpoint> part = mine.subList(from, Math.min(mine.size(), from + batch));
                    while (true) {
                        try {
                            outcomes.addAll(storage.touchpoints().insertAll(tenant, part));
                            break;
                        } catch (RetryableStorageException e) {
                            retries.incrementAndGet(); // a deadlock or lock time-out: run it again, as a host would
                        }
                    }
                }
                return outcomes;
            });
        }
        List<List<IngestOutcome>> all = runAll(tasks);
        Map<SourceRef, TouchpointId> stored = new HashMap<>();
        int newOnes = 0;
        for (List<IngestOutcome> outcomes : all) {
            assertThat(outcomes).hasSize(sources);
            for (IngestOutcome outcome : outcomes) {
                TouchpointId previous = stored.putIfAbsent(outcome.stored().source(), outcome.stored().id());
                if (previous != null) {
                    assertThat(outcome.stored().id()).as("every delivery names the one stored touchpoint")
                            .isEqualTo(previous);
                }
                newOnes += outcome.duplicate() ? 0 : 1;
            }
        }
        assertThat(newOnes).isEqualTo(sources);
        assertThat(stored).hasSize(sources);
        long total = 0;
        for (CustomerId customer : customers) {
            CustomerActivity activity = storage.touchpoints().activity(tenant, customer);
            total += activity.totalCount();
            Slice<Touchpoint> timeline = storage.touchpoints().timeline(tenant, customer, TimelineQuery.ALL, null,
                    1000);
            assertThat(timeline.items()).hasSize((int) activity.totalCount());
            assertThat(activity.lastTouchpointId()).isEqualTo(timeline.items().get(0).id());
            assertThat(activity.count(Channel.PURCHASE)).isEqualTo(
                    timeline.items().stream().filter(Touchpoint::isPurchase).count());
        }
        assertThat(total).isEqualTo(sources);
    }

    /**
     * Six threads capture the same form submission (same source key) at once, each through its own {@link Crm}
     * with round-robin assignment: one lead is stored, with one history entry and one turn of the rotation, and every
     * capture names it (the others as a duplicate delivery). A capture that a deadlock or lock time-out refuses as
     * retryable is run again, as a host would.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void the_same_lead_source_captured_by_several_threads_is_one_lead(DatabaseKind kind) throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        int threads = 6;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Callable<CaptureResult>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(() -> {
                TenantScope scope = Crm.builder().storage(storage)
                        .leadAssignment(new RoundRobinAssignment("sales", List.of(UserId.of("ann"), UserId.of("ben"))))
                        .build().tenant(tenant);
                LeadCapture capture = LeadCapture.builder(LeadSource.of(LeadChannel.WEB_FORM).campaign("spring"))
                        .name("Tom", "Baker").email("tom@example.com").sourceRef("webforms", "submission-1").build();
                start.await();
                while (true) {
                    try {
                        return scope.leads().capture(capture);
                    } catch (RetryableStorageException e) {
                        // a deadlock or lock time-out: run it again
                    }
                }
            });
        }
        List<CaptureResult> results = runAll(tasks);

        List<Lead> stored = storage.leads().list(tenant, LeadQuery.ALL, null, 10).items();
        assertThat(stored).hasSize(1);
        Lead lead = stored.get(0);
        assertThat(results).allSatisfy(r -> assertThat(r.lead().id()).isEqualTo(lead.id()));
        assertThat(results).filteredOn(r -> r.outcome() == CaptureOutcome.CREATED).hasSize(1);
        assertThat(results).filteredOn(r -> r.outcome() == CaptureOutcome.DUPLICATE_DELIVERY).hasSize(threads - 1);
        assertThat(storage.leads().findBySource(tenant, SourceRef.of("webforms", "submission-1")))
                .contains(lead.id());
        assertThat(storage.leads().history(tenant, lead.id(), 0, 10).items()).hasSize(1);
        assertThat(lead.owner()).isEqualTo(UserId.of("ann"));
        assertThat(storage.leads().nextInSequence(tenant, "round-robin:sales"))
                .as("the rotation turned once, by the capture that stored the lead").isEqualTo(2);
    }

    /**
     * Six threads keep moving one deal between two stages, each move a unit of work (deal update and history entry)
     * based on the deal as the thread last read it, until each has made four moves: of every version exactly one
     * move wins, the others are refused and re-read; the history holds every move, each based on the one before.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void of_many_threads_moving_one_deal_exactly_one_wins_each_version_and_the_history_is_complete(DatabaseKind kind)
            throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        PipelineId pipeline = Fixtures.pipelineId();
        StageId a = Fixtures.stageId();
        StageId b = Fixtures.stageId();
        Deal v1 = Fixtures.openDeal(tenant, pipeline, a, Money.of("999.99", "EUR"));
        storage.inTransaction(tenant, tx -> {
            storage.deals().insert(tenant, v1);
            storage.deals().append(tenant, Fixtures.opened(v1));
            return null;
        });
        int threads = 6;
        int movesEach = 4;
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Callable<List<Deal>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int probability = 10 + t; // every thread's moves are its own: the history shows whose move won
            tasks.add(() -> {
                start.await();
                List<Deal> won = new ArrayList<>();
                while (won.size() < movesEach) {
                    Deal current = storage.deals().find(tenant, v1.id()).orElseThrow();
                    Deal next = Fixtures.moved(current, current.stageId().equals(a) ? b : a, probability,
                            current.updatedAt().plusSeconds(1));
                    try {
                        storage.inTransaction(tenant, tx -> {
                            storage.deals().update(tenant, next);
                            storage.deals().append(tenant, DealHistoryEntry.of(current, next,
                                    DealChangeKind.STAGE_CHANGED, Fixtures.BOB));
                            return null;
                        });
                        won.add(next);
                    } catch (ConcurrentModificationException | RetryableStorageException e) {
                        // somebody else's move of this version won (or a lock wait timed out): read again
                    }
                }
                return won;
            });
        }
        List<Deal> winners = new ArrayList<>();
        runAll(tasks).forEach(winners::addAll);

        int moves = threads * movesEach;
        assertThat(winners).extracting(Deal::version).as("one winner per version")
                .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(2, moves + 1).boxed().toList());
        Deal last = winners.stream().filter(d -> d.version() == moves + 1).findFirst().orElseThrow();
        assertThat(storage.deals().find(tenant, v1.id())).contains(last);
        List<DealHistoryEntry> history = storage.deals().history(tenant, v1.id(), null, 100).items();
        assertThat(history).extracting(DealHistoryEntry::version)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, moves + 1).map(v -> moves + 2 - v).boxed()
                        .toList());
        for (int i = 0; i + 1 < history.size(); i++) {
            assertThat(history.get(i).before()).as("entry %d is based on entry %d", history.get(i).version(),
                    history.get(i + 1).version()).isEqualTo(history.get(i + 1).after());
        }
        assertThat(history.get(0).after()).isEqualTo(last.snapshot());
        assertThat(storage.deals().stageTotals(tenant, pipeline))
                .isEqualTo(Map.of(last.stageId(), DealTotals.of(List.of(last))));
    }

    /**
     * Eight threads change deals of their own in one pipeline at the same time: moves between stages (one of them
     * new, so that its totals rows are created concurrently), amount changes and currency changes all add to the same
     * few totals rows. Afterwards the totals equal a recomputation from the deals, exactly.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void concurrent_saves_of_different_deals_keep_the_stage_totals_exact(DatabaseKind kind) throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        PipelineId pipeline = Fixtures.pipelineId();
        List<StageId> stages = List.of(Fixtures.stageId(), Fixtures.stageId(), Fixtures.stageId());
        List<String> currencies = List.of("EUR", "JPY", "BHD");
        int threads = 8;
        CyclicBarrier start = new CyclicBarrier(threads);
        Map<DealId, Deal> finals = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger retries = new AtomicInteger();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            java.util.Random random = new java.util.Random(t);
            List<Deal> own = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                Deal deal = Fixtures.openDeal(tenant, pipeline, stages.get(0), Money.of("10.00", "EUR"));
                storage.deals().insert(tenant, deal);
                own.add(deal);
            }
            tasks.add(() -> {
                start.await();
                for (int step = 0; step < 12; step++) {
                    int k = random.nextInt(own.size());
                    Deal current = own.get(k);
                    Currency currency = Currency.getInstance(currencies.get(random.nextInt(currencies.size())));
                    Money amount = Money.of(BigDecimal.valueOf(random.nextInt(1_000_000),
                            currency.getDefaultFractionDigits()), currency);
                    Deal moved = Fixtures.moved(current, stages.get(random.nextInt(stages.size())),
                            random.nextInt(101), current.updatedAt().plusSeconds(1));
                    Deal next = moved.withAmount(amount, moved.updatedAt());
                    Deal saved = new Deal(next.id(), tenant, current.version() + 1, next.name(), next.customerId(),
                            next.owner(), next.amount(), next.expectedCloseDate(), pipeline, next.stageId(),
                            next.status(), next.probability(), next.probabilityOverridden(), next.stageEnteredAt(),
                            null, null, null, null, null, next.createdAt(), next.updatedAt());
                    while (true) {
                        try {
                            storage.deals().update(tenant, saved);
                            break;
                        } catch (RetryableStorageException e) {
                            retries.incrementAndGet(); // a deadlock or lock time-out: run it again, as a host would
                        }
                    }
                    own.set(k, saved);
                }
                own.forEach(d -> finals.put(d.id(), d));
                return null;
            });
        }
        runAll(tasks);

        Map<StageId, List<Deal>> byStage = new HashMap<>();
        finals.values().forEach(d -> byStage.computeIfAbsent(d.stageId(), s -> new ArrayList<>()).add(d));
        Map<StageId, DealTotals> expected = new HashMap<>();
        byStage.forEach((stage, list) -> expected.put(stage, DealTotals.of(list)));
        assertThat(finals).hasSize(threads * 3);
        assertThat(storage.deals().stageTotals(tenant, pipeline)).isEqualTo(expected);
    }

    /**
     * A unit of work whose reads began before another one committed (MariaDB's REPEATABLE READ then reads an older
     * snapshot) still decides on the latest committed rows: an entry below the newest committed one is refused, and a
     * stale update of a pipeline or task committed meanwhile is a concurrent modification, not "not found".
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_unit_of_work_with_an_older_snapshot_decides_on_the_latest_committed_rows(DatabaseKind kind)
            throws Exception {
        CrmStorage storage = DATABASES.storage(kind);
        TenantId tenant = Fixtures.newTenant();
        Deal deal = Fixtures.openDeal(tenant, Fixtures.pipelineId(), Fixtures.stageId(), Money.of("5.00", "EUR"));
        storage.inTransaction(tenant, tx -> {
            storage.deals().insert(tenant, deal);
            storage.deals().append(tenant, Fixtures.opened(deal));
            return null;
        });
        Deal v2 = Fixtures.moved(deal, Fixtures.stageId(), 40, Fixtures.T0.plusSeconds(1));
        Deal v3 = Fixtures.moved(v2, deal.stageId(), 30, Fixtures.T0.plusSeconds(2));
        Pipeline pipeline = Fixtures.minimalPipeline(tenant);
        Task task = Fixtures.task(tenant, Fixtures.ALICE, Fixtures.T0);
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch othersCommitted = new CountDownLatch(1);
        CompletableFuture<List<Throwable>> late = CompletableFuture.supplyAsync(() -> storage.inTransaction(tenant,
                tx -> {
                    storage.deals().history(tenant, deal.id(), null, 10); // the snapshot begins here
                    storage.pipelines().find(tenant, pipeline.id());
                    storage.tasks().find(tenant, task.id());
                    snapshotTaken.countDown();
                    await(othersCommitted);
                    List<Throwable> refusals = new ArrayList<>();
                    refusals.add(refusal(() -> storage.deals().append(tenant, DealHistoryEntry.of(deal, v2,
                            DealChangeKind.STAGE_CHANGED, Fixtures.BOB))));
                    refusals.add(refusal(() -> storage.pipelines().update(tenant, new Pipeline(pipeline.id(), tenant,
                            3, "Stale", pipeline.policy(), pipeline.stages(), pipeline.createdAt(),
                            pipeline.updatedAt()))));
                    refusals.add(refusal(() -> storage.tasks().update(tenant, new Task(task.id(), tenant, 3, "Stale",
                            null, task.dueAt(), task.assignee(), task.priority(), null, null, null, task.status(),
                            null, null, task.createdAt(), task.updatedAt()))));
                    return refusals;
                }));
        await(snapshotTaken);
        storage.inTransaction(tenant, tx -> {
            storage.deals().append(tenant, DealHistoryEntry.of(v2, v3, DealChangeKind.STAGE_CHANGED,
                    Fixtures.ALICE));
            storage.pipelines().insert(tenant, pipeline);
            storage.tasks().insert(tenant, task);
            return null;
        });
        othersCommitted.countDown();

        List<Throwable> refusals = late.get(60, TimeUnit.SECONDS);
        assertThat(refusals.get(0)).isInstanceOf(StorageException.class)
                .hasMessageContaining("already has an entry of version 3");
        assertThat(refusals.get(1)).isInstanceOf(ConcurrentModificationException.class);
        assertThat(refusals.get(2)).isInstanceOf(ConcurrentModificationException.class);
        assertThat(storage.deals().history(tenant, deal.id(), null, 10).items())
                .extracting(DealHistoryEntry::version).containsExactly(3L, 1L);
    }

    private static Throwable refusal(Runnable call) {
        try {
            call.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other unit of work did not get there");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(task));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
