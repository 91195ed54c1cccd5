package io.crmkit.testkit;

import static io.crmkit.testkit.Fixtures.T0;
import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static io.crmkit.testkit.KitAssertions.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Money;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.TouchpointId;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TouchpointStore}:
 * <ul>
 *   <li><b>round trip</b> of every value of a {@link Touchpoint}: purchase amounts in currencies of 0, 2 and 3
 *       decimals (refunds too), attributes of every type, source, deal, handler, subject and body at their maximum
 *       length, instants to the microsecond across the whole range crmkit stores;</li>
 *   <li><b>idempotent ingestion</b>: a {@link SourceRef} stored before, or earlier in the same batch, is not stored
 *       again and its outcome returns the touchpoint stored first; the same source sent by several threads at once
 *       is stored once;</li>
 *   <li><b>the timeline</b>: newest first by occurredAt, then id as unsigned numbers; filters by channel, direction,
 *       {@code from} (inclusive) and {@code until} (exclusive); keyset continuation strictly after a position, which
 *       need not be a stored touchpoint; late arrivals land in their place;</li>
 *   <li><b>activity</b>: counts by channel, the latest touchpoint by (occurredAt, id) whatever the order of arrival,
 *       the latest purchase;</li>
 *   <li><b>lapsed buyers</b>: customers whose latest purchase is strictly before the cutoff, oldest purchase first
 *       then customer id, paged by keyset.</li>
 * </ul>
 *
 * <p>To run it against an adapter:
 *
 * <pre>{@code
 * class JdbcTouchpointStoreContractTest extends TouchpointStoreContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("TouchpointStore contract")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TouchpointStoreContract extends AbstractStorageContract {

    private CustomerId sarah;
    private CustomerId emma;

    /** For subclasses. */
    protected TouchpointStoreContract() {
    }

    private TouchpointStore touchpoints() {
        return storage.touchpoints();
    }

    /** Two customers stored in the tenant, for adapters that check that a touchpoint's customer exists. */
    @BeforeEach
    final void storeCustomers() {
        sarah = Fixtures.customerId();
        emma = Fixtures.customerId();
        storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, sarah, "Sarah"));
        storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, emma, "Emma"));
    }

    private List<IngestOutcome> insert(Touchpoint... touchpoints) {
        return touchpoints().insertAll(tenant, List.of(touchpoints));
    }

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private List<Touchpoint> timeline(CustomerId customer, TimelineQuery query) {
        return SpiPaging.timeline(storage, tenant, customer, query, 100);
    }

    /** {@code touchpoints} newest first, as the timeline must return them. */
    private static List<Touchpoint> newestFirst(List<Touchpoint> touchpoints) {
        List<Touchpoint> sorted = new ArrayList<>(touchpoints);
        sorted.sort(Comparator.comparing(Touchpoint::occurredAt).thenComparing(Touchpoint::id).reversed());
        return sorted;
    }

    @Nested
    @DisplayName("round trip: every value reads back unchanged")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void a_purchase_with_every_value_set_reads_back_equal() {
            Touchpoint order = Fixtures.fullPurchase(tenant, sarah, Money.of("1234567.89", "EUR"), "1001");

            List<IngestOutcome> outcomes = insert(order);

            assertThat(outcomes).containsExactly(new IngestOutcome(order, false));
            assertReadsBack(touchpoints().find(tenant, order.id()), order);
        }

        @Test
        void amounts_keep_their_currency_and_its_number_of_decimals_and_refunds_their_sign() {
            List<Money> amounts = List.of(Money.of("1500", "JPY"), Money.of("12.345", "BHD"),
                    Money.of("-20.00", "EUR"), Money.of("0.00", "USD"), Money.of("999999999999999.99", "CHF"),
                    Money.of("0.01", "GBP"));
            List<Touchpoint> orders = new ArrayList<>();
            for (int i = 0; i < amounts.size(); i++) {
                orders.add(Fixtures.fullPurchase(tenant, sarah, amounts.get(i), "order-" + i));
            }

            touchpoints().insertAll(tenant, orders);

            for (Touchpoint order : orders) {
                Touchpoint found = touchpoints().find(tenant, order.id()).orElseThrow();
                assertThat(found.purchase().amount()).isEqualTo(order.purchase().amount());
                assertThat(found.purchase().amount().amount().scale())
                        .as("scale of %s", order.purchase().amount())
                        .isEqualTo(order.purchase().amount().currency().getDefaultFractionDigits());
                assertSameRecord(found, order);
            }
        }

        @Test
        void the_largest_amounts_money_allows_read_back_exactly() {
            String digits = "9".repeat(Money.MAX_DIGITS);
            List<Money> amounts = List.of(Money.of(digits, "JPY"), Money.of("-" + digits, "JPY"),
                    Money.of(digits.substring(2) + ".99", "EUR"), Money.of(digits.substring(3) + ".999", "BHD"),
                    Money.of("-" + digits.substring(2) + ".99", "USD"));
            List<Touchpoint> orders = new ArrayList<>();
            for (int i = 0; i < amounts.size(); i++) {
                orders.add(Fixtures.fullPurchase(tenant, sarah, amounts.get(i), "big-" + i));
            }

            touchpoints().insertAll(tenant, orders);

            for (Touchpoint order : orders) {
                assertThat(touchpoints().find(tenant, order.id()).orElseThrow().purchase().amount())
                        .isEqualTo(order.purchase().amount());
            }
        }

        @Test
        void a_touchpoint_of_every_other_kind_of_value_reads_back_equal() {
            Touchpoint call = Fixtures.fullCall(tenant, sarah);

            insert(call);

            assertReadsBack(touchpoints().find(tenant, call.id()), call);
        }

        @Test
        void a_touchpoint_with_nothing_optional_reads_back_with_nulls() {
            Touchpoint bare = Fixtures.email(tenant, sarah, T0);

            insert(bare);

            Touchpoint found = touchpoints().find(tenant, bare.id()).orElseThrow();
            assertReadsBack(touchpoints().find(tenant, bare.id()), bare);
            assertThat(found.subject()).isNull();
            assertThat(found.body()).isNull();
            assertThat(found.source()).isNull();
            assertThat(found.purchase()).isNull();
            assertThat(found.attributes()).isEmpty();
        }

        @Test
        void instants_at_the_ends_of_the_stored_range_read_back_to_the_microsecond() {
            Touchpoint earliest = new Touchpoint(Fixtures.touchpointId(), tenant, sarah, Channel.OTHER,
                    Direction.OUTBOUND, Timestamps.MIN, Timestamps.MAX, null, null, null, null, Map.of(), null, null);
            Touchpoint latest = new Touchpoint(Fixtures.touchpointId(), tenant, sarah, Channel.OTHER,
                    Direction.INBOUND, Timestamps.MAX, Timestamps.MIN.plusNanos(1_000), null, null, null, null,
                    Map.of(), null, null);

            insert(earliest, latest);

            assertReadsBack(touchpoints().find(tenant, earliest.id()), earliest);
            assertReadsBack(touchpoints().find(tenant, latest.id()), latest);
            assertThat(timeline(sarah, TimelineQuery.ALL)).containsExactly(latest, earliest);
        }

        @Test
        void every_outcome_of_a_batch_is_in_the_order_of_the_batch() {
            List<Touchpoint> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(Fixtures.email(tenant, i % 2 == 0 ? sarah : emma, at(20 - i)));
            }

            List<IngestOutcome> outcomes = touchpoints().insertAll(tenant, batch);

            assertThat(outcomes).extracting(IngestOutcome::stored).containsExactlyElementsOf(batch);
            assertThat(outcomes).extracting(IngestOutcome::duplicate).containsOnly(false);
            assertThat(touchpoints().insertAll(tenant, List.of())).isEmpty();
        }

        @Test
        void an_unknown_id_is_not_found() {
            insert(Fixtures.email(tenant, sarah, T0));

            assertThat(touchpoints().find(tenant, Fixtures.touchpointId())).isEmpty();
        }

        @Test
        void inserting_an_id_that_exists_fails_with_a_storage_exception_and_keeps_the_first() {
            Touchpoint first = Fixtures.email(tenant, sarah, T0);
            insert(first);
            Touchpoint sameId = Fixtures.touchpoint(tenant, first.id(), emma, Channel.CALL, Direction.OUTBOUND,
                    at(5), null);

            assertThatThrownBy(() -> insert(sameId)).isInstanceOf(StorageException.class);

            assertReadsBack(touchpoints().find(tenant, first.id()), first);
            assertThat(timeline(emma, TimelineQuery.ALL)).isEmpty();
        }
    }

    @Nested
    @DisplayName("idempotent ingestion")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class IdempotentIngestion {

        @Test
        void the_same_source_delivered_twice_is_stored_once_and_the_duplicate_returns_the_first() {
            SourceRef source = SourceRef.of("shop", "order-1001");
            Touchpoint first = Fixtures.withSource(tenant, sarah, at(1), source);
            Touchpoint redelivery = Fixtures.touchpoint(tenant, Fixtures.touchpointId(), sarah, Channel.PURCHASE,
                    Direction.INBOUND, at(2), source);

            insert(first);
            List<IngestOutcome> outcomes = insert(redelivery);

            assertThat(outcomes).hasSize(1);
            assertThat(outcomes.get(0).duplicate()).isTrue();
            assertSameRecord(outcomes.get(0).stored(), first);
            assertThat(touchpoints().find(tenant, redelivery.id())).isEmpty();
            assertThat(timeline(sarah, TimelineQuery.ALL)).containsExactly(first);
            assertThat(touchpoints().activity(tenant, sarah).totalCount()).isEqualTo(1);
            assertThat(touchpoints().activity(tenant, sarah).lastPurchaseAt()).isNull();
        }

        @Test
        void a_duplicate_inside_one_batch_is_stored_once_and_points_at_the_earlier_element() {
            SourceRef a = SourceRef.of("shop", "a");
            SourceRef b = SourceRef.of("shop", "b");
            Touchpoint a1 = Fixtures.withSource(tenant, sarah, at(1), a);
            Touchpoint a2 = Fixtures.withSource(tenant, sarah, at(2), a);
            Touchpoint b1 = Fixtures.withSource(tenant, emma, at(3), b);
            Touchpoint a3 = Fixtures.withSource(tenant, emma, at(4), a);

            List<IngestOutcome> outcomes = insert(a1, a2, b1, a3);

            assertThat(outcomes).containsExactly(new IngestOutcome(a1, false), new IngestOutcome(a1, true),
                    new IngestOutcome(b1, false), new IngestOutcome(a1, true));
            assertThat(timeline(sarah, TimelineQuery.ALL)).containsExactly(a1);
            assertThat(timeline(emma, TimelineQuery.ALL)).containsExactly(b1);
        }

        @Test
        void a_source_is_its_system_and_its_external_id_together() {
            Touchpoint shopA = Fixtures.withSource(tenant, sarah, at(1), SourceRef.of("shop", "A"));
            Touchpoint shopLowerA = Fixtures.withSource(tenant, sarah, at(2), SourceRef.of("shop", "a"));
            Touchpoint mailA = Fixtures.withSource(tenant, sarah, at(3), SourceRef.of("mail", "A"));
            Touchpoint shopAWithSpace = Fixtures.withSource(tenant, sarah, at(4), SourceRef.of("shop", "A "));
            Touchpoint shopColon = Fixtures.withSource(tenant, sarah, at(5), SourceRef.of("shop:A", "x"));
            Touchpoint shopX = Fixtures.withSource(tenant, sarah, at(6), SourceRef.of("shop", "A:x"));

            List<IngestOutcome> outcomes = insert(shopA, shopLowerA, mailA, shopAWithSpace, shopColon, shopX);

            assertThat(outcomes).extracting(IngestOutcome::duplicate).containsOnly(false);
            assertThat(timeline(sarah, TimelineQuery.ALL)).hasSize(6);
        }

        @Test
        void touchpoints_without_a_source_are_never_duplicates() {
            Touchpoint one = Fixtures.email(tenant, sarah, T0);
            Touchpoint two = Fixtures.email(tenant, sarah, T0);

            assertThat(insert(one, two)).extracting(IngestOutcome::duplicate).containsExactly(false, false);
            assertThat(insert(Fixtures.email(tenant, sarah, T0))).extracting(IngestOutcome::duplicate)
                    .containsExactly(false);
            assertThat(timeline(sarah, TimelineQuery.ALL)).hasSize(3);
        }

        @Test
        void the_same_source_sent_by_several_threads_at_once_is_stored_once() throws Exception {
            SourceRef source = SourceRef.of("webhook", "evt-42");
            int threads = 4;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<IngestOutcome>> futures = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Touchpoint delivery = Fixtures.withSource(tenant, sarah, at(i), source);
                    futures.add(pool.submit(() -> {
                        start.await();
                        return insertRetrying(delivery);
                    }));
                }
                start.countDown();
                List<IngestOutcome> outcomes = new ArrayList<>();
                for (Future<IngestOutcome> future : futures) {
                    outcomes.add(future.get(60, TimeUnit.SECONDS)); // a guard against a deadlock, not a timing
                }

                List<Touchpoint> stored = timeline(sarah, TimelineQuery.ALL);
                assertThat(stored).as("touchpoints stored for one source sent %d times", threads).hasSize(1);
                assertThat(outcomes).filteredOn(o -> !o.duplicate()).as("outcomes that stored it").hasSize(1);
                assertThat(outcomes).extracting(o -> o.stored().id()).as("every outcome names the stored one")
                        .containsOnly(stored.get(0).id());
                assertThat(touchpoints().activity(tenant, sarah).totalCount()).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }

        /** One delivery in a unit of work of its own, run again if the adapter says it may succeed then. */
        private IngestOutcome insertRetrying(Touchpoint delivery) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return storage.inTransaction(tenant,
                            tx -> touchpoints().insertAll(tenant, List.of(delivery))).get(0);
                } catch (RetryableStorageException e) {
                    if (attempt == 10) {
                        throw e;
                    }
                }
            }
        }
    }

    @Nested
    @DisplayName("timeline: newest first, filtered, continued by keyset")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Timeline {

        @Test
        void touchpoints_come_newest_first_whatever_the_order_they_arrived_in() {
            Touchpoint middle = Fixtures.email(tenant, sarah, at(10));
            Touchpoint newest = Fixtures.email(tenant, sarah, at(20));
            Touchpoint oldest = Fixtures.email(tenant, sarah, at(1));
            Touchpoint late = Fixtures.email(tenant, sarah, at(15));

            insert(middle, newest);
            insert(oldest);
            insert(late);

            assertThat(timeline(sarah, TimelineQuery.ALL)).containsExactly(newest, late, middle, oldest);
        }

        @Test
        void touchpoints_of_the_same_instant_come_by_id_descending_as_unsigned_numbers() {
            List<Touchpoint> same = new ArrayList<>();
            for (long high : Fixtures.HIGHS_ASCENDING) {
                same.add(Fixtures.touchpoint(tenant, new TouchpointId(Fixtures.uuid(high)), sarah, Channel.EMAIL,
                        Direction.INBOUND, T0, null));
            }
            List<Touchpoint> shuffled = new ArrayList<>(same);
            Collections.shuffle(shuffled);
            touchpoints().insertAll(tenant, shuffled);
            List<Touchpoint> expected = new ArrayList<>(same);
            Collections.reverse(expected);

            assertThat(timeline(sarah, TimelineQuery.ALL)).containsExactlyElementsOf(expected);
            for (int limit = 1; limit <= 4; limit++) {
                assertThat(SpiPaging.timeline(storage, tenant, sarah, TimelineQuery.ALL, limit))
                        .as("paged with limit %d across equal instants", limit).containsExactlyElementsOf(expected);
            }
        }

        @Test
        void a_slice_holds_at_most_the_limit_and_says_whether_more_follow() {
            List<Touchpoint> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                all.add(Fixtures.email(tenant, sarah, at(i)));
            }
            touchpoints().insertAll(tenant, all);
            List<Touchpoint> expected = newestFirst(all);

            Slice<Touchpoint> first = touchpoints().timeline(tenant, sarah, TimelineQuery.ALL, null, 4);
            Slice<Touchpoint> rest = touchpoints().timeline(tenant, sarah, TimelineQuery.ALL,
                    TimelinePosition.of(first.items().get(3)), 4);
            Slice<Touchpoint> exact = touchpoints().timeline(tenant, sarah, TimelineQuery.ALL,
                    TimelinePosition.of(expected.get(2)), 3);

            assertThat(first.items()).containsExactlyElementsOf(expected.subList(0, 4));
            assertThat(first.hasMore()).isTrue();
            assertThat(rest.items()).containsExactlyElementsOf(expected.subList(4, 6));
            assertThat(rest.hasMore()).isFalse();
            assertThat(exact.items()).containsExactlyElementsOf(expected.subList(3, 6));
            assertThat(exact.hasMore()).as("nothing follows the last of the timeline").isFalse();
        }

        @Test
        void paging_continues_strictly_after_the_position_which_need_not_be_a_stored_touchpoint() {
            Touchpoint a = Fixtures.touchpoint(tenant, new TouchpointId(Fixtures.uuid(0x10L)), sarah, Channel.EMAIL,
                    Direction.INBOUND, at(10), null);
            Touchpoint b = Fixtures.touchpoint(tenant, new TouchpointId(Fixtures.uuid(0x90L << 56)), sarah,
                    Channel.EMAIL, Direction.INBOUND, at(10), null);
            Touchpoint c = Fixtures.email(tenant, sarah, at(5));
            insert(a, b, c);

            TimelinePosition betweenBAndA = new TimelinePosition(at(10), new TouchpointId(new UUID(0x20L, 0L)));
            TimelinePosition betweenInstants = new TimelinePosition(at(7), Fixtures.touchpointId());
            TimelinePosition afterAll = new TimelinePosition(at(1), Fixtures.touchpointId());

            assertThat(touchpoints().timeline(tenant, sarah, TimelineQuery.ALL, TimelinePosition.of(b), 10).items())
                    .containsExactly(a, c);
            assertThat(touchpoints().timeline(tenant, sarah, TimelineQuery.ALL, betweenBAndA, 10).items())
                    .containsExactly(a, c);
            assertThat(touchpoints().timeline(tenant, sarah, TimelineQuery.ALL, betweenInstants, 10).items())
                    .containsExactly(c);
            assertThat(touchpoints().timeline(tenant, sarah, TimelineQuery.ALL, afterAll, 10).items()).isEmpty();
        }

        @Test
        void a_timeline_holds_only_the_customers_own_touchpoints() {
            Touchpoint mine = Fixtures.email(tenant, sarah, at(1));
            Touchpoint hers = Fixtures.email(tenant, emma, at(2));
            insert(mine, hers);

            assertThat(timeline(sarah, TimelineQuery.ALL)).containsExactly(mine);
            assertThat(timeline(emma, TimelineQuery.ALL)).containsExactly(hers);
            Slice<Touchpoint> unknown = touchpoints().timeline(tenant, Fixtures.customerId(), TimelineQuery.ALL,
                    null, 10);
            assertThat(unknown.items()).isEmpty();
            assertThat(unknown.hasMore()).isFalse();
        }

        @Test
        void the_channel_and_direction_filters_select_exactly_the_matching_touchpoints() {
            List<Touchpoint> all = new ArrayList<>();
            int minute = 0;
            for (Channel channel : Channel.values()) {
                for (Direction direction : Direction.values()) {
                    all.add(Fixtures.touchpoint(tenant, Fixtures.touchpointId(), sarah, channel, direction,
                            at(minute++), null));
                }
            }
            Collections.shuffle(all);
            touchpoints().insertAll(tenant, all);

            List<TimelineQuery> queries = List.of(
                    TimelineQuery.of(Channel.EMAIL),
                    TimelineQuery.of(Channel.PURCHASE, Channel.CALL, Channel.SUPPORT_REQUEST),
                    TimelineQuery.ALL.direction(Direction.OUTBOUND),
                    TimelineQuery.of(Channel.SMS, Channel.CHAT).direction(Direction.INBOUND),
                    new TimelineQuery(EnumSet.allOf(Channel.class), null, null, null));
            for (TimelineQuery query : queries) {
                List<Touchpoint> expected = newestFirst(all.stream().filter(query::matches).toList());
                assertThat(timeline(sarah, query)).as("%s", query).containsExactlyElementsOf(expected);
                assertThat(SpiPaging.timeline(storage, tenant, sarah, query, 2)).as("%s paged by 2", query)
                        .containsExactlyElementsOf(expected);
            }
        }

        @Test
        void from_is_inclusive_and_until_is_exclusive() {
            Touchpoint before = Fixtures.email(tenant, sarah, at(10).minusNanos(1_000));
            Touchpoint atFrom = Fixtures.email(tenant, sarah, at(10));
            Touchpoint inside = Fixtures.email(tenant, sarah, at(15));
            Touchpoint justBeforeUntil = Fixtures.email(tenant, sarah, at(20).minusNanos(1_000));
            Touchpoint atUntilWithTheLargestId = Fixtures.touchpoint(tenant,
                    new TouchpointId(new UUID(-1L, -1L)), sarah, Channel.EMAIL, Direction.INBOUND, at(20), null);
            Touchpoint atUntilWithTheSmallestId = Fixtures.touchpoint(tenant,
                    new TouchpointId(new UUID(0L, 0L)), sarah, Channel.EMAIL, Direction.INBOUND, at(20), null);
            insert(before, atFrom, inside, justBeforeUntil, atUntilWithTheLargestId, atUntilWithTheSmallestId);

            assertThat(timeline(sarah, TimelineQuery.ALL.between(at(10), at(20))))
                    .containsExactly(justBeforeUntil, inside, atFrom);
            assertThat(timeline(sarah, TimelineQuery.ALL.between(at(10), null)))
                    .containsExactly(atUntilWithTheLargestId, atUntilWithTheSmallestId, justBeforeUntil, inside,
                            atFrom);
            assertThat(timeline(sarah, TimelineQuery.ALL.between(null, at(10))))
                    .containsExactly(before);
        }

        @Test
        void bounds_finer_than_a_microsecond_select_as_the_next_whole_microsecond_would() {
            Touchpoint t = Fixtures.email(tenant, sarah, at(10));
            Touchpoint t1 = Fixtures.email(tenant, sarah, at(10).plusNanos(1_000));
            insert(t, t1);

            for (int nanos : new int[] {1, 400, 600, 999}) {
                Instant bound = at(10).plusNanos(nanos);
                assertThat(timeline(sarah, TimelineQuery.ALL.between(bound, null)))
                        .as("from %s (inclusive)", bound).containsExactly(t1);
                assertThat(timeline(sarah, TimelineQuery.ALL.between(null, bound)))
                        .as("until %s (exclusive)", bound).containsExactly(t);
            }
        }

        @Test
        void a_time_range_combines_with_channels_direction_and_paging() {
            List<Touchpoint> all = new ArrayList<>();
            Channel[] channels = {Channel.EMAIL, Channel.CALL, Channel.PURCHASE};
            for (int i = 0; i < 30; i++) {
                all.add(Fixtures.touchpoint(tenant, Fixtures.touchpointId(), sarah, channels[i % 3],
                        i % 4 == 0 ? Direction.OUTBOUND : Direction.INBOUND, at(i / 2), null));
            }
            touchpoints().insertAll(tenant, all);
            TimelineQuery query = TimelineQuery.of(Channel.EMAIL, Channel.PURCHASE).direction(Direction.INBOUND)
                    .between(at(3), at(12));
            List<Touchpoint> expected = newestFirst(all.stream().filter(query::matches).toList());

            for (int limit = 1; limit <= 5; limit++) {
                assertThat(SpiPaging.timeline(storage, tenant, sarah, query, limit)).as("limit %d", limit)
                        .containsExactlyElementsOf(expected);
            }
            TimelinePosition newerThanUntil = new TimelinePosition(at(20), Fixtures.touchpointId());
            assertThat(touchpoints().timeline(tenant, sarah, query, newerThanUntil, 100).items())
                    .as("a position newer than until still respects until").containsExactlyElementsOf(expected);
            TimelinePosition olderThanFrom = new TimelinePosition(at(2), Fixtures.touchpointId());
            assertThat(touchpoints().timeline(tenant, sarah, query, olderThanFrom, 100).items()).isEmpty();
        }

        @Test
        void a_touchpoint_recorded_while_paging_never_makes_a_page_skip_or_repeat() {
            List<Touchpoint> initial = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                initial.add(Fixtures.email(tenant, sarah, at(i * 10)));
            }
            touchpoints().insertAll(tenant, initial);
            List<Touchpoint> seen = new ArrayList<>();

            Slice<Touchpoint> page = touchpoints().timeline(tenant, sarah, TimelineQuery.ALL, null, 3);
            seen.addAll(page.items());
            while (page.hasMore()) {
                Touchpoint last = page.items().get(page.items().size() - 1);
                insert(Fixtures.email(tenant, sarah, last.occurredAt()),          // same instant, newer or older id
                        Fixtures.email(tenant, sarah, last.occurredAt().plusSeconds(1)),
                        Fixtures.email(tenant, sarah, last.occurredAt().minusSeconds(1)));
                page = touchpoints().timeline(tenant, sarah, TimelineQuery.ALL, TimelinePosition.of(last), 3);
                seen.addAll(page.items());
            }

            assertThat(seen).doesNotHaveDuplicates();
            assertThat(seen).containsAll(initial);
            assertThat(seen).isSortedAccordingTo(
                    Comparator.comparing(Touchpoint::occurredAt).thenComparing(Touchpoint::id).reversed());
        }
    }

    @Nested
    @DisplayName("activity: counts, latest touchpoint, latest purchase")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Activity {

        @Test
        void a_customer_without_touchpoints_has_no_activity() {
            assertThat(touchpoints().activity(tenant, sarah)).isEqualTo(CustomerActivity.none(sarah));
            CustomerId unknown = Fixtures.customerId();
            assertThat(touchpoints().activity(tenant, unknown)).isEqualTo(CustomerActivity.none(unknown));
        }

        @Test
        void touchpoints_are_counted_by_channel() {
            insert(Fixtures.email(tenant, sarah, at(1)), Fixtures.email(tenant, sarah, at(2)),
                    Fixtures.touchpoint(tenant, Fixtures.touchpointId(), sarah, Channel.CALL, Direction.OUTBOUND,
                            at(3), null),
                    Fixtures.email(tenant, emma, at(4)));
            insert(Fixtures.purchase(tenant, sarah, at(5), Money.of("5.00", "EUR")));

            CustomerActivity activity = touchpoints().activity(tenant, sarah);

            assertThat(activity.customerId()).isEqualTo(sarah);
            assertThat(activity.countsByChannel()).containsOnly(Map.entry(Channel.EMAIL, 2L),
                    Map.entry(Channel.CALL, 1L), Map.entry(Channel.PURCHASE, 1L));
            assertThat(activity.totalCount()).isEqualTo(4);
            assertThat(touchpoints().activity(tenant, emma).countsByChannel())
                    .containsOnly(Map.entry(Channel.EMAIL, 1L));
        }

        @Test
        void the_latest_touchpoint_is_the_newest_by_occurrence_not_by_arrival() {
            Touchpoint newest = Fixtures.email(tenant, sarah, at(30));
            insert(newest);
            insert(Fixtures.email(tenant, sarah, at(10)));     // a late arrival from the past

            CustomerActivity afterLate = touchpoints().activity(tenant, sarah);
            assertThat(afterLate.lastTouchpointId()).isEqualTo(newest.id());
            assertThat(afterLate.lastTouchpointAt()).isEqualTo(newest.occurredAt());

            Touchpoint newer = Fixtures.email(tenant, sarah, at(31));
            insert(newer);
            assertThat(touchpoints().activity(tenant, sarah).lastTouchpointId()).isEqualTo(newer.id());
        }

        @Test
        void of_touchpoints_at_the_same_instant_the_latest_has_the_largest_unsigned_id() {
            Touchpoint small = Fixtures.touchpoint(tenant, new TouchpointId(Fixtures.uuid(0x7FFF_FFFF_FFFF_7000L)),
                    sarah, Channel.EMAIL, Direction.INBOUND, at(10), null);
            Touchpoint large = Fixtures.touchpoint(tenant, new TouchpointId(Fixtures.uuid(0x8000_0000_0000_7000L)),
                    sarah, Channel.EMAIL, Direction.INBOUND, at(10), null);

            insert(large);
            insert(small);

            assertThat(touchpoints().activity(tenant, sarah).lastTouchpointId()).isEqualTo(large.id());
        }

        @Test
        void the_latest_purchase_is_the_newest_purchase_by_occurrence() {
            insert(Fixtures.purchase(tenant, sarah, at(20), Money.of("5.00", "EUR")));
            insert(Fixtures.purchase(tenant, sarah, at(5), Money.of("7.00", "EUR")));  // late, older
            insert(Fixtures.email(tenant, sarah, at(40)));                              // not a purchase

            CustomerActivity activity = touchpoints().activity(tenant, sarah);

            assertThat(activity.lastPurchaseAt()).isEqualTo(at(20));
            assertThat(activity.lastTouchpointAt()).isEqualTo(at(40));
            assertThat(touchpoints().activity(tenant, emma).lastPurchaseAt()).isNull();
        }
    }

    @Nested
    @DisplayName("lapsed buyers")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class LapsedBuyers {

        private CustomerId buyer(long high, Instant... purchases) {
            CustomerId id = new CustomerId(Fixtures.uuid(high));
            storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, id, "Buyer"));
            for (Instant at : purchases) {
                insert(Fixtures.purchase(tenant, id, at, Money.of("1.00", "EUR")));
            }
            return id;
        }

        private List<CustomerId> lapsed(Instant cutoff, int limit) {
            return SpiPaging.lapsed(storage, tenant, cutoff, limit).stream().map(CustomerActivity::customerId)
                    .toList();
        }

        @Test
        void only_customers_whose_latest_purchase_is_strictly_before_the_cutoff_are_lapsed() {
            CustomerId old = buyer(0x1000L, at(1));
            buyer(0x2000L, at(2), at(50));                                     // bought again since
            buyer(0x3000L, at(30));                                            // bought at the cutoff
            CustomerId microBefore = buyer(0x4000L, at(30).minusNanos(1_000));
            insert(Fixtures.email(tenant, sarah, at(1)));                        // never bought

            assertThat(lapsed(at(30), 100)).containsExactly(old, microBefore);
        }

        @Test
        void lapsed_buyers_come_oldest_purchase_first_then_by_unsigned_customer_id() {
            CustomerId c3 = buyer(Fixtures.HIGHS_ASCENDING[3], at(5));
            CustomerId c1 = buyer(Fixtures.HIGHS_ASCENDING[1], at(5));
            CustomerId newest = buyer(Fixtures.HIGHS_ASCENDING[0], at(9));
            CustomerId c2 = buyer(Fixtures.HIGHS_ASCENDING[2], at(5));
            CustomerId oldest = buyer(Fixtures.HIGHS_ASCENDING[3] + 1, at(1));
            CustomerId c0 = buyer(Fixtures.HIGHS_ASCENDING[0] + 1, at(5));
            List<CustomerId> expected = List.of(oldest, c0, c1, c2, c3, newest);

            assertThat(lapsed(at(100), 100)).containsExactlyElementsOf(expected);
            for (int limit = 1; limit <= 7; limit++) {
                assertThat(lapsed(at(100), limit)).as("paged with limit %d", limit)
                        .containsExactlyElementsOf(expected);
            }
            Slice<CustomerActivity> exact = touchpoints().lapsedBuyers(tenant, at(100),
                    new LapsedPosition(at(5), c2), 2);
            assertThat(exact.items()).extracting(CustomerActivity::customerId).containsExactly(c3, newest);
            assertThat(exact.hasMore()).as("nothing follows the last lapsed buyer").isFalse();
        }

        @Test
        void each_entry_is_the_customers_whole_activity() {
            CustomerId buyer = buyer(0x1000L, at(3));
            insert(Fixtures.email(tenant, buyer, at(4)));

            List<CustomerActivity> entries = touchpoints().lapsedBuyers(tenant, at(10), null, 10).items();

            assertThat(entries).containsExactly(touchpoints().activity(tenant, buyer));
            assertThat(entries.get(0).countsByChannel()).containsOnly(Map.entry(Channel.PURCHASE, 1L),
                    Map.entry(Channel.EMAIL, 1L));
        }

        @Test
        void a_purchase_recorded_later_takes_a_customer_off_the_list() {
            CustomerId buyer = buyer(0x1000L, at(3));
            assertThat(lapsed(at(10), 10)).containsExactly(buyer);

            insert(Fixtures.purchase(tenant, buyer, at(11), Money.of("2.00", "EUR")));

            assertThat(lapsed(at(10), 10)).isEmpty();
            assertThat(lapsed(at(12), 10)).containsExactly(buyer);
        }

        @Test
        void a_tenant_without_buyers_has_an_empty_final_slice() {
            insert(Fixtures.email(tenant, sarah, at(1)));

            Slice<CustomerActivity> slice = touchpoints().lapsedBuyers(tenant, at(100), null, 10);

            assertThat(slice.items()).isEmpty();
            assertThat(slice.hasMore()).isFalse();
        }
    }
}
