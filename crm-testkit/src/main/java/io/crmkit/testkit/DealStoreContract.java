package io.crmkit.testkit;

import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static io.crmkit.testkit.KitAssertions.assertSameRecord;
import static io.crmkit.testkit.SalesFixtures.ALICE;
import static io.crmkit.testkit.SalesFixtures.BOB;
import static io.crmkit.testkit.SalesFixtures.T0;
import static io.crmkit.testkit.SalesFixtures.eur;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.DomainEvent;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.Ids;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.UserId;
import io.crmkit.spi.DealDatePosition;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.Slice;
import io.crmkit.spi.StageEntryPosition;
import io.crmkit.testkit.generators.Tries;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link DealStore}: every value of a {@link Deal} and of a {@link DealHistoryEntry} round-trips
 * unchanged; saves are optimistic, also when two units of work move one deal at the same time; the history is
 * append-only and read newest first; the board, owner, customer, close-date and stage-entry lists follow the deals as
 * they change, in their documented orders, paged by keyset without skipping or repeating; the figures (per stage, open
 * by close date, closed by closing instant) equal a recomputation from the raw deals, exactly, per currency; tenants
 * never see each other's deals.
 *
 * <pre>{@code
 * class JdbcDealStoreContractTest extends DealStoreContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("DealStore contract")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class DealStoreContract extends AbstractStorageContract {

    private final PipelineId pipeline = SalesFixtures.pipelineId();
    private final StageId first = SalesFixtures.stageId();
    private final StageId second = SalesFixtures.stageId();
    private final StageId won = SalesFixtures.stageId();
    private final StageId lost = SalesFixtures.stageId();

    /** For subclasses. */
    protected DealStoreContract() {
    }

    private DealStore deals() {
        return storage.deals();
    }

    /** Inserts {@code deal} with its OPENED entry, as crmkit does. */
    private Deal insert(Deal deal) {
        storage.inTransaction(tenant, tx -> {
            deals().insert(tenant, deal);
            deals().append(tenant, SalesFixtures.opened(deal));
            return null;
        });
        return deal;
    }

    /** Saves {@code after} with its history entry, as crmkit does. */
    private Deal save(Deal before, Deal after, DealChangeKind kind) {
        storage.inTransaction(tenant, tx -> {
            deals().update(tenant, after);
            deals().append(tenant, SalesFixtures.change(before, after, kind));
            return null;
        });
        return after;
    }

    private Deal open(String amount) {
        return insert(SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), pipeline, first, eur(amount)));
    }

    private static List<DealId> ids(List<Deal> deals) {
        return deals.stream().map(Deal::id).toList();
    }

    private static List<DealId> byId(Deal... deals) {
        return java.util.Arrays.stream(deals).map(Deal::id).sorted(DealStoreContract::compare).toList();
    }

    private static int compare(DealId a, DealId b) {
        return Ids.compare(a.value(), b.value());
    }

    @Nested
    @DisplayName("round trip: every value reads back unchanged")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void a_lost_deal_with_every_value_set_reads_back_equal() {
            Deal full = SalesFixtures.fullLostDeal(tenant, SalesFixtures.dealId(), pipeline, lost);
            deals().insert(tenant, full);

            assertReadsBack(deals().find(tenant, full.id()), full);
        }

        @Test
        void an_open_deal_with_nothing_optional_and_an_overridden_probability_reads_back_equal() {
            Deal plain = SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), pipeline, first, eur("0.00"));
            Deal overridden = new Deal(plain.id(), tenant, 1, plain.name(), plain.customerId(), plain.owner(),
                    Money.of("12345", "JPY"), plain.expectedCloseDate(), pipeline, first, DealStatus.OPEN, 37, true,
                    T0, null, null, null, null, null, T0, T0);
            deals().insert(tenant, overridden);

            Deal found = deals().find(tenant, plain.id()).orElseThrow();
            assertReadsBack(deals().find(tenant, plain.id()), overridden);
            assertThat(found.sourceLeadId()).isNull();
            assertThat(found.closedAt()).isNull();
            assertThat(found.weightedAmount()).isEqualTo(Money.of("4568", "JPY"));
        }

        @Test
        void an_update_replaces_every_value_and_cleared_values_are_gone() {
            Deal full = SalesFixtures.fullLostDeal(tenant, SalesFixtures.dealId(), pipeline, lost);
            deals().insert(tenant, full);
            Deal reopened = new Deal(full.id(), tenant, full.version() + 1, "Reopened", full.customerId(), BOB,
                    eur("10.00"), LocalDate.of(2026, 1, 1), pipeline, second, DealStatus.OPEN, 50, false,
                    full.updatedAt(), null, null, null, null, null, full.createdAt(), full.updatedAt());

            deals().update(tenant, reopened);

            assertReadsBack(deals().find(tenant, full.id()), reopened);
        }

        @Test
        void an_unknown_id_is_not_found_and_a_second_insert_of_an_id_fails_keeping_the_first() {
            Deal deal = open("1.00");

            assertThat(deals().find(tenant, SalesFixtures.dealId())).isEmpty();
            assertThatThrownBy(() -> deals().insert(tenant, SalesFixtures.openDeal(tenant, deal.id(), pipeline,
                    second, eur("2.00")))).isInstanceOf(StorageException.class);
            assertReadsBack(deals().find(tenant, deal.id()), deal);
        }
    }

    @Nested
    @DisplayName("optimistic locking")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class OptimisticLocking {

        @Test
        void an_update_at_the_next_version_is_stored_and_stale_or_skipping_ones_fail_changing_nothing() {
            Deal v1 = open("1.00");
            Deal v2 = SalesFixtures.moved(v1, second, 50, T0.plusSeconds(10));
            deals().update(tenant, v2);

            assertThatThrownBy(() -> deals().update(tenant, SalesFixtures.moved(v1, first, 60, T0.plusSeconds(20))))
                    .isInstanceOf(ConcurrentModificationException.class);
            Deal skipping = SalesFixtures.moved(SalesFixtures.moved(v2, first, 10, T0.plusSeconds(30)), second, 50,
                    T0.plusSeconds(40));
            assertThatThrownBy(() -> deals().update(tenant, skipping))
                    .isInstanceOf(ConcurrentModificationException.class);

            assertReadsBack(deals().find(tenant, v1.id()), v2);
        }

        @Test
        void updating_a_deal_that_does_not_exist_fails_with_not_found() {
            Deal never = SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), pipeline, first, eur("1.00"));

            assertThatThrownBy(() -> deals().update(tenant, SalesFixtures.moved(never, second, 50, T0)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(deals().find(tenant, never.id())).isEmpty();
        }

        @Test
        void of_two_units_of_work_moving_one_deal_at_the_same_time_exactly_one_wins() throws Exception {
            Deal v1 = open("1.00");
            Deal toSecond = SalesFixtures.moved(v1, second, 50, T0.plusSeconds(1));
            Deal toWon = SalesFixtures.closed(v1, won, DealStatus.WON, T0.plusSeconds(1));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Deal>> moves = new ArrayList<>();
                for (Deal[] move : List.of(new Deal[] {v1, toSecond}, new Deal[] {v1, toWon})) {
                    moves.add(pool.submit(() -> {
                        start.await();
                        return storage.inTransaction(tenant, tx -> {
                            deals().update(tenant, move[1]);
                            deals().append(tenant, SalesFixtures.change(move[0], move[1],
                                    move[1].isOpen() ? DealChangeKind.STAGE_CHANGED : DealChangeKind.WON));
                            return move[1];
                        });
                    }));
                }
                start.countDown();
                List<Deal> winners = new ArrayList<>();
                int refused = 0;
                for (Future<Deal> move : moves) {
                    try {
                        winners.add(move.get(30, TimeUnit.SECONDS));
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConcurrentModificationException.class);
                        refused++;
                    }
                }

                assertThat(winners).hasSize(1);
                assertThat(refused).isEqualTo(1);
                assertReadsBack(deals().find(tenant, v1.id()), winners.get(0));
                List<DealHistoryEntry> history = deals().history(tenant, v1.id(), null, 10).items();
                assertThat(history).extracting(DealHistoryEntry::version).containsExactly(2L, 1L);
                assertThat(history.get(0).after()).isEqualTo(winners.get(0).snapshot());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Nested
    @DisplayName("history: append-only, newest first")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class History {

        @Test
        void every_value_of_every_entry_reads_back_equal_newest_first() {
            Deal v1 = open("100.00");
            Deal v2 = save(v1, SalesFixtures.moved(v1, second, 50, T0.plusSeconds(60)), DealChangeKind.STAGE_CHANGED);
            Deal v3 = save(v2, SalesFixtures.closed(v2, lost, DealStatus.LOST, T0.plusSeconds(120)),
                    DealChangeKind.LOST);

            List<DealHistoryEntry> history = deals().history(tenant, v1.id(), null, 10).items();

            assertThat(history).extracting(DealHistoryEntry::version).containsExactly(3L, 2L, 1L);
            assertSameRecord(history.get(0), SalesFixtures.change(v2, v3, DealChangeKind.LOST));
            assertSameRecord(history.get(1), SalesFixtures.change(v1, v2, DealChangeKind.STAGE_CHANGED));
            assertSameRecord(history.get(2), SalesFixtures.opened(v1));
            assertThat(history.get(0).reason()).isEqualTo("Price");
            assertThat(history.get(2).before()).isNull();
        }

        @Test
        void pages_by_version_without_skipping_or_repeating() {
            Deal deal = open("1.00");
            for (int i = 2; i <= 11; i++) {
                Deal changed = new Deal(deal.id(), tenant, i, deal.name(), deal.customerId(), deal.owner(),
                        eur(i + ".00"), deal.expectedCloseDate(), pipeline, first, DealStatus.OPEN, 25, false, T0,
                        null, null, null, null, null, T0, T0.plusSeconds(i));
                deal = save(deal, changed, DealChangeKind.AMOUNT_CHANGED);
            }
            DealId id = deal.id();

            List<DealHistoryEntry> all = SpiPaging.history(storage, tenant, id, 3);

            assertThat(all).extracting(DealHistoryEntry::version)
                    .containsExactly(11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
            assertThat(deals().history(tenant, id, 3L, 10).items()).extracting(DealHistoryEntry::version)
                    .containsExactly(2L, 1L);
        }

        @Test
        void an_entry_of_a_version_already_in_the_history_or_older_is_refused_and_changes_nothing() {
            Deal v1 = open("1.00");
            Deal v2 = save(v1, SalesFixtures.moved(v1, second, 50, T0.plusSeconds(1)), DealChangeKind.STAGE_CHANGED);
            List<DealHistoryEntry> before = deals().history(tenant, v1.id(), null, 10).items();
            DealHistoryEntry rewrite = new DealHistoryEntry(tenant, v1.id(), 2, DealChangeKind.STAGE_CHANGED,
                    T0.plusSeconds(5), ALICE, v1.snapshot(), SalesFixtures.snapshot(won, DealStatus.OPEN, "9.00", 9),
                    null, null);
            DealHistoryEntry forgedOpening = new DealHistoryEntry(tenant, v1.id(), 1, DealChangeKind.OPENED, T0, BOB,
                    null, v2.snapshot(), null, null);

            assertThatThrownBy(() -> deals().append(tenant, rewrite)).isInstanceOf(StorageException.class);
            assertThatThrownBy(() -> deals().append(tenant, forgedOpening)).isInstanceOf(StorageException.class);

            assertThat(deals().history(tenant, v1.id(), null, 10).items()).isEqualTo(before);
        }

        @Test
        void an_entry_for_a_deal_that_does_not_exist_is_refused() {
            Deal never = SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), pipeline, first, eur("1.00"));

            assertThatThrownBy(() -> deals().append(tenant, SalesFixtures.opened(never)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(deals().history(tenant, never.id(), null, 10).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("lists follow the deals, in order, paged by keyset")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Lists {

        private Deal deal(StageId stage, UserId owner, CustomerId customer, LocalDate close, Instant entered) {
            Deal d = SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), pipeline, stage, eur("1.00"));
            return insert(new Deal(d.id(), tenant, 1, d.name(), customer, owner, d.amount(), close, pipeline, stage,
                    DealStatus.OPEN, 10, false, entered, null, null, null, null, null, T0, entered));
        }

        @Test
        void a_board_column_lists_the_deals_of_its_stage_by_id_and_a_moved_deal_changes_column() {
            Deal a = open("1.00");
            Deal b = open("2.00");
            Deal c = open("3.00");
            Deal other = insert(SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), SalesFixtures.pipelineId(),
                    first, eur("4.00")));
            save(b, SalesFixtures.moved(b, second, 50, T0.plusSeconds(1)), DealChangeKind.STAGE_CHANGED);

            assertThat(ids(SpiPaging.inStage(storage, tenant, pipeline, first, 1)))
                    .containsExactlyElementsOf(byId(a, c));
            assertThat(ids(deals().inStage(tenant, pipeline, second, null, 10).items())).containsExactly(b.id());
            assertThat(ids(deals().inStage(tenant, other.pipelineId(), first, null, 10).items()))
                    .containsExactly(other.id());
        }

        @Test
        void deals_of_an_owner_are_listed_by_id_filtered_by_status_and_follow_a_change_of_owner() {
            CustomerId c = SalesFixtures.customerId();
            Deal a = deal(first, ALICE, c, LocalDate.of(2026, 5, 1), T0);
            Deal b = deal(first, ALICE, c, LocalDate.of(2026, 5, 1), T0);
            Deal d = deal(first, BOB, c, LocalDate.of(2026, 5, 1), T0);
            Deal bWon = save(b, SalesFixtures.closed(b, won, DealStatus.WON, T0.plusSeconds(1)), DealChangeKind.WON);
            Deal dAlice = new Deal(d.id(), tenant, 2, d.name(), c, ALICE, d.amount(), d.expectedCloseDate(), pipeline,
                    first, DealStatus.OPEN, 10, false, T0, null, null, null, null, null, T0, T0.plusSeconds(2));
            save(d, dAlice, DealChangeKind.OWNER_CHANGED);

            assertThat(ids(SpiPaging.ofOwner(storage, tenant, ALICE, null, 2)))
                    .containsExactlyElementsOf(byId(a, bWon, dAlice));
            assertThat(ids(deals().ofOwner(tenant, ALICE, DealStatus.OPEN, null, 10).items()))
                    .containsExactlyElementsOf(byId(a, dAlice));
            assertThat(ids(deals().ofOwner(tenant, ALICE, DealStatus.WON, null, 10).items())).containsExactly(b.id());
            assertThat(deals().ofOwner(tenant, BOB, null, null, 10).items()).isEmpty();
            assertThat(ids(SpiPaging.dealsOfCustomer(storage, tenant, c, 2))).containsExactlyElementsOf(byId(a, b, d));
        }

        @Test
        void deals_by_expected_close_date_are_ordered_by_date_then_id_within_inclusive_bounds() {
            CustomerId c = SalesFixtures.customerId();
            Deal march31 = deal(first, ALICE, c, LocalDate.of(2026, 3, 31), T0);
            Deal april1a = deal(first, ALICE, c, LocalDate.of(2026, 4, 1), T0);
            Deal april1b = deal(first, ALICE, c, LocalDate.of(2026, 4, 1), T0);
            Deal april1c = deal(first, ALICE, c, LocalDate.of(2026, 4, 1), T0);
            Deal april30 = deal(second, ALICE, c, LocalDate.of(2026, 4, 30), T0);
            Deal may1 = deal(first, ALICE, c, LocalDate.of(2026, 5, 1), T0);
            save(april1b, SalesFixtures.closed(april1b, lost, DealStatus.LOST, T0.plusSeconds(1)),
                    DealChangeKind.LOST);
            LocalDate from = LocalDate.of(2026, 4, 1);
            LocalDate to = LocalDate.of(2026, 4, 30);

            List<DealId> april = ids(SpiPaging.byExpectedCloseDate(storage, tenant, from, to, null, 1));
            List<DealId> firstDay = byId(april1a, april1b, april1c);
            List<DealId> expected = new ArrayList<>(firstDay);
            expected.add(april30.id());
            assertThat(april).containsExactlyElementsOf(expected);

            List<DealId> openBefore = ids(deals().byExpectedCloseDate(tenant, null, LocalDate.of(2026, 4, 1),
                    DealStatus.OPEN, null, 10).items());
            List<DealId> expectedOpen = new ArrayList<>(List.of(march31.id()));
            expectedOpen.addAll(byId(april1a, april1c));
            assertThat(openBefore).containsExactlyElementsOf(expectedOpen);
            assertThat(ids(deals().byExpectedCloseDate(tenant, LocalDate.of(2026, 5, 1), null, null, null, 10)
                    .items())).containsExactly(may1.id());
            assertThat(ids(deals().byExpectedCloseDate(tenant, null, null, DealStatus.LOST, null, 10).items()))
                    .containsExactly(april1b.id());
        }

        @Test
        void deals_that_entered_a_stage_before_an_instant_are_ordered_by_that_instant_then_id_exclusive_bound() {
            CustomerId c = SalesFixtures.customerId();
            LocalDate close = LocalDate.of(2026, 5, 1);
            Deal old = deal(first, ALICE, c, close, T0);
            Deal tie1 = deal(first, ALICE, c, close, T0.plusSeconds(60));
            Deal tie2 = deal(first, ALICE, c, close, T0.plusSeconds(60));
            Deal atBound = deal(first, ALICE, c, close, T0.plusSeconds(120));
            Deal elsewhere = deal(second, ALICE, c, close, T0);
            Instant bound = T0.plusSeconds(120);

            List<DealId> stalled = ids(SpiPaging.enteredStageBefore(storage, tenant, pipeline, first, bound, 1));

            List<DealId> expected = new ArrayList<>(List.of(old.id()));
            expected.addAll(byId(tie1, tie2));
            assertThat(stalled).containsExactlyElementsOf(expected).doesNotContain(atBound.id(), elsewhere.id());

            Deal moved = save(old, SalesFixtures.moved(old, second, 50, T0.plusSeconds(500)),
                    DealChangeKind.STAGE_CHANGED);
            assertThat(ids(deals().enteredStageBefore(tenant, pipeline, first, bound, null, 10).items()))
                    .containsExactlyElementsOf(byId(tie1, tie2));
            assertThat(ids(deals().enteredStageBefore(tenant, pipeline, second, T0.plusSeconds(501), null, 10)
                    .items())).containsExactly(elsewhere.id(), moved.id());
        }
    }

    @Nested
    @DisplayName("figures equal a recomputation from the raw deals")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Figures {

        @Test
        void stage_totals_count_and_add_up_per_currency_and_leave_out_empty_stages() {
            open("1000.00");
            Deal b = open("0.05");
            insert(new Deal(SalesFixtures.dealId(), tenant, 1, "Yen", SalesFixtures.customerId(), ALICE,
                    Money.of("1001", "JPY"), LocalDate.of(2026, 6, 30), pipeline, first, DealStatus.OPEN, 50, true,
                    T0, null, null, null, null, null, T0, T0));
            save(b, SalesFixtures.closed(b, won, DealStatus.WON, T0.plusSeconds(1)), DealChangeKind.WON);

            Map<StageId, DealTotals> totals = deals().stageTotals(tenant, pipeline);

            assertThat(totals.keySet()).containsExactlyInAnyOrder(first, won);
            DealTotals firstTotals = totals.get(first);
            assertThat(firstTotals.count()).isEqualTo(2);
            assertThat(firstTotals.byCurrency()).hasSize(2);
            assertThat(firstTotals.in(Money.currency("EUR")).orElseThrow().weightedAmount()).isEqualTo(eur("250.00"));
            assertThat(firstTotals.in(Money.currency("JPY")).orElseThrow().weightedAmount())
                    .isEqualTo(Money.of("500", "JPY"));
            assertThat(totals.get(won).in(Money.currency("EUR")).orElseThrow().amount()).isEqualTo(eur("0.05"));
        }

        @Test
        void open_totals_take_the_close_dates_inclusively_and_closed_totals_the_closing_instants_half_open() {
            Deal a = open("10.00");                                 // closes 2026-06-30
            Deal b = insert(SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), pipeline, first, eur("20.00")));
            Deal c = open("30.00");
            save(b, SalesFixtures.closed(b, won, DealStatus.WON, T0.plusSeconds(100)), DealChangeKind.WON);
            save(c, SalesFixtures.closed(c, lost, DealStatus.LOST, T0.plusSeconds(200)), DealChangeKind.LOST);

            assertThat(deals().openTotals(tenant, pipeline, LocalDate.of(2026, 6, 30), LocalDate.of(2026, 6, 30)))
                    .isEqualTo(DealTotals.of(List.of(a)));
            assertThat(deals().openTotals(tenant, pipeline, LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)))
                    .isEqualTo(DealTotals.NONE);
            assertThat(deals().closedTotals(tenant, pipeline, DealStatus.WON, T0.plusSeconds(100),
                    T0.plusSeconds(101)).count()).isEqualTo(1);
            assertThat(deals().closedTotals(tenant, pipeline, DealStatus.WON, T0, T0.plusSeconds(100)))
                    .isEqualTo(DealTotals.NONE);
            assertThat(deals().closedTotals(tenant, pipeline, DealStatus.LOST, T0, T0.plusSeconds(1000))
                    .byCurrency()).singleElement().satisfies(t -> assertThat(t.amount()).isEqualTo(eur("30.00")));
        }

        @Test
        void after_random_opens_moves_amount_changes_and_closings_every_figure_equals_the_recomputation() {
            List<StageId> stages = List.of(first, second, won, lost);
            List<String> currencies = List.of("EUR", "JPY", "BHD", "USD");
            Tries.check(20, random -> {
                PipelineId p = SalesFixtures.pipelineId();
                Map<DealId, Deal> current = new LinkedHashMap<>();
                int steps = 1 + random.nextInt(40);
                for (int i = 0; i < steps; i++) {
                    Instant at = T0.plusSeconds(i * 3600L);
                    if (current.isEmpty() || random.nextInt(3) == 0) {
                        String currency = currencies.get(random.nextInt(currencies.size()));
                        Money amount = Money.of(BigDecimal.valueOf(random.nextInt(1_000_000),
                                Money.currency(currency).getDefaultFractionDigits()), Money.currency(currency));
                        Deal d = new Deal(SalesFixtures.dealId(), tenant, 1, "D", SalesFixtures.customerId(), ALICE,
                                amount, LocalDate.of(2026, 1, 1).plusDays(random.nextInt(365)), p,
                                stages.get(random.nextInt(2)), DealStatus.OPEN, random.nextInt(101), true, at, null,
                                null, null, null, null, at, at);
                        insert(d);
                        current.put(d.id(), d);
                        continue;
                    }
                    Deal d = new ArrayList<>(current.values()).get(random.nextInt(current.size()));
                    Deal next;
                    if (!d.isOpen()) {
                        next = SalesFixtures.moved(reopened(d), stages.get(random.nextInt(2)), random.nextInt(101),
                                at);
                    } else if (random.nextBoolean()) {
                        DealStatus status = random.nextBoolean() ? DealStatus.WON : DealStatus.LOST;
                        next = SalesFixtures.closed(d, status == DealStatus.WON ? won : lost, status, at);
                    } else {
                        next = SalesFixtures.moved(d, stages.get(random.nextInt(2)), random.nextInt(101), at);
                    }
                    deals().update(tenant, next);
                    current.put(next.id(), next);
                }

                Map<StageId, List<Deal>> byStage = new HashMap<>();
                current.values().forEach(d -> byStage.computeIfAbsent(d.stageId(), s -> new ArrayList<>()).add(d));
                Map<StageId, DealTotals> expected = new HashMap<>();
                byStage.forEach((stage, list) -> expected.put(stage, DealTotals.of(list)));
                assertThat(deals().stageTotals(tenant, p)).as("stage totals").isEqualTo(expected);
                LocalDate from = LocalDate.of(2026, 3, 1);
                LocalDate to = LocalDate.of(2026, 8, 31);
                assertThat(deals().openTotals(tenant, p, from, to)).as("open totals").isEqualTo(DealTotals.of(
                        current.values().stream().filter(Deal::isOpen).filter(d -> !d.expectedCloseDate()
                                .isBefore(from) && !d.expectedCloseDate().isAfter(to)).toList()));
                Instant since = T0.plusSeconds(3600L * random.nextInt(40));
                Instant until = since.plusSeconds(3600L * random.nextInt(40));
                for (DealStatus status : List.of(DealStatus.WON, DealStatus.LOST)) {
                    assertThat(deals().closedTotals(tenant, p, status, since, until)).as("%s totals", status)
                            .isEqualTo(DealTotals.of(current.values().stream().filter(d -> d.status() == status)
                                    .filter(d -> !d.closedAt().isBefore(since) && d.closedAt().isBefore(until))
                                    .toList()));
                }
            });
        }

        private Deal reopened(Deal closed) {
            return new Deal(closed.id(), closed.tenantId(), closed.version(), closed.name(), closed.customerId(),
                    closed.owner(), closed.amount(), closed.expectedCloseDate(), closed.pipelineId(), first,
                    DealStatus.OPEN, 10, false, closed.stageEnteredAt(), null, null, null, null, null,
                    closed.createdAt(), closed.updatedAt());
        }
    }

    @Nested
    @DisplayName("tenant isolation")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Tenants {

        @Test
        void another_tenant_sees_nothing_of_a_deal_through_any_read() {
            Deal deal = open("100.00");

            assertThat(deals().find(otherTenant, deal.id())).isEmpty();
            assertThat(deals().history(otherTenant, deal.id(), null, 10).items()).isEmpty();
            assertThat(deals().inStage(otherTenant, pipeline, first, null, 10).items()).isEmpty();
            assertThat(deals().ofOwner(otherTenant, ALICE, null, null, 10).items()).isEmpty();
            assertThat(deals().ofCustomer(otherTenant, deal.customerId(), null, 10).items()).isEmpty();
            assertThat(deals().byExpectedCloseDate(otherTenant, null, null, null, null, 10).items()).isEmpty();
            assertThat(deals().enteredStageBefore(otherTenant, pipeline, first, T0.plusSeconds(1), null, 10)
                    .items()).isEmpty();
            assertThat(deals().stageTotals(otherTenant, pipeline)).isEmpty();
            assertThat(deals().openTotals(otherTenant, pipeline, LocalDate.of(1900, 1, 1), LocalDate.of(9999, 1, 1)))
                    .isEqualTo(DealTotals.NONE);
            assertThatThrownBy(() -> deals().append(otherTenant, new DealHistoryEntry(otherTenant, deal.id(), 2,
                    DealChangeKind.AMOUNT_CHANGED, T0, BOB, deal.snapshot(),
                    SalesFixtures.snapshot(first, DealStatus.OPEN, "1.00", 25), null, null)))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        void a_record_of_another_tenant_is_refused_and_nothing_is_stored() {
            Deal theirs = SalesFixtures.openDeal(otherTenant, SalesFixtures.dealId(), pipeline, first, eur("1.00"));

            assertThatThrownBy(() -> deals().insert(tenant, theirs)).isInstanceOf(TenantViolationException.class);
            Deal mine = open("1.00");
            assertThatThrownBy(() -> deals().append(tenant, new DealHistoryEntry(otherTenant, mine.id(), 2,
                    DealChangeKind.AMOUNT_CHANGED, T0, BOB, mine.snapshot(),
                    SalesFixtures.snapshot(first, DealStatus.OPEN, "2.00", 25), null, null)))
                    .isInstanceOf(TenantViolationException.class);

            assertThat(deals().find(tenant, theirs.id())).isEmpty();
            assertThat(deals().find(otherTenant, theirs.id())).isEmpty();
            assertThat(deals().history(tenant, mine.id(), null, 10).items()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("the public API on this storage")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class PublicApi {

        private final List<DomainEvent> events = new CopyOnWriteArrayList<>();
        private TenantScope crm;

        @BeforeEach
        void buildCrm() {
            crm = Crm.builder().storage(storage).listener(events::add).build().tenant(tenant);
        }

        @Test
        void a_deal_opened_moved_and_won_is_stored_with_its_history_its_follow_up_and_its_customers_lifecycle() {
            Pipeline sales = crm.pipelines().installDefault();
            Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller").build());
            Stage proposal = sales.stages().get(2);

            Deal deal = crm.deals().open(DealOpening.builder(sarah.id(), "Candles", ALICE, eur("1200.00"),
                    LocalDate.of(2026, 12, 15)).build()).deal();
            deal = crm.deals().moveStage(deal.id(), deal.version(), proposal.id(), BOB);
            Deal won = crm.deals().win(deal.id(), deal.version(), BOB).deal();

            assertReadsBack(deals().find(tenant, won.id()), won);
            assertThat(SpiPaging.history(storage, tenant, won.id(), 2)).extracting(DealHistoryEntry::kind)
                    .containsExactly(DealChangeKind.WON, DealChangeKind.STAGE_CHANGED, DealChangeKind.OPENED);
            assertThat(SpiPaging.tasksOfDeal(storage, tenant, won.id(), 5)).extracting(t -> t.subject())
                    .containsExactly("Follow up on proposal");
            assertThat(storage.customers().find(tenant, sarah.id()).orElseThrow().lifecycleStage())
                    .isEqualTo(LifecycleStage.CUSTOMER);
            assertThat(crm.deals().summary(sales.id()).totals(StageKind.WON).byCurrency()).singleElement()
                    .satisfies(t -> assertThat(t.amount()).isEqualTo(eur("1200.00")));
            assertThat(events).extracting(e -> e.getClass().getSimpleName()).contains("DealOpened",
                    "DealStageChanged", "DealWon", "TaskCreated", "LifecycleStageChanged");
        }

        @Test
        void a_refused_move_and_a_refused_stage_retirement_store_nothing_and_publish_nothing() {
            Pipeline sales = crm.pipelines().installDefault();
            Pipeline strict = crm.pipelines().changePolicy(sales.id(), sales.version(),
                    TransitionPolicy.FORWARD_ONLY_NO_SKIP);
            Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller").build());
            Deal deal = crm.deals().open(DealOpening.builder(sarah.id(), "Candles", ALICE, eur("10.00"),
                    LocalDate.of(2026, 12, 15)).build()).deal();
            events.clear();

            assertThatThrownBy(() -> crm.deals().moveStage(deal.id(), deal.version(), strict.stages().get(3).id(),
                    ALICE)).isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> crm.pipelines().retireStage(sales.id(), strict.version(),
                    strict.stages().get(0).id(), ALICE)).isInstanceOf(IllegalTransitionException.class);

            assertReadsBack(deals().find(tenant, deal.id()), deal);
            assertReadsBack(storage.pipelines().find(tenant, sales.id()), strict);
            assertThat(SpiPaging.history(storage, tenant, deal.id(), 5)).hasSize(1);
            assertThat(events).isEmpty();
        }

        @Test
        void retiring_a_stage_moves_its_deals_in_one_unit_of_work_each_move_in_the_history() {
            Pipeline sales = crm.pipelines().installDefault();
            Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller").build());
            Stage initial = sales.stages().get(0);
            Stage demo = sales.stages().get(1);
            List<DealId> opened = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opened.add(crm.deals().open(DealOpening.builder(sarah.id(), "D" + i, ALICE, eur(i + ".00"),
                        LocalDate.of(2026, 12, 15)).build()).deal().id());
            }

            Pipeline retired = crm.pipelines().retireStage(sales.id(), sales.version(), initial.id(), demo.id(), BOB);

            assertReadsBack(storage.pipelines().find(tenant, sales.id()), retired);
            assertThat(SpiPaging.inStage(storage, tenant, sales.id(), initial.id(), 2)).isEmpty();
            assertThat(ids(SpiPaging.inStage(storage, tenant, sales.id(), demo.id(), 2)))
                    .containsExactlyElementsOf(opened.stream().sorted(DealStoreContract::compare).toList());
            for (DealId id : opened) {
                assertThat(SpiPaging.history(storage, tenant, id, 5).get(0).kind())
                        .isEqualTo(DealChangeKind.STAGE_RETIRED);
            }
        }
    }

    @Test
    void a_deal_and_its_history_written_in_a_rolled_back_unit_of_work_are_gone_and_the_figures_unchanged() {
        Deal kept = open("5.00");
        Deal gone = SalesFixtures.openDeal(tenant, SalesFixtures.dealId(), pipeline, first, eur("7.00"));
        Map<StageId, DealTotals> before = deals().stageTotals(tenant, pipeline);

        assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
            deals().insert(tenant, gone);
            deals().append(tenant, SalesFixtures.opened(gone));
            Deal moved = SalesFixtures.moved(kept, second, 50, T0.plusSeconds(9));
            deals().update(tenant, moved);
            deals().append(tenant, SalesFixtures.change(kept, moved, DealChangeKind.STAGE_CHANGED));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(deals().find(tenant, gone.id())).isEmpty();
        assertThat(deals().history(tenant, gone.id(), null, 10).items()).isEmpty();
        assertReadsBack(deals().find(tenant, kept.id()), kept);
        assertThat(deals().history(tenant, kept.id(), null, 10).items()).hasSize(1);
        assertThat(deals().stageTotals(tenant, pipeline)).isEqualTo(before);
        assertThat(ids(deals().inStage(tenant, pipeline, first, null, 10).items())).containsExactly(kept.id());
    }
}
