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
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.Slice;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
