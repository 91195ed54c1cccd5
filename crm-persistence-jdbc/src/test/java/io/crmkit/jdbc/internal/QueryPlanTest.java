package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Query plans are part of the contract (DESIGN.md §5): on a realistically shaped table with fresh statistics — one
 * customer holding two thirds of 30,000 touchpoints, so that a plan that reads all of a customer's rows and sorts
 * them is a real alternative — the timeline, the customer lists and the lapsed-buyers list read a range of their
 * index in its order: no sort, no scan of the table.
 */
class QueryPlanTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final Instant START = Instant.parse("2020-01-01T00:00:00Z");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void timeline_and_list_queries_read_their_index_in_order(DatabaseKind kind) throws SQLException {
        TestDatabase db = DATABASES.database(kind);
        JdbcCrmStorage storage = db.builder().batchSize(1000).build();
        TenantId tenant = Fixtures.newTenant();
        TenantId neighbour = Fixtures.newTenant();
        CustomerId big = Fixtures.customerId();
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Customer c = Fixtures.person(i % 2 == 0 ? tenant : neighbour, "C" + i);
            if (i % 10 == 0) {
                c = c.toBuilder().tags(Set.of("rare")).build();
            }
            customers.add(c);
        }
        for (TenantId t : List.of(tenant, neighbour)) {
            storage.inTransaction(t, tx -> {
                customers.stream().filter(c -> c.tenantId().equals(t)).forEach(c -> storage.customers().insert(t, c));
                return null;
            });
        }
        List<Touchpoint> batch = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            boolean mine = i % 3 != 0;
            CustomerId customer = mine ? big : customers.get(i % 1000 * 2).id();
            Channel channel = Channel.values()[i % 4 == 0 ? 9 : i % 4];
            batch.add(Fixtures.touchpoint(tenant, customer, channel, START.plusSeconds(i * 37L % 86_400_000L),
                    "e" + i));
            if (batch.size() == 1000) {
                storage.touchpoints().insertAll(tenant, batch);
                batch.clear();
            }
        }
        analyze(db);

        Dialect dialect;
        try (Connection c = db.dataSource().getConnection()) {
            dialect = Dialect.detect(c);
        }
        JdbcTouchpointStore touchpoints = (JdbcTouchpointStore) storage.touchpoints();
        JdbcCustomerStore customerStore = (JdbcCustomerStore) storage.customers();
        Touchpoint middle = storage.touchpoints().timeline(tenant, big, TimelineQuery.ALL, null, 10_000).items()
                .get(9_999);

        String timeline = "crm_touchpoint_timeline_ix";
        expectIndexInOrder(db, timeline, touchpoints.timelineQuery(tenant, big, TimelineQuery.ALL, null, 50));
        expectIndexInOrder(db, timeline, touchpoints.timelineQuery(tenant, big, TimelineQuery.ALL,
                TimelinePosition.of(middle), 50));
        expectIndexInOrder(db, timeline, touchpoints.timelineQuery(tenant, big,
                TimelineQuery.of(Channel.CALL, Channel.CHAT), null, 50));

        CustomerId someone = customers.get(500).id();
        expectIndexInOrder(db, dialect, "crm_customer_pk", customerStore.listSql(CustomerQuery.ACTIVE, someone),
                List.of(tenant.value(), someone.value(), 51));
        expectIndexInOrder(db, dialect, "crm_customer_tag_ix", customerStore.listSql(CustomerQuery.tagged("rare"),
                null), List.of(tenant.value(), "rare", 51));
        expectIndexInOrder(db, "crm_customer_activity_lapsed_ix", touchpoints.lapsedQuery(tenant,
                START.plusSeconds(86_400_000L), null, 50));
    }

    private static void expectIndexInOrder(TestDatabase db, String index, Query query) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = query.prepare(c, "EXPLAIN ")) {
            readPlan(ps, plan);
        }
        checkPlan(db, index, query.sql(), plan);
    }

    private static void analyze(TestDatabase db) {
        List<String> tables = List.of("crm_customer", "crm_customer_tag", "crm_touchpoint", "crm_customer_activity");
        switch (db.kind()) {
            case POSTGRESQL:
                tables.forEach(t -> db.execute("ANALYZE " + t));
                break;
            case MARIADB:
                tables.forEach(t -> db.query("ANALYZE TABLE " + t));
                break;
            default:
                db.execute("ANALYZE");
        }
    }

    /** EXPLAINs {@code sql} with {@code parameters} and checks that it reads {@code index} in order. */
    private static void expectIndexInOrder(TestDatabase db, Dialect dialect, String index, String sql,
                                           List<Object> parameters) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            int i = 1;
            for (Object p : parameters) {
                if (p instanceof java.util.UUID) {
                    dialect.setUuid(ps, i++, (java.util.UUID) p);
                } else if (p instanceof Instant) {
                    dialect.setInstant(ps, i++, (Instant) p);
                } else {
                    ps.setObject(i++, p);
                }
            }
            readPlan(ps, plan);
        }
        checkPlan(db, index, sql, plan);
    }

    private static void readPlan(PreparedStatement ps, List<String> plan) throws SQLException {
        try (ResultSet rs = ps.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder line = new StringBuilder();
                for (int k = 1; k <= columns; k++) {
                    String label = rs.getMetaData().getColumnLabel(k);
                    line.append(columns == 1 ? "" : label + "=").append(rs.getString(k)).append(' ');
                }
                plan.add(line.toString());
            }
        }
    }

    private static void checkPlan(TestDatabase db, String index, String sql, List<String> plan) {
        String text = sql + "\n" + String.join("\n", plan);
        String lower = text.toLowerCase(Locale.ROOT);
        switch (db.kind()) {
            case POSTGRESQL:
                assertThat(lower).as(text).contains("index scan").contains(index)
                        .doesNotContain("seq scan").doesNotContainPattern("(?m)^\\s*(->\\s*)?(incremental )?sort");
                break;
            case MARIADB:
                // the first table of the plan is read through the index, without a filesort
                assertThat(plan.get(0).toLowerCase(Locale.ROOT)).as(text).contains("key=" + (index.endsWith("_pk") ? "primary" : index) + " ");
                assertThat(lower).as(text).doesNotContain("filesort").doesNotContain("type=all ");
                break;
            default:
                // H2 names primary key indexes itself (PRIMARY_KEY_8)
                String h2Index = index.endsWith("_pk") ? "primary_key_" : index + ":";
                assertThat(lower).as(text).contains("/* public." + h2Index).contains("/* index sorted */");
        }
    }
}
