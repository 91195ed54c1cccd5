package io.crmkit.testkit;

import static io.crmkit.testkit.Fixtures.T0;
import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static io.crmkit.testkit.KitAssertions.assertSameRecord;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import io.crmkit.shared.TouchpointId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of the lead side of {@link TouchpointStore}: a touchpoint whose party is a lead
 * ({@link Touchpoint#leadId()}, no customer) round-trips unchanged, is in the lead's timeline (newest first, filtered
 * and paged exactly like a customer's) and in no customer's timeline or activity; its source is idempotent like any
 * other; {@link TouchpointStore#moveLeadTouchpoints} moves all of a lead's touchpoints to a customer in the caller's
 * unit of work (ids, sources and values kept; the customer's timeline, activity and lapsed-buyer index include them),
 * or none of them if it rolls back; nothing crosses tenants.
 *
 * <p>To run it against an adapter:
 *
 * <pre>{@code
 * class JdbcLeadTouchpointsContractTest extends LeadTouchpointsContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("TouchpointStore contract: lead touchpoints")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class LeadTouchpointsContract extends AbstractStorageContract {

    /** For subclasses. */
    protected LeadTouchpointsContract() {
    }

    private TouchpointStore touchpoints() {
        return storage.touchpoints();
    }

    /** A lead, stored: the kit stores every lead and customer a touchpoint refers to before writing it. */
    private LeadId storedLead() {
        LeadId lead = LeadFixtures.leadId();
        storage.leads().insert(tenant, LeadFixtures.minimalLead(tenant, lead, "lead-" + lead + "@example.com"));
        return lead;
    }

    private CustomerId storedCustomer() {
        CustomerId customer = Fixtures.customerId();
        storage.customers().insert(tenant, Fixtures.minimalPerson(tenant, customer, "Miller"));
        return customer;
    }

    private List<Touchpoint> leadTimeline(LeadId lead, TimelineQuery query) {
        return SpiPaging.leadTimeline(storage, tenant, lead, query, 2);
    }

    private Touchpoint purchase(LeadId lead) {
        return new Touchpoint(new TouchpointId(Fixtures.uuid(0x0190_0000_0000_7000L)), tenant, null, lead,
                Channel.PURCHASE, Direction.INBOUND, T0.minus(Duration.ofDays(100)), T0, null, null, null, null,
                Map.of(), new Purchase(Money.of("12.345", "BHD"), "A-1"), new SourceRef("shop", "A-1"));
    }

    @Nested
    @DisplayName("a lead's touchpoints")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class LeadTimeline {

        @Test
        void round_trip_with_the_lead_as_party_and_no_customer() {
            LeadId lead = storedLead();
            Touchpoint mail = LeadFixtures.leadTouchpoint(tenant, lead, Channel.EMAIL, T0.minusSeconds(5),
                    new SourceRef("mailer", "m-1"));
            Touchpoint bought = purchase(lead);

            touchpoints().insertAll(tenant, List.of(mail, bought));

            assertReadsBack(touchpoints().find(tenant, mail.id()), mail);
            assertReadsBack(touchpoints().find(tenant, bought.id()), bought);
            assertThat(touchpoints().find(tenant, mail.id()).orElseThrow().customerId()).isNull();
        }

        @Test
        void are_read_newest_first_filtered_and_paged_like_a_customers_timeline() {
            LeadId lead = storedLead();
            List<Touchpoint> written = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                written.add(LeadFixtures.leadTouchpoint(tenant, lead, i % 2 == 0 ? Channel.EMAIL : Channel.CALL,
                        T0.minusSeconds(60L * (5 - i))));
            }
            touchpoints().insertAll(tenant, written);
            touchpoints().insertAll(tenant, List.of(LeadFixtures.leadTouchpoint(tenant, storedLead(),
                    Channel.EMAIL, T0)));

            List<Touchpoint> all = leadTimeline(lead, TimelineQuery.ALL);
            assertThat(all).extracting(Touchpoint::id)
                    .containsExactly(written.get(4).id(), written.get(3).id(), written.get(2).id(),
                            written.get(1).id(), written.get(0).id());
            assertThat(leadTimeline(lead, TimelineQuery.of(Channel.CALL))).extracting(Touchpoint::id)
                    .containsExactly(written.get(3).id(), written.get(1).id());
            assertThat(leadTimeline(lead, TimelineQuery.ALL.between(T0.minusSeconds(240), T0.minusSeconds(60))))
                    .extracting(Touchpoint::id).containsExactly(written.get(3).id(), written.get(2).id(),
                            written.get(1).id());
        }

        @Test
        void count_in_no_customers_timeline_or_activity() {
            CustomerId customer = storedCustomer();
            LeadId lead = storedLead();
            touchpoints().insertAll(tenant, List.of(purchase(lead)));

            assertThat(touchpoints().timeline(tenant, customer, TimelineQuery.ALL, null, 10).items()).isEmpty();
            assertThat(touchpoints().activity(tenant, customer)).isEqualTo(CustomerActivity.none(customer));
            assertThat(touchpoints().lapsedBuyers(tenant, T0, null, 10).items()).isEmpty();
        }

        @Test
        void a_source_already_stored_for_a_lead_is_not_stored_again() {
            LeadId lead = storedLead();
            SourceRef source = new SourceRef("mailer", "once");
            Touchpoint first = LeadFixtures.leadTouchpoint(tenant, lead, Channel.EMAIL, T0, source);

            touchpoints().insertAll(tenant, List.of(first));
            List<IngestOutcome> again = touchpoints().insertAll(tenant, List.of(
                    LeadFixtures.leadTouchpoint(tenant, lead, Channel.EMAIL, T0, source)));

            assertThat(again).singleElement().satisfies(o -> {
                assertThat(o.duplicate()).isTrue();
                assertSameRecord(o.stored(), first);
            });
            assertThat(leadTimeline(lead, TimelineQuery.ALL)).hasSize(1);
        }

        @Test
        void are_invisible_to_another_tenant() {
            LeadId lead = storedLead();
            Touchpoint mail = LeadFixtures.leadTouchpoint(tenant, lead, Channel.EMAIL, T0);
            touchpoints().insertAll(tenant, List.of(mail));

            assertThat(touchpoints().leadTimeline(otherTenant, lead, TimelineQuery.ALL, null, 10).items()).isEmpty();
            assertThat(touchpoints().find(otherTenant, mail.id())).isEmpty();
            assertThat(touchpoints().moveLeadTouchpoints(otherTenant, lead, Fixtures.customerId())).isZero();
            assertThat(leadTimeline(lead, TimelineQuery.ALL)).hasSize(1);
        }
    }

    @Nested
    @DisplayName("moving a lead's touchpoints to a customer")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Move {

        @Test
        void moves_every_one_keeping_ids_sources_and_values_and_the_customer_sees_them() {
            LeadId lead = storedLead();
            CustomerId customer = storedCustomer();
            Touchpoint own = Fixtures.email(tenant, customer, T0.minusSeconds(30));
            Touchpoint mail = LeadFixtures.leadTouchpoint(tenant, lead, Channel.EMAIL, T0.minusSeconds(10),
                    new SourceRef("mailer", "m-1"));
            Touchpoint bought = purchase(lead);
            touchpoints().insertAll(tenant, List.of(own, mail, bought));

            long moved = storage.inTransaction(tenant, tx -> touchpoints().moveLeadTouchpoints(tenant, lead, customer));

            assertThat(moved).isEqualTo(2);
            assertReadsBack(touchpoints().find(tenant, mail.id()), mail.movedTo(customer));
            assertReadsBack(touchpoints().find(tenant, bought.id()), bought.movedTo(customer));
            assertThat(touchpoints().timeline(tenant, customer, TimelineQuery.ALL, null, 10).items())
                    .extracting(Touchpoint::id).containsExactly(mail.id(), own.id(), bought.id());
            CustomerActivity activity = touchpoints().activity(tenant, customer);
            assertThat(activity.totalCount()).isEqualTo(3);
            assertThat(activity.count(Channel.EMAIL)).isEqualTo(2);
            assertThat(activity.lastTouchpointId()).isEqualTo(mail.id());
            assertThat(activity.lastPurchaseAt()).isEqualTo(bought.occurredAt());
            assertThat(touchpoints().lapsedBuyers(tenant, T0, null, 10).items()).extracting(CustomerActivity::customerId)
                    .containsExactly(customer);
            assertThat(leadTimeline(lead, TimelineQuery.ALL)).isEmpty();
            assertThat(touchpoints().insertAll(tenant, List.of(LeadFixtures.leadTouchpoint(tenant, lead,
                    Channel.EMAIL, T0, new SourceRef("mailer", "m-1"))))).singleElement()
                    .satisfies(o -> assertThat(o.duplicate()).as("the moved source is still known").isTrue());
        }

        @Test
        void a_lead_without_touchpoints_moves_none() {
            assertThat(touchpoints().moveLeadTouchpoints(tenant, storedLead(), storedCustomer())).isZero();
        }

        @Test
        void a_move_that_rolls_back_leaves_every_touchpoint_with_the_lead() {
            LeadId lead = storedLead();
            CustomerId customer = storedCustomer();
            Touchpoint mail = LeadFixtures.leadTouchpoint(tenant, lead, Channel.EMAIL, T0.minusSeconds(10));
            Touchpoint bought = purchase(lead);
            touchpoints().insertAll(tenant, List.of(mail, bought));

            org.assertj.core.api.Assertions.assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
                touchpoints().moveLeadTouchpoints(tenant, lead, customer);
                throw new IllegalStateException("roll back");
            })).isInstanceOf(IllegalStateException.class);

            assertReadsBack(touchpoints().find(tenant, mail.id()), mail);
            assertReadsBack(touchpoints().find(tenant, bought.id()), bought);
            assertThat(leadTimeline(lead, TimelineQuery.ALL)).hasSize(2);
            assertThat(touchpoints().timeline(tenant, customer, TimelineQuery.ALL, null, 10).items()).isEmpty();
            assertThat(touchpoints().activity(tenant, customer)).isEqualTo(CustomerActivity.none(customer));
            assertThat(touchpoints().lapsedBuyers(tenant, T0, null, 10).items()).isEmpty();
        }
    }
}
