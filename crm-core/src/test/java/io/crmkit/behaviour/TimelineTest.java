package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.email;
import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("The timeline of a customer")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TimelineTest {

    /** Newest first by (occurredAt, id), ids compared unsigned. */
    static final Comparator<Touchpoint> NEWEST_FIRST = Comparator.comparing(Touchpoint::occurredAt)
            .thenComparing(Touchpoint::id, (a, b) -> Ids.compare(a.value(), b.value()))
            .reversed();

    final Fixture f = new Fixture();
    final Customer sarah = f.person("Sarah", "Miller");

    Touchpoint record(NewTouchpoint touchpoint) {
        return f.touchpoints().record(touchpoint).touchpoint();
    }

    Touchpoint emailDaysAgo(long days) {
        return record(email(sarah.id(), f.daysAgo(days)));
    }

    List<Touchpoint> all(TimelineQuery query) {
        return f.touchpoints().timeline(sarah.id(), query, PageRequest.first(1000)).items();
    }

    /** Walks the timeline with pages of {@code size}, running {@code betweenPages} after each page. */
    List<Touchpoint> walk(TimelineQuery query, int size, Runnable betweenPages) {
        List<Touchpoint> walked = new ArrayList<>();
        PageRequest request = PageRequest.first(size);
        while (request != null) {
            Page<Touchpoint> page = f.touchpoints().timeline(sarah.id(), query, request);
            assertThat(page.size()).isLessThanOrEqualTo(size);
            walked.addAll(page.items());
            request = page.nextRequest().orElse(null);
            betweenPages.run();
        }
        return walked;
    }

    @Nested
    class Order {

        @Test
        void is_newest_first_by_occurrence_whatever_order_the_touchpoints_arrived_in() {
            Touchpoint one = emailDaysAgo(1);
            Touchpoint five = emailDaysAgo(5);
            Touchpoint two = emailDaysAgo(2);
            Touchpoint ten = emailDaysAgo(10);
            Touchpoint three = emailDaysAgo(3);

            assertThat(all(TimelineQuery.ALL)).containsExactly(one, two, three, five, ten);
        }

        @Test
        void breaks_ties_of_the_same_instant_by_id_descending() {
            Instant same = f.daysAgo(1);
            List<Touchpoint> recorded = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                recorded.add(record(email(sarah.id(), same)));
                f.clock.advance(Duration.ofMillis(1));
            }
            Touchpoint older = emailDaysAgo(2);

            List<Touchpoint> timeline = all(TimelineQuery.ALL);

            assertThat(timeline).isSortedAccordingTo(NEWEST_FIRST);
            assertThat(timeline).hasSize(6).endsWith(older);
            assertThat(timeline.subList(0, 5)).containsExactlyInAnyOrderElementsOf(recorded);
        }

        @Test
        void of_a_customer_without_touchpoints_is_one_empty_last_page() {
            Page<Touchpoint> page = f.touchpoints().timeline(sarah.id(), PageRequest.first(10));

            assertThat(page.items()).isEmpty();
            assertThat(page.hasNext()).isFalse();
        }

        @Test
        void holds_only_the_customer_s_own_touchpoints() {
            Customer tom = f.person("Tom", null);
            Touchpoint mine = emailDaysAgo(1);
            record(email(tom.id(), f.daysAgo(1)));

            assertThat(all(TimelineQuery.ALL)).containsExactly(mine);
        }

        @Test
        void of_an_unknown_customer_is_not_found() {
            var unknown = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000005"));

            thrown(NotFoundException.class, () -> f.touchpoints().timeline(unknown, PageRequest.first(10)));
        }
    }

    @Nested
    class Filters {

        Touchpoint emailIn;
        Touchpoint callOut;
        Touchpoint emailOut;
        Touchpoint chatIn;
        Touchpoint callIn;

        void recordFive() {
            emailIn = record(touchpoint(sarah.id(), Channel.EMAIL, f.daysAgo(1)).build());
            callOut = record(NewTouchpoint.builder(sarah.id(), Channel.CALL, Direction.OUTBOUND, f.daysAgo(2)).build());
            emailOut = record(NewTouchpoint.builder(sarah.id(), Channel.EMAIL, Direction.OUTBOUND, f.daysAgo(3))
                    .build());
            chatIn = record(touchpoint(sarah.id(), Channel.CHAT, f.daysAgo(4)).build());
            callIn = record(touchpoint(sarah.id(), Channel.CALL, f.daysAgo(5)).build());
        }

        @Test
        void by_channels_keep_only_those_channels() {
            recordFive();

            assertThat(all(TimelineQuery.of(Channel.EMAIL))).containsExactly(emailIn, emailOut);
            assertThat(all(TimelineQuery.of(Channel.CALL, Channel.CHAT))).containsExactly(callOut, chatIn, callIn);
            assertThat(all(TimelineQuery.of(Channel.PURCHASE))).isEmpty();
        }

        @Test
        void by_direction_keep_only_that_direction() {
            recordFive();

            assertThat(all(TimelineQuery.ALL.direction(Direction.OUTBOUND))).containsExactly(callOut, emailOut);
            assertThat(all(TimelineQuery.of(Channel.CALL).direction(Direction.INBOUND))).containsExactly(callIn);
        }

        @Test
        void by_time_range_include_the_start_and_exclude_the_end() {
            recordFive();

            assertThat(all(TimelineQuery.ALL.between(f.daysAgo(4), f.daysAgo(1)))).containsExactly(callOut, emailOut,
                    chatIn);
            assertThat(all(TimelineQuery.ALL.between(f.daysAgo(3), null))).containsExactly(emailIn, callOut, emailOut);
            assertThat(all(TimelineQuery.ALL.between(null, f.daysAgo(3)))).containsExactly(chatIn, callIn);
        }

        @Test
        void combine() {
            recordFive();

            var query = new TimelineQuery(EnumSet.of(Channel.EMAIL, Channel.CALL), Direction.OUTBOUND,
                    f.daysAgo(2), f.now());

            assertThat(all(query)).containsExactly(callOut);
        }

        @Test
        void page_without_skipping_or_repeating() {
            for (int i = 0; i < 30; i++) {
                Channel channel = i % 3 == 0 ? Channel.EMAIL : i % 3 == 1 ? Channel.CALL : Channel.CHAT;
                Direction direction = i % 2 == 0 ? Direction.INBOUND : Direction.OUTBOUND;
                record(NewTouchpoint.builder(sarah.id(), channel, direction, f.daysAgo(40 - i)).build());
            }
            List<TimelineQuery> queries = List.of(
                    new TimelineQuery(Set.of(Channel.EMAIL, Channel.CHAT), Direction.INBOUND, f.daysAgo(35), null),
                    new TimelineQuery(Set.of(), Direction.OUTBOUND, f.daysAgo(33), f.daysAgo(15)),
                    TimelineQuery.of(Channel.CALL).between(null, f.daysAgo(20)));

            for (TimelineQuery query : queries) {
                List<Touchpoint> expected = all(TimelineQuery.ALL).stream().filter(query::matches).toList();
                assertThat(expected).isNotEmpty();
                assertThat(all(query)).as("%s", query).containsExactlyElementsOf(expected);
                for (int size : new int[] {1, 2, 3, 7}) {
                    assertThat(walk(query, size, () -> { })).as("%s in pages of %d", query, size)
                            .containsExactlyElementsOf(expected);
                }
            }
        }
    }

    @Nested
    class Paging {

        @Test
        void walks_every_touchpoint_once_in_timeline_order() {
            for (int i = 0; i < 25; i++) {
                emailDaysAgo((i * 7) % 25 + 1);
            }
            List<Touchpoint> all = all(TimelineQuery.ALL);

            for (int size : new int[] {1, 4, 5, 25, 100}) {
                assertThat(walk(TimelineQuery.ALL, size, () -> { })).as("pages of %d", size)
                        .containsExactlyElementsOf(all);
            }
            assertThat(all).hasSize(25).isSortedAccordingTo(NEWEST_FIRST);
        }

        @Test
        void neither_skips_nor_repeats_while_touchpoints_are_recorded_between_pages() {
            List<Touchpoint> before = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                before.add(emailDaysAgo(i * 2));
            }
            List<Touchpoint> lateOlderThanCursor = new ArrayList<>();
            List<Touchpoint> newerThanCursor = new ArrayList<>();
            int[] page = {0};

            List<Touchpoint> walked = walk(TimelineQuery.ALL, 3, () -> {
                page[0]++;
                f.clock.advance(Duration.ofMinutes(1));
                // newer than everything seen so far: lands before the cursor
                newerThanCursor.add(record(email(sarah.id(), f.now())));
                // a late arrival from long ago: lands after the cursor, in the part still to be read
                lateOlderThanCursor.add(record(email(sarah.id(), Fixture.START.minus(Duration.ofDays(100 + page[0])))));
                // a late arrival at exactly the instant of a touchpoint not yet read
                if (page[0] == 1) {
                    lateOlderThanCursor.add(record(email(sarah.id(), before.get(7).occurredAt())));
                }
            });

            assertThat(walked).doesNotHaveDuplicates();
            assertThat(walked).isSortedAccordingTo(NEWEST_FIRST);
            assertThat(walked).containsAll(before);
            assertThat(walked).doesNotContainAnyElementsOf(newerThanCursor);
            // every late arrival but the one recorded after the last page was read
            assertThat(walked).containsAll(lateOlderThanCursor.subList(0, lateOlderThanCursor.size() - 1));
            assertThat(walked).hasSize(before.size() + lateOlderThanCursor.size() - 1);
        }
    }
}
