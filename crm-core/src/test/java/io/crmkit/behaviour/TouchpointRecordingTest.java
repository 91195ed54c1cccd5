package io.crmkit.behaviour;

import static io.crmkit.behaviour.Fixture.email;
import static io.crmkit.behaviour.Fixture.thrown;
import static io.crmkit.behaviour.Fixture.touchpoint;
import static io.crmkit.behaviour.Fixture.violationPaths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.crmkit.customer.Customer;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.BatchResult;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.RecordResult;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.touchpoint.TouchpointRecorded;
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

@DisplayName("Recording touchpoints")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TouchpointRecordingTest {

    static final CustomerId UNKNOWN = CustomerId.of(UUID.fromString("01890000-0000-7000-8000-000000000004"));

    final Fixture f = new Fixture();
    final Customer sarah = f.person("Sarah", "Miller");
    final Customer tom = f.person("Tom", "Baker");

    List<Touchpoint> timeline(Customer customer) {
        return f.touchpoints().timeline(customer.id(), PageRequest.first(1000)).items();
    }

    NewTouchpoint fromShop(Customer customer, String orderNumber, Instant at) {
        return touchpoint(customer.id(), Channel.PURCHASE, at).purchase(Money.of("10.00", "EUR"), orderNumber)
                .source("shop", "order-" + orderNumber).build();
    }

    @Nested
    class One_touchpoint {

        @Test
        void is_stored_with_everything_it_carries_and_the_time_it_was_recorded() {
            Instant occurred = f.daysAgo(3).plusNanos(123_456_789);
            f.clock.advance(Duration.ofSeconds(30));

            RecordResult result = f.touchpoints().record(NewTouchpoint.builder(sarah.id(), Channel.CALL,
                            Direction.OUTBOUND, occurred)
                    .subject("Follow-up")
                    .body("Called about the wholesale order.")
                    .handledBy(UserId.of("user-7"))
                    .deal(DealId.of(UUID.fromString("01890000-0000-7000-8000-0000000000d1")))
                    .attribute("durationSeconds", AttributeValue.integer(340))
                    .source("phone-system", "call-991")
                    .build());

            Touchpoint t = result.touchpoint();
            assertThat(result.duplicate()).isFalse();
            assertThat(t.id()).isNotNull();
            assertThat(t.tenantId()).isEqualTo(TenantId.DEFAULT);
            assertThat(t.customerId()).isEqualTo(sarah.id());
            assertThat(t.channel()).isEqualTo(Channel.CALL);
            assertThat(t.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(t.occurredAt()).isEqualTo(f.daysAgo(3).minusSeconds(30).plusNanos(123_456_000));
            assertThat(t.recordedAt()).isEqualTo(f.now());
            assertThat(t.subject()).isEqualTo("Follow-up");
            assertThat(t.body()).isEqualTo("Called about the wholesale order.");
            assertThat(t.handledBy()).isEqualTo(UserId.of("user-7"));
            assertThat(t.dealId()).isEqualTo(DealId.of(UUID.fromString("01890000-0000-7000-8000-0000000000d1")));
            assertThat(t.attributes()).containsOnly(entry("durationSeconds", AttributeValue.integer(340)));
            assertThat(t.purchase()).isNull();
            assertThat(t.isPurchase()).isFalse();
            assertThat(t.source()).isEqualTo(SourceRef.of("phone-system", "call-991"));
            assertThat(f.touchpoints().find(t.id())).contains(t);
            assertThat(timeline(sarah)).containsExactly(t);
        }

        @Test
        void that_is_a_purchase_keeps_its_amount_and_order_reference() {
            RecordResult result = f.touchpoints().record(touchpoint(sarah.id(), Channel.PURCHASE, f.daysAgo(1))
                    .purchase(Money.of("42.50", "EUR"), "1001").build());

            assertThat(result.touchpoint().purchase()).isEqualTo(new Purchase(Money.of("42.50", "EUR"), "1001"));
            assertThat(result.touchpoint().isPurchase()).isTrue();
        }

        @Test
        void with_a_blank_subject_and_body_stores_none() {
            Touchpoint t = f.touchpoints().record(touchpoint(sarah.id(), Channel.CHAT, f.daysAgo(1))
                    .subject("  ").body("").build()).touchpoint();

            assertThat(t.subject()).isNull();
            assertThat(t.body()).isNull();
        }

        @Test
        void that_is_a_purchase_without_amount_is_refused() {
            assertThat(violationPaths(() -> f.touchpoints().record(touchpoint(sarah.id(), Channel.PURCHASE,
                    f.daysAgo(1)).build()))).containsExactly("amount");
            assertThat(timeline(sarah)).isEmpty();
        }

        @Test
        void that_is_not_a_purchase_but_has_an_amount_or_order_reference_is_refused() {
            assertThat(violationPaths(() -> f.touchpoints().record(touchpoint(sarah.id(), Channel.EMAIL,
                    f.daysAgo(1)).purchase(Money.of("1.00", "EUR"), "1001").build())))
                    .containsExactly("amount", "orderReference");
            assertThat(violationPaths(() -> f.touchpoints().record(touchpoint(sarah.id(), Channel.EMAIL,
                    f.daysAgo(1)).purchase(null, "1001").build())))
                    .containsExactly("orderReference");
            assertThat(timeline(sarah)).isEmpty();
        }

        @Test
        void of_an_unknown_customer_is_not_found_and_stores_nothing() {
            var thrown = thrown(NotFoundException.class, () -> f.touchpoints().record(email(UNKNOWN, f.daysAgo(1))));

            assertThat(thrown.recordType()).isEqualTo("Customer");
            assertThat(thrown.recordId()).isEqualTo(UNKNOWN.toString());
            assertThat(f.events(TouchpointRecorded.class)).isEmpty();
        }
    }

    @Nested
    class Idempotency {

        @Test
        void the_same_source_delivered_twice_is_stored_once_and_returns_the_first() {
            RecordResult first = f.touchpoints().record(touchpoint(sarah.id(), Channel.EMAIL, f.daysAgo(2))
                    .subject("First delivery").source("mailer", "msg-1").build());
            f.clock.advance(Duration.ofMinutes(1));

            RecordResult second = f.touchpoints().record(touchpoint(sarah.id(), Channel.EMAIL, f.daysAgo(2))
                    .subject("Second delivery").source("mailer", "msg-1").build());

            assertThat(second.duplicate()).isTrue();
            assertThat(second.touchpoint()).isEqualTo(first.touchpoint());
            assertThat(timeline(sarah)).containsExactly(first.touchpoint());
            assertThat(f.touchpoints().activity(sarah.id()).totalCount()).isEqualTo(1);
        }

        @Test
        void the_same_external_id_of_another_source_system_is_another_touchpoint() {
            f.touchpoints().record(touchpoint(sarah.id(), Channel.EMAIL, f.daysAgo(2)).source("mailer", "1").build());
            RecordResult other = f.touchpoints().record(touchpoint(sarah.id(), Channel.SMS, f.daysAgo(2))
                    .source("sms-gateway", "1").build());

            assertThat(other.duplicate()).isFalse();
            assertThat(timeline(sarah)).hasSize(2);
        }

        @Test
        void touchpoints_without_source_are_never_duplicates() {
            f.touchpoints().record(email(sarah.id(), f.daysAgo(2)));
            RecordResult again = f.touchpoints().record(email(sarah.id(), f.daysAgo(2)));

            assertThat(again.duplicate()).isFalse();
            assertThat(timeline(sarah)).hasSize(2);
        }
    }

    @Nested
    class A_batch {

        @Test
        void gives_one_result_per_element_in_order_recognising_earlier_deliveries_and_repeats_within_it() {
            RecordResult earlier = f.touchpoints().record(fromShop(sarah, "1", f.daysAgo(9)));

            BatchResult batch = f.touchpoints().recordAll(List.of(
                    fromShop(sarah, "2", f.daysAgo(8)),
                    fromShop(sarah, "1", f.daysAgo(9)),
                    fromShop(tom, "3", f.daysAgo(7)),
                    fromShop(sarah, "2", f.daysAgo(8)),
                    email(tom.id(), f.daysAgo(6)),
                    fromShop(tom, "4", f.daysAgo(5))));

            List<RecordResult> results = batch.results();
            assertThat(results).extracting(RecordResult::duplicate)
                    .containsExactly(false, true, false, true, false, false);
            assertThat(results.get(1).touchpoint()).isEqualTo(earlier.touchpoint());
            assertThat(results.get(3).touchpoint()).isEqualTo(results.get(0).touchpoint());
            assertThat(results).extracting(r -> r.touchpoint().customerId())
                    .containsExactly(sarah.id(), sarah.id(), tom.id(), sarah.id(), tom.id(), tom.id());
            assertThat(batch.recordedCount()).isEqualTo(4);
            assertThat(batch.duplicateCount()).isEqualTo(2);
            assertThat(timeline(sarah)).hasSize(2);
            assertThat(timeline(tom)).hasSize(3);
            assertThat(f.events(TouchpointRecorded.class)).hasSize(1 + 4);
        }

        @Test
        void that_is_empty_records_nothing() {
            BatchResult batch = f.touchpoints().recordAll(List.of());

            assertThat(batch.results()).isEmpty();
            assertThat(batch.recordedCount()).isZero();
        }

        @Test
        void with_invalid_elements_is_refused_whole_naming_each_element_and_field_and_stores_nothing() {
            f.touchpoints().record(email(sarah.id(), f.daysAgo(30)));
            StorageSnapshot before = StorageSnapshot.ofDefault(f.storage);
            f.events.clear();
            List<NewTouchpoint> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(fromShop(i % 2 == 0 ? sarah : tom, "batch-" + i, f.daysAgo(20 - i)));
            }
            batch.set(3, touchpoint(sarah.id(), Channel.EMAIL, f.daysAgo(3)).purchase(Money.of("1.00", "EUR"), null)
                    .build());
            batch.set(17, touchpoint(tom.id(), Channel.PURCHASE, f.daysAgo(2)).build());

            var paths = violationPaths(() -> f.touchpoints().recordAll(batch));

            assertThat(paths).containsExactly("[17].amount", "[3].amount");
            assertThat(StorageSnapshot.ofDefault(f.storage)).isEqualTo(before);
            assertThat(f.events).isEmpty();
        }

        @Test
        void with_an_unknown_customer_is_refused_whole_and_stores_nothing() {
            StorageSnapshot before = StorageSnapshot.ofDefault(f.storage);

            var thrown = thrown(NotFoundException.class, () -> f.touchpoints().recordAll(List.of(
                    fromShop(sarah, "1", f.daysAgo(3)),
                    fromShop(tom, "2", f.daysAgo(2)),
                    email(UNKNOWN, f.daysAgo(1)))));

            assertThat(thrown.recordType()).isEqualTo("Customer");
            assertThat(thrown.recordId()).isEqualTo(UNKNOWN.toString());
            assertThat(StorageSnapshot.ofDefault(f.storage)).isEqualTo(before);
            assertThat(f.touchpoints().record(fromShop(sarah, "1", f.daysAgo(3))).duplicate())
                    .as("the source of the refused batch was not remembered").isFalse();
        }
    }
}
