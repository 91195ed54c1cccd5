package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerKind;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.OrganisationProfile;
import io.crmkit.customer.PersonProfile;
import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import io.crmkit.spi.CrmStorage;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same random data stored in the in-memory reference adapter and in a database: every query, page by page, gives
 * the same answer. Ids are random UUIDs (half of them with the top bit set, where signed and unsigned order differ)
 * and instants collide often, so that the tie-breaks of every order are exercised.
 */
class DifferentialTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final Instant[] INSTANTS = {Instant.parse("2023-01-01T00:00:00Z"),
        Instant.parse("2023-06-01T12:00:00.000001Z"), Instant.parse("2024-01-01T00:00:00Z"),
        Instant.parse("2024-01-01T00:00:00.000002Z"), Instant.parse("2025-03-04T05:06:07.890123Z")};

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void every_query_answers_as_the_reference_adapter_does(DatabaseKind kind) {
        CrmStorage db = DATABASES.storage(kind);
        CrmStorage ref = new InMemoryCrmStorage();
        TenantId tenant = Fixtures.newTenant();
        Random random = new Random(kind.ordinal() * 7919L + 17);

        List<CustomerId> customers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            CustomerId id = new CustomerId(new UUID(random.nextLong(), random.nextLong()));
            customers.add(id);
            boolean person = random.nextBoolean();
            Customer c = new Customer(id, tenant, 1, person ? CustomerKind.PERSON : CustomerKind.ORGANISATION,
                    person ? new PersonProfile("P" + i, null, null) : null,
                    person ? null : new OrganisationProfile("O" + i, null, null, null), null, null, null,
                    random.nextBoolean() ? Set.of("a") : Set.of("a", "b"), null, null, null, null, null,
                    LifecycleStage.values()[random.nextInt(3)], INSTANTS[0], INSTANTS[0],
                    random.nextInt(4) == 0 ? INSTANTS[1] : null);
            both(db, ref, tenant, c);
        }
        for (int i = 0; i < 40; i++) {
            CustomerId from = customers.get(random.nextInt(8));
            CustomerId to = customers.get(random.nextInt(customers.size()));
            if (!from.equals(to)) {
                Relationship r = new Relationship(new RelationshipId(new UUID(random.nextLong(), random.nextLong())),
                        tenant, from, RelationshipType.REFERRED_BY, to, INSTANTS[2]);
                db.relationships().insert(tenant, r);
                ref.relationships().insert(tenant, r);
            }
        }
        for (int batch = 0; batch < 6; batch++) {
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Channel channel = Channel.values()[random.nextInt(4) == 0 ? 9 : random.nextInt(4)];
                String source = random.nextInt(3) == 0 ? null : "s" + random.nextInt(250);
                touchpoints.add(Fixtures.touchpoint(tenant, customers.get(random.nextInt(6)), channel,
                        INSTANTS[random.nextInt(INSTANTS.length)], source,
                        new TouchpointId(new UUID(random.nextLong(), random.nextLong()))));
            }
            assertThat(db.touchpoints().insertAll(tenant, touchpoints))
                    .isEqualTo(ref.touchpoints().insertAll(tenant, touchpoints));
        }

        for (int size : new int[] {1, 3, 50}) {
            for (CustomerQuery query : List.of(CustomerQuery.ALL, CustomerQuery.ACTIVE, CustomerQuery.tagged("b"),
                    CustomerQuery.inStage(LifecycleStage.LEAD), new CustomerQuery(CustomerKind.ORGANISATION,
                            LifecycleStage.SUBSCRIBER, "a", true))) {
                assertThat(allCustomers(db, tenant, query, size)).as(query + " by " + size)
                        .isEqualTo(allCustomers(ref, tenant, query, size));
            }
        }
        for (CustomerId customer : customers.subList(0, 8)) {
            for (int size : new int[] {1, 4, 100}) {
                assertThat(allRelationships(db, tenant, customer, size))
                        .isEqualTo(allRelationships(ref, tenant, customer, size));
            }
            assertThat(db.touchpoints().activity(tenant, customer)).isEqualTo(ref.touchpoints().activity(tenant,
                    customer));
            for (TimelineQuery query : List.of(TimelineQuery.ALL, TimelineQuery.of(Channel.PURCHASE),
                    TimelineQuery.of(Channel.EMAIL, Channel.CHAT).direction(Direction.INBOUND),
                    TimelineQuery.ALL.between(INSTANTS[1], INSTANTS[3]), TimelineQuery.ALL.between(null, INSTANTS[2]),
                    TimelineQuery.ALL.between(INSTANTS[1].plusNanos(1), INSTANTS[3].plusNanos(999)),
                    TimelineQuery.ALL.between(INSTANTS[1].minusNanos(1), INSTANTS[3].minusNanos(1)),
                    new TimelineQuery(EnumSet.of(Channel.CALL, Channel.PURCHASE), Direction.OUTBOUND, INSTANTS[0],
                            null))) {
                for (int size : new int[] {1, 7, 500}) {
                    assertThat(timeline(db, tenant, customer, query, size)).as(query + " by " + size)
                            .isEqualTo(timeline(ref, tenant, customer, query, size));
                }
            }
        }
        List<Instant> edges = new ArrayList<>(List.of(Instant.MIN, Instant.MAX, Instant.MAX.minusSeconds(1),
                Instant.EPOCH.minusSeconds(1L << 40), Instant.parse("9999-12-31T23:59:59.9999995Z")));
        for (Instant instant : INSTANTS) {
            edges.addAll(List.of(instant, instant.plusNanos(1), instant.minusNanos(1)));
        }
        for (Instant edge : edges) {
            if (edge.equals(Instant.MAX)) {
                continue; // TimelineQuery rounds its bounds up to a microsecond, which Instant.MAX has no room for
            }
            TimelineQuery from = TimelineQuery.ALL.between(edge, null);
            TimelineQuery until = TimelineQuery.ALL.between(null, edge);
            for (CustomerId customer : customers.subList(0, 3)) {
                assertThat(timeline(db, tenant, customer, from, 5)).isEqualTo(timeline(ref, tenant, customer, from, 5));
                assertThat(timeline(db, tenant, customer, until, 5))
                        .isEqualTo(timeline(ref, tenant, customer, until, 5));
            }
        }
        for (Instant cutoff : edges) {
            {
                for (int size : new int[] {1, 2, 100}) {
                    assertThat(lapsed(db, tenant, cutoff, size)).isEqualTo(lapsed(ref, tenant, cutoff, size));
                }
                // positions between two microseconds, as a caller of the SPI may pass them
                CustomerId someone = customers.get(0);
                TimelinePosition position = new TimelinePosition(cutoff, new TouchpointId(new UUID(0, 0)));
                assertThat(db.touchpoints().timeline(tenant, someone, TimelineQuery.ALL, position, 500))
                        .isEqualTo(ref.touchpoints().timeline(tenant, someone, TimelineQuery.ALL, position, 500));
                LapsedPosition lapsedPosition = new LapsedPosition(cutoff, someone);
                assertThat(db.touchpoints().lapsedBuyers(tenant, INSTANTS[4].plusSeconds(1), lapsedPosition, 500))
                        .isEqualTo(ref.touchpoints().lapsedBuyers(tenant, INSTANTS[4].plusSeconds(1),
                                lapsedPosition, 500));
            }
        }
    }

    private static void both(CrmStorage db, CrmStorage ref, TenantId tenant, Customer customer) {
        db.customers().insert(tenant, customer);
        ref.customers().insert(tenant, customer);
    }

    private static List<Customer> allCustomers(CrmStorage s, TenantId tenant, CustomerQuery query, int size) {
        List<Customer> all = new ArrayList<>();
        CustomerId after = null;
        while (true) {
            Slice<Customer> slice = s.customers().list(tenant, query, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = slice.items().get(slice.items().size() - 1).id();
        }
    }

    private static List<Relationship> allRelationships(CrmStorage s, TenantId tenant, CustomerId customer, int size) {
        List<Relationship> all = new ArrayList<>();
        RelationshipId after = null;
        while (true) {
            Slice<Relationship> slice = s.relationships().involving(tenant, customer, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = slice.items().get(slice.items().size() - 1).id();
        }
    }

    private static List<Touchpoint> timeline(CrmStorage s, TenantId tenant, CustomerId customer, TimelineQuery query,
                                             int size) {
        List<Touchpoint> all = new ArrayList<>();
        TimelinePosition after = null;
        while (true) {
            Slice<Touchpoint> slice = s.touchpoints().timeline(tenant, customer, query, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            after = TimelinePosition.of(slice.items().get(slice.items().size() - 1));
        }
    }

    private static List<CustomerActivity> lapsed(CrmStorage s, TenantId tenant, Instant cutoff, int size) {
        List<CustomerActivity> all = new ArrayList<>();
        LapsedPosition after = null;
        while (true) {
            Slice<CustomerActivity> slice = s.touchpoints().lapsedBuyers(tenant, cutoff, after, size);
            all.addAll(slice.items());
            if (!slice.hasMore()) {
                return all;
            }
            CustomerActivity last = slice.items().get(slice.items().size() - 1);
            after = new LapsedPosition(last.lastPurchaseAt(), last.customerId());
        }
    }
}
