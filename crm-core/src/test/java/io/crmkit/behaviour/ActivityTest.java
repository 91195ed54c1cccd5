package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.email;
import static io.crmkit.behaviour.Fixture.purchase;
import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.crmkit.customer.Customer;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Customer activity and lapsed buyers")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActivityTest {

    final Fixture f = new Fixture();

    Touchpoint record(NewTouchpoint touchpoint) {
        return f.touchpoints().record(touchpoint).touchpoint();
    }

    @Nested
    class The_activity_of_a_customer {

        final Customer sarah = f.person("Sarah", "Miller");

        @Test
        void counts_touchpoints_by_channel_and_knows_the_last_touchpoint_and_the_last_purchase() {
            record(email(sarah.id(), f.daysAgo(10)));
            record(email(sarah.id(), f.daysAgo(8)));
            record(purchase(sarah.id(), f.daysAgo(7), "20.00"));
            Touchpoint last = record(touchpoint(sarah.id(), Channel.CALL, f.daysAgo(2)).build());
            record(purchase(sarah.id(), f.daysAgo(30), "5.00")); // late arrival of an older purchase
            record(email(sarah.id(), f.daysAgo(40))); // late arrival of an older e-mail

            CustomerActivity activity = f.touchpoints().activity(sarah.id());

            assertThat(activity.customerId()).isEqualTo(sarah.id());
            assertThat(activity.countsByChannel()).containsOnly(entry(Channel.EMAIL, 3L), entry(Channel.PURCHASE, 2L),
                    entry(Channel.CALL, 1L));
            assertThat(activity.count(Channel.SMS)).isZero();
            assertThat(activity.totalCount()).isEqualTo(6);
            assertThat(activity.lastTouchpointId()).isEqualTo(last.id());
            assertThat(activity.lastTouchpointAt()).isEqualTo(f.daysAgo(2));
            assertThat(activity.lastPurchaseAt()).isEqualTo(f.daysAgo(7));
        }

        @Test
        void of_two_touchpoints_at_the_same_instant_takes_the_greater_id_as_last_like_the_timeline() {
            Instant same = f.daysAgo(1);
            record(email(sarah.id(), same));
            f.clock.advance(Duration.ofMillis(1));
            record(email(sarah.id(), same));

            Touchpoint newestOnTimeline = f.touchpoints().timeline(sarah.id(), PageRequest.first(1)).items().get(0);

            assertThat(f.touchpoints().activity(sarah.id()).lastTouchpointId()).isEqualTo(newestOnTimeline.id());
        }

        @Test
        void does_not_count_duplicate_deliveries() {
            record(touchpoint(sarah.id(), Channel.EMAIL, f.daysAgo(1)).source("mailer", "1").build());
            record(touchpoint(sarah.id(), Channel.EMAIL, f.daysAgo(1)).source("mailer", "1").build());

            assertThat(f.touchpoints().activity(sarah.id()).count(Channel.EMAIL)).isEqualTo(1);
        }

        @Test
        void of_a_customer_without_touchpoints_is_empty() {
            CustomerActivity activity = f.touchpoints().activity(sarah.id());

            assertThat(activity).isEqualTo(CustomerActivity.none(sarah.id()));
            assertThat(activity.countsByChannel()).isEmpty();
            assertThat(activity.totalCount()).isZero();
            assertThat(activity.lastTouchpointId()).isNull();
            assertThat(activity.lastTouchpointAt()).isNull();
            assertThat(activity.lastPurchaseAt()).isNull();
        }

        @Test
        void of_an_unknown_customer_is_not_found() {
            var unknown = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000006"));

            thrown(NotFoundException.class, () -> f.touchpoints().activity(unknown));
        }
    }

    @Nested
    class Lapsed_buyers {

        /** "Who has not bought for 90 days". */
        Instant cutoff() {
            return f.now().minus(Duration.ofDays(90));
        }

        List<CustomerActivity> walk(Instant cutoff, int size) {
            List<CustomerActivity> walked = new ArrayList<>();
            PageRequest request = PageRequest.first(size);
            while (request != null) {
                Page<CustomerActivity> page = f.touchpoints().lapsedBuyers(cutoff, request);
                walked.addAll(page.items());
                request = page.nextRequest().orElse(null);
            }
            return walked;
        }

        Customer buyer(String name, long... daysAgo) {
            Customer customer = f.person(name, null);
            for (long days : daysAgo) {
                record(purchase(customer.id(), f.daysAgo(days), "9.99"));
            }
            return customer;
        }

        @Test
        void are_those_whose_last_purchase_is_before_the_cutoff_longest_waiting_first() {
            Customer c91 = buyer("C", 91);
            Customer a200 = buyer("A", 200, 300);
            Customer recent = buyer("Recent", 89);
            Customer exactly90 = buyer("Exactly", 90);
            Customer b100 = buyer("B", 100);
            Customer cameBack = buyer("Came back", 400, 10);
            Customer neverBought = f.person("Never", "Bought");
            record(email(neverBought.id(), f.daysAgo(365)));

            List<CustomerActivity> lapsed = walk(cutoff(), 10);

            assertThat(lapsed).extracting(CustomerActivity::customerId)
                    .containsExactly(a200.id(), b100.id(), c91.id());
            assertThat(lapsed).extracting(CustomerActivity::lastPurchaseAt)
                    .containsExactly(f.daysAgo(200), f.daysAgo(100), f.daysAgo(91));
            assertThat(lapsed).extracting(CustomerActivity::customerId)
                    .doesNotContain(recent.id(), exactly90.id(), cameBack.id(), neverBought.id());
        }

        @Test
        void page_without_skipping_or_repeating_ordering_equal_dates_by_customer_id() {
            List<CustomerId> expected = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                expected.add(buyer("Buyer " + i, 100 + (i / 3) * 10).id());
            }
            List<CustomerId> sorted = new ArrayList<>(expected);
            // groups of three bought on the same day; the longest-waiting group (i = 6..8) comes first
            sorted.sort((a, b) -> {
                int byDay = Integer.compare(expected.indexOf(b) / 3, expected.indexOf(a) / 3);
                return byDay != 0 ? byDay : a.compareTo(b);
            });

            for (int size : new int[] {1, 2, 4, 9, 20}) {
                assertThat(walk(cutoff(), size)).as("pages of %d", size).extracting(CustomerActivity::customerId)
                        .containsExactlyElementsOf(sorted);
            }
        }

        @Test
        void move_when_a_late_purchase_arrives() {
            Customer sarah = buyer("Sarah", 120);
            assertThat(walk(cutoff(), 10)).extracting(CustomerActivity::customerId).containsExactly(sarah.id());

            record(purchase(sarah.id(), f.daysAgo(5), "1.00"));

            assertThat(walk(cutoff(), 10)).isEmpty();
        }

        @Test
        void are_nobody_when_nobody_bought() {
            record(email(f.person("Sarah", null).id(), f.daysAgo(200)));

            Page<CustomerActivity> page = f.touchpoints().lapsedBuyers(cutoff(), PageRequest.first(10));

            assertThat(page.items()).isEmpty();
            assertThat(page.hasNext()).isFalse();
        }
    }
}
