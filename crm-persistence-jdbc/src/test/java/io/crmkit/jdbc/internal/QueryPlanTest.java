package io.crmkit.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerQuery;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealSnapshot;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.DealDatePosition;
import io.crmkit.spi.DuePosition;
import io.crmkit.spi.StageEntryPosition;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.task.Task;
import io.crmkit.task.TaskStatus;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
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
 * index in its order: no sort, no scan of the table. Likewise the deal lists (board, owner, customer, close date,
 * stalled), a deal's history, the task lists, and the ranges the period figures add up.
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
        analyze(db, List.of("crm_customer", "crm_customer_tag", "crm_touchpoint", "crm_customer_activity"));

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

    /**
     * 6,000 deals of a tenant (and 2,000 of a neighbour): four fifths in one pipeline, most of those in its first
     * stage, two thirds of them one owner's, a third one customer's; 300 history entries of one deal; 6,000 tasks,
     * two thirds one assignee's, a third about one deal.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void deal_and_task_queries_read_their_index_in_order_and_figures_a_range_of_theirs(DatabaseKind kind)
            throws SQLException {
        TestDatabase db = DATABASES.database(kind);
        JdbcCrmStorage storage = db.builder().build();
        TenantId tenant = Fixtures.newTenant();
        TenantId neighbour = Fixtures.newTenant();
        PipelineId pipeline = Fixtures.pipelineId();
        PipelineId other = Fixtures.pipelineId();
        List<StageId> stages = List.of(Fixtures.stageId(), Fixtures.stageId(), Fixtures.stageId(),
                Fixtures.stageId());
        UserId bigOwner = UserId.of("big-owner");
        CustomerId bigCustomer = Fixtures.customerId();
        List<Deal> mine = new ArrayList<>();
        for (TenantId t : List.of(tenant, neighbour)) {
            int count = t.equals(tenant) ? 6000 : 2000;
            for (int from = 0; from < count; from += 500) {
                int start = from;
                storage.inTransaction(t, tx -> {
                    for (int i = start; i < start + 500; i++) {
                        Deal deal = planDeal(t, i, i % 5 == 0 ? other : pipeline, stages, bigOwner, bigCustomer);
                        storage.deals().insert(t, deal);
                        if (t.equals(tenant)) {
                            mine.add(deal);
                        }
                    }
                    return null;
                });
            }
        }
        Deal tracked = mine.get(1);
        storage.inTransaction(tenant, tx -> {
            for (int v = 2; v <= 300; v++) {
                storage.deals().append(tenant, new DealHistoryEntry(tenant, tracked.id(), v,
                        DealChangeKind.AMOUNT_CHANGED, START, bigOwner, snapshotOf(tracked, v - 1),
                        snapshotOf(tracked, v), null, null));
            }
            return null;
        });
        DealId bigDeal = mine.get(2).id();
        storage.inTransaction(tenant, tx -> {
            for (int i = 0; i < 6000; i++) {
                Task t = Fixtures.task(tenant, i % 3 != 0 ? bigOwner : UserId.of("a" + i % 40),
                        START.plusSeconds(i * 7919L % 5_000_000L));
                storage.tasks().insert(tenant, new Task(t.id(), tenant, 1, t.subject(), null, t.dueAt(),
                        t.assignee(), t.priority(), i % 3 == 0 ? bigCustomer : null, null,
                        i % 3 == 1 ? bigDeal : null, i % 5 == 0 ? TaskStatus.DONE : TaskStatus.OPEN,
                        i % 5 == 0 ? START : null, i % 5 == 0 ? bigOwner : null, START, START));
            }
            return null;
        });
        analyze(db, List.of("crm_deal", "crm_deal_history", "crm_task"));

        JdbcDealStore deals = (JdbcDealStore) storage.deals();
        JdbcTaskStore tasks = (JdbcTaskStore) storage.tasks();
        StageId column = stages.get(0);
        Deal middle = deals.inStage(tenant, pipeline, column, null, 1000).items().get(999);
        Instant cutoff = START.plusSeconds(8_000_000);
        Deal stalled = deals.enteredStageBefore(tenant, pipeline, column, cutoff, null, 500).items().get(499);
        LocalDate from = LocalDate.of(2025, 3, 1);
        LocalDate to = LocalDate.of(2026, 6, 30);

        expectIndexInOrder(db, "crm_deal_stage_ix", deals.inStageQuery(tenant, pipeline, column, null, 50));
        expectIndexInOrder(db, "crm_deal_stage_ix", deals.inStageQuery(tenant, pipeline, column, middle.id(), 50));
        expectIndexInOrder(db, "crm_deal_owner_ix", deals.ofOwnerQuery(tenant, bigOwner, null, null, 50));
        expectIndexInOrder(db, "crm_deal_owner_ix", deals.ofOwnerQuery(tenant, bigOwner, null, middle.id(), 50));
        expectIndexInOrder(db, "crm_deal_owner_status_ix", deals.ofOwnerQuery(tenant, bigOwner, DealStatus.OPEN,
                middle.id(), 50));
        expectIndexInOrder(db, "crm_deal_close_date_ix", deals.byExpectedCloseDateQuery(tenant, from, to, null,
                new DealDatePosition(LocalDate.of(2025, 9, 1), middle.id()), 50));
        expectIndexInOrder(db, "crm_deal_status_close_date_ix", deals.byExpectedCloseDateQuery(tenant, null, to,
                DealStatus.OPEN, null, 50));
        expectIndexInOrder(db, "crm_deal_stage_entry_ix", deals.enteredStageBeforeQuery(tenant, pipeline, column,
                cutoff, null, 50));
        expectIndexInOrder(db, "crm_deal_stage_entry_ix", deals.enteredStageBeforeQuery(tenant, pipeline, column,
                cutoff, StageEntryPosition.of(stalled), 50));
        expectIndexInOrder(db, "crm_deal_history_pk", deals.historyQuery(tenant, tracked.id(), 200L, 20));
        expectIndexInOrder(db, "crm_task_status_assignee_ix", tasks.openQuery(tenant, bigOwner, null,
                START.plusSeconds(4_000_000), null, 50));
        expectIndexInOrder(db, "crm_task_status_due_ix", tasks.openQuery(tenant, null, START.plusSeconds(1000),
                null, new DuePosition(START.plusSeconds(2_000_000), Fixtures.taskId()), 50));
        expectIndexInOrder(db, "crm_task_deal_ix", tasks.relatedQuery(tenant, "deal", "task_deal_ix",
                bigDeal.value(), null, 50));
        expectIndexInOrder(db, "crm_task_customer_ix", tasks.relatedQuery(tenant, "customer", "task_customer_ix",
                bigCustomer.value(), new DuePosition(START.plusSeconds(100_000), Fixtures.taskId()), 50));

        expectIndexRange(db, "crm_deal_open_totals_ix", deals.openTotalsQuery(tenant, pipeline, from, to));
        expectIndexRange(db, "crm_deal_closed_totals_ix", deals.closedTotalsQuery(tenant, pipeline, DealStatus.WON,
                START.plusSeconds(1_000_000), START.plusSeconds(3_000_000)));
    }

    /** Deal {@code i} of the plan test's data set. */
    private static Deal planDeal(TenantId tenant, int i, PipelineId pipeline, List<StageId> stages, UserId bigOwner,
                                 CustomerId bigCustomer) {
        int r = i % 10;
        int stage = r < 6 ? 0 : r < 8 ? 1 : r == 8 ? 2 : 3;
        DealStatus status = stage == 2 ? DealStatus.WON : stage == 3 ? DealStatus.LOST : DealStatus.OPEN;
        Instant entered = START.plusSeconds(i * 7919L % 10_000_000L);
        return new Deal(Fixtures.dealId(), tenant, 1, "D" + i, i % 3 == 0 ? bigCustomer : Fixtures.customerId(),
                i % 3 != 0 ? bigOwner : UserId.of("owner-" + i % 50),
                Money.of(BigDecimal.valueOf(i * 37L % 100_000, 2), Currency.getInstance(i % 4 == 0 ? "USD" : "EUR")),
                LocalDate.of(2025, 1, 1).plusDays(i * 7L % 730), pipeline, stages.get(stage), status,
                status == DealStatus.OPEN ? 10 + i % 80 : status == DealStatus.WON ? 100 : 0, false, entered, null,
                null, status.isClosed() ? entered : null, status == DealStatus.LOST ? "Price" : null, null, START,
                entered);
    }

    private static DealSnapshot snapshotOf(Deal deal, int version) {
        return new DealSnapshot(deal.stageId(), deal.status(), Money.of(version + ".00", "EUR"), deal.probability(),
                false, deal.expectedCloseDate(), deal.owner());
    }

    /** EXPLAINs an aggregate and checks that it reads a range of {@code index} (sorting its groups is allowed). */
    private static void expectIndexRange(TestDatabase db, String index, Query query) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = query.prepare(c, "EXPLAIN ")) {
            readPlan(ps, plan);
        }
        String text = query.sql() + "\n" + String.join("\n", plan);
        String lower = text.toLowerCase(Locale.ROOT);
        switch (db.kind()) {
            case POSTGRESQL:
                assertThat(lower).as(text).contains("index").contains(index).doesNotContain("seq scan");
                break;
            case MARIADB:
                assertThat(plan.get(0).toLowerCase(Locale.ROOT)).as(text).contains("key=" + index + " ")
                        .contains("type=range");
                break;
            default:
                assertThat(lower).as(text).contains("/* public." + index + ":");
        }
    }

    private static void expectIndexInOrder(TestDatabase db, String index, Query query) throws SQLException {
        List<String> plan = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = query.prepare(c, "EXPLAIN ")) {
            readPlan(ps, plan);
        }
        checkPlan(db, index, query.sql(), plan);
    }

    private static void analyze(TestDatabase db, List<String> tables) {
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
                assertThat(plan.get(0).toLowerCase(Locale.ROOT)).as(text)
                        .contains("key=" + (index.endsWith("_pk") ? "primary" : index) + " ");
                assertThat(lower).as(text).doesNotContain("filesort").doesNotContain("type=all ");
                break;
            default:
                // H2 names primary key indexes itself (PRIMARY_KEY_8)
                String h2Index = index.endsWith("_pk") ? "primary_key_" : index + ":";
                assertThat(lower).as(text).contains("/* public." + h2Index).contains("/* index sorted */");
        }
    }
}
