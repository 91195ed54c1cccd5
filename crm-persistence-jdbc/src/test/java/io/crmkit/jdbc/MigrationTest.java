package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.LeadFixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The schema: created by versioned migrations, idempotent, refusing newer versions, tenant-first keys. */
class MigrationTest {

    @RegisterExtension
    static final Databases DATABASES = new Databases();

    private static final List<String> TABLES = List.of("customer", "customer_email", "customer_phone",
            "customer_tag", "relationship", "touchpoint", "customer_activity", "pipeline", "pipeline_stage",
            "pipeline_settings", "deal", "deal_history", "deal_stage_total", "task", "lead", "lead_status_history",
            "lead_source", "lead_sequence", "lead_settings");
    /** The secondary indexes of version 2, each a range that one query of the deal or task store reads. */
    private static final List<String> V2_INDEXES = List.of("deal_stage_ix", "deal_stage_entry_ix", "deal_owner_ix",
            "deal_owner_status_ix", "deal_customer_ix", "deal_close_date_ix", "deal_status_close_date_ix",
            "deal_open_totals_ix", "deal_closed_totals_ix", "task_status_assignee_ix", "task_status_due_ix",
            "task_customer_ix", "task_lead_ix", "task_deal_ix");
    /**
     * The secondary indexes of version 3, each a range that one query of the lead, touchpoint or customer store
     * reads.
     */
    private static final List<String> V3_INDEXES = List.of("lead_status_ix", "lead_owner_ix", "lead_owner_status_ix",
            "lead_email_ix", "lead_phone_ix", "touchpoint_lead_timeline_ix", "customer_organisation_domain_ix",
            "customer_organisation_name_ix");

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void an_empty_database_is_migrated_once_and_a_second_start_changes_nothing(DatabaseKind kind)
            throws SQLException {
        TestDatabase db = DATABASES.fresh(kind);
        db.builder().build();
        Set<String> tables = tables(db);
        assertThat(tables).containsAll(TABLES.stream().map(t -> "crm_" + t).toList()).contains("crm_schema_history")
                .doesNotContain("flyway_schema_history");
        List<List<Object>> history = history(db);
        assertThat(history.stream().filter(row -> row.get(0) != null).map(row -> row.get(0).toString()))
                .containsExactly("1", "2", "3", "4");

        JdbcCrmStorage again = db.builder().build();
        assertThat(history(db)).isEqualTo(history);
        assertThat(tables(db)).isEqualTo(tables);
        TenantId tenant = Fixtures.newTenant();
        Customer customer = Fixtures.fullPerson(tenant);
        again.customers().insert(tenant, customer);
        assertThat(again.customers().find(tenant, customer.id())).contains(customer);
    }

    /**
     * A schema that an earlier crmkit migrated to version 1, with a customer in it, is upgraded to version 2 at start;
     * the customer is still there and deals can be stored beside it.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_version_1_schema_holding_data_is_upgraded_to_version_2_at_start(DatabaseKind kind) {
        TestDatabase db = DATABASES.fresh(kind);
        Flyway.configure(getClass().getClassLoader()).dataSource(db.dataSource())
                .locations("classpath:io/crmkit/jdbc/migration/" + (kind == DatabaseKind.MARIADB ? "mysql"
                        : kind.name().toLowerCase(Locale.ROOT)))
                .table("crm_schema_history")
                .placeholders(Map.of("prefix", "crm_", "collation", "utf8mb4_nopad_bin"))
                .target("1").load().migrate();
        assertThat(versions(db)).containsExactly("1");
        TenantId tenant = Fixtures.newTenant();
        UUID id = Fixtures.nextId();
        String idSql = kind == DatabaseKind.MARIADB ? "UNHEX('" + id.toString().replace("-", "") + "')"
                : "'" + id + "'";
        String at = kind == DatabaseKind.MARIADB ? "'2024-05-01 10:15:30.123456'" : "'2024-05-01 10:15:30.123456+00'";
        db.execute("INSERT INTO crm_customer (tenant_id, id, version, kind, given_name, emails, phones, addresses, "
                + "tags, attributes, preferences, important_dates, do_not_contact, lifecycle_stage, created_at, "
                + "updated_at) VALUES ('" + tenant.value() + "', " + idSql + ", 1, 'PERSON', 'Ada', '[]', '[]', '[]', "
                + "'[]', '{}', '{}', '[]', FALSE, 'LEAD', " + at + ", " + at + ")");

        JdbcCrmStorage storage = db.builder().build();

        assertThat(versions(db)).containsExactly("1", "2", "3", "4");
        Customer ada = storage.customers().find(tenant, new CustomerId(id)).orElseThrow();
        assertThat(ada.person().givenName()).isEqualTo("Ada");
        assertThat(ada.createdAt()).isEqualTo(Instant.parse("2024-05-01T10:15:30.123456Z"));
        Deal deal = new Deal(new DealId(Fixtures.nextId()), tenant, 1, "First deal", ada.id(), UserId.of("owner"),
                Money.of("10.00", "EUR"), LocalDate.of(2026, 1, 31), new PipelineId(Fixtures.nextId()),
                new StageId(Fixtures.nextId()), DealStatus.OPEN, 10, false, ada.createdAt(), null, null, null, null,
                null, ada.createdAt(), ada.createdAt());
        storage.deals().insert(tenant, deal);
        assertThat(storage.deals().ofCustomer(tenant, ada.id(), null, 10).items()).containsExactly(deal);
    }

    /**
     * A schema that an earlier crmkit migrated to version 1, holding an organisation and a customer's touchpoint and
     * activity, is upgraded to version 3 (through 2) at start: the rows are still there, the organisation is found by its name,
     * and the customer's history and activity take a moved lead touchpoint.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_version_1_schema_holding_an_organisation_and_activity_is_upgraded_to_version_3_at_start(DatabaseKind kind) {
        TestDatabase db = DATABASES.fresh(kind);
        Flyway.configure(getClass().getClassLoader()).dataSource(db.dataSource())
                .locations("classpath:io/crmkit/jdbc/migration/" + (kind == DatabaseKind.MARIADB ? "mysql"
                        : kind.name().toLowerCase(Locale.ROOT)))
                .table("crm_schema_history")
                .placeholders(Map.of("prefix", "crm_", "collation", "utf8mb4_nopad_bin"))
                .target("1").load().migrate();
        TenantId tenant = Fixtures.newTenant();
        UUID organisation = Fixtures.nextId();
        UUID person = Fixtures.nextId();
        UUID touchpoint = Fixtures.nextId();
        String at = kind == DatabaseKind.MARIADB ? "'2024-05-01 10:15:30.123456'" : "'2024-05-01 10:15:30.123456+00'";
        String customer = "INSERT INTO crm_customer (tenant_id, id, version, kind, given_name, organisation_name, "
                + "organisation_domain, emails, phones, addresses, tags, attributes, preferences, important_dates, "
                + "do_not_contact, lifecycle_stage, created_at, updated_at) VALUES ('" + tenant.value() + "', ";
        db.execute(customer + uuidSql(kind, organisation) + ", 1, 'ORGANISATION', NULL, 'Café Luna', "
                        + "'cafe-luna.example', '[]', '[]', '[]', '[]', '{}', '{}', '[]', FALSE, 'LEAD', " + at + ", "
                        + at + ")",
                customer + uuidSql(kind, person) + ", 1, 'PERSON', 'Ada', NULL, NULL, '[]', '[]', '[]', '[]', '{}', "
                        + "'{}', '[]', FALSE, 'LEAD', " + at + ", " + at + ")",
                "INSERT INTO crm_touchpoint (tenant_id, id, customer_id, channel, direction, occurred_at, recorded_at)"
                        + " VALUES ('" + tenant.value() + "', " + uuidSql(kind, touchpoint) + ", "
                        + uuidSql(kind, person) + ", 'EMAIL', 'INBOUND', " + at + ", " + at + ")",
                "INSERT INTO crm_customer_activity (tenant_id, customer_id, count_email, count_call, count_meeting, "
                        + "count_chat, count_sms, count_social, count_web_visit, count_form_submission, "
                        + "count_store_visit, count_purchase, count_support_request, count_other, last_touchpoint_id,"
                        + " last_touchpoint_at) VALUES ('" + tenant.value() + "', " + uuidSql(kind, person)
                        + ", 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, " + uuidSql(kind, touchpoint) + ", " + at + ")");

        JdbcCrmStorage storage = db.builder().build();

        assertThat(versions(db)).containsExactly("1", "2", "3", "4");
        assertThat(storage.customers().findOrganisations(tenant, null, " CAFÉ LUNA"))
                .extracting(Customer::id).containsExactly(new CustomerId(organisation));
        assertThat(storage.customers().findOrganisations(tenant, "Cafe-Luna.example", null))
                .extracting(Customer::id).containsExactly(new CustomerId(organisation));
        LeadId lead = LeadFixtures.leadId();
        Touchpoint purchase = LeadFixtures.leadTouchpoint(tenant, lead, Channel.PURCHASE,
                Instant.parse("2024-06-01T00:00:00Z"), "after-upgrade");
        storage.touchpoints().insertAll(tenant, List.of(purchase));
        storage.inTransaction(tenant, tx -> storage.touchpoints().moveLeadTouchpoints(tenant, lead,
                new CustomerId(person)));
        assertThat(storage.touchpoints().timeline(tenant, new CustomerId(person), TimelineQuery.ALL, null, 10)
                .items()).extracting(t -> t.id().value()).containsExactly(purchase.id().value(), touchpoint);
        CustomerActivity activity = storage.touchpoints().activity(tenant, new CustomerId(person));
        assertThat(activity.totalCount()).isEqualTo(2);
        assertThat(activity.lastTouchpointId()).isEqualTo(purchase.id());
        assertThat(activity.lastPurchaseAt()).isEqualTo(purchase.occurredAt());
    }

    /** The database itself refuses a touchpoint row that names no party, or both a customer and a lead. */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_touchpoint_row_names_exactly_one_party(DatabaseKind kind) {
        TestDatabase db = DATABASES.database(kind);
        DATABASES.storage(kind);
        String tenant = Fixtures.newTenant().value();
        String at = kind == DatabaseKind.MARIADB ? "'2024-05-01 10:15:30'" : "'2024-05-01 10:15:30+00'";
        String insert = "INSERT INTO crm_touchpoint (tenant_id, id, customer_id, lead_id, channel, direction, "
                + "occurred_at, recorded_at) VALUES ('" + tenant + "', ";
        for (String parties : List.of("NULL, NULL", uuidSql(kind, Fixtures.nextId()) + ", "
                + uuidSql(kind, Fixtures.nextId()))) {
            assertThatThrownBy(() -> db.execute(insert + uuidSql(kind, Fixtures.nextId()) + ", " + parties
                    + ", 'EMAIL', 'INBOUND', " + at + ", " + at + ")")).as(parties)
                    .hasRootCauseInstanceOf(SQLException.class);
        }
        db.execute(insert + uuidSql(kind, Fixtures.nextId()) + ", NULL, " + uuidSql(kind, Fixtures.nextId())
                + ", 'EMAIL', 'INBOUND', " + at + ", " + at + ")");
        assertThat(db.queryLong("SELECT COUNT(*) FROM crm_touchpoint WHERE tenant_id = ?", tenant)).isEqualTo(1);
    }

    private static String uuidSql(DatabaseKind kind, UUID id) {
        return kind == DatabaseKind.MARIADB ? "UNHEX('" + id.toString().replace("-", "") + "')" : "'" + id + "'";
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_schema_migrated_by_a_newer_crmkit_is_refused(DatabaseKind kind) {
        TestDatabase db = DATABASES.fresh(kind);
        db.builder().build();
        String q = kind == DatabaseKind.H2 ? "\"" : "";
        db.execute("INSERT INTO " + q + "crm_schema_history" + q + " (" + String.join(", ",
                List.of("installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
                        "execution_time", "success").stream().map(c -> q + c + q).toList())
                + ") VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, "
                + (kind == DatabaseKind.MARIADB ? "1" : "TRUE") + ")");
        for (boolean migrate : new boolean[] {true, false}) {
            assertThatThrownBy(() -> db.builder().migrate(migrate).build())
                    .isExactlyInstanceOf(StorageException.class)
                    .hasMessageContaining("schema version 99, newer than version 4")
                    .hasMessageContaining("Upgrade io.crmkit:crm-persistence-jdbc");
        }
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void without_migration_the_tables_must_be_there(DatabaseKind kind) {
        TestDatabase db = DATABASES.fresh(kind);
        assertThatThrownBy(() -> db.builder().migrate(false).build()).isExactlyInstanceOf(StorageException.class)
                .hasMessageContaining("is missing").hasMessageContaining("migration at start is switched off");
        db.builder().build();
        JdbcCrmStorage unmigrated = db.builder().migrate(false).build();
        TenantId tenant = Fixtures.newTenant();
        assertThat(unmigrated.customers().find(tenant, Fixtures.customerId())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void prefixed_storages_share_a_schema_with_the_host_and_with_each_other(DatabaseKind kind) throws SQLException {
        TestDatabase db = DATABASES.fresh(kind);
        db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY)", "CREATE TABLE flyway_schema_history (x INTEGER)",
                "INSERT INTO flyway_schema_history (x) VALUES (42)");
        JdbcCrmStorage shop = db.builder().tablePrefix("shop_crm_").build();
        JdbcCrmStorage crm = db.builder().build();
        assertThat(shop.tableName("customer")).isEqualTo("shop_crm_customer");
        assertThat(tables(db)).contains("orders", "flyway_schema_history", "shop_crm_customer",
                "shop_crm_schema_history", "crm_customer", "crm_schema_history");
        assertThat(db.queryLong("SELECT x FROM flyway_schema_history")).isEqualTo(42);
        TenantId tenant = Fixtures.newTenant();
        Customer customer = Fixtures.person(tenant, "Only in the shop");
        shop.customers().insert(tenant, customer);
        assertThat(shop.customers().find(tenant, customer.id())).contains(customer);
        assertThat(crm.customers().find(tenant, customer.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void a_schema_of_its_own(DatabaseKind kind) {
        TestDatabase db = DATABASES.fresh(kind);
        String schema = db.name() + "_own";
        try {
            JdbcCrmStorage storage = db.builder().schema(schema).build();
            assertThat(storage.tableName("touchpoint")).isEqualTo(schema + ".crm_touchpoint");
            TenantId tenant = Fixtures.newTenant();
            Customer customer = Fixtures.fullOrganisation(tenant);
            storage.customers().insert(tenant, customer);
            assertThat(storage.customers().find(tenant, customer.id())).contains(customer);
            assertThat(db.queryLong("SELECT COUNT(*) FROM " + schema + ".crm_customer")).isEqualTo(1);
        } finally {
            if (kind == DatabaseKind.POSTGRESQL) {
                db.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } else if (kind == DatabaseKind.MARIADB) {
                db.execute("DROP DATABASE IF EXISTS " + schema);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Crm_", "1crm", "crm-", "crm_; DROP TABLE x", "\"crm\"", "crm.x"})
    void only_plain_prefixes_and_schema_names_are_accepted(String name) {
        TestDatabase db = DATABASES.database(DatabaseKind.H2);
        assertThatThrownBy(() -> db.builder().tablePrefix(name)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> db.builder().schema(name)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> db.builder().tablePrefix("a_prefix_of_22_letters")).isInstanceOf(
                InvalidInputException.class);
    }

    @Test
    void batch_size_is_bounded() {
        TestDatabase db = DATABASES.database(DatabaseKind.H2);
        assertThatThrownBy(() -> db.builder().batchSize(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> db.builder().batchSize(1001)).isInstanceOf(InvalidInputException.class);
    }

    /**
     * Every primary key, unique constraint and index of crmkit's tables starts with tenant_id, read from the
     * database's catalog; and the activity table has a count column for every channel.
     */
    @ParameterizedTest
    @EnumSource(DatabaseKind.class)
    void every_key_and_index_starts_with_tenant_id(DatabaseKind kind) throws SQLException {
        TestDatabase db = DATABASES.fresh(kind);
        db.builder().build();
        Map<String, String> firstColumns = new TreeMap<>();
        Set<String> activityColumns = new HashSet<>();
        try (Connection c = db.dataSource().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String base : TABLES) {
                String table = db.catalogName("crm_" + base);
                try (ResultSet rs = meta.getPrimaryKeys(catalog(db), schema(db), table)) {
                    int keys = 0;
                    while (rs.next()) {
                        keys++;
                        if (rs.getInt("KEY_SEQ") == 1) {
                            firstColumns.put(base + " primary key", rs.getString("COLUMN_NAME"));
                        }
                    }
                    assertThat(keys).as(base + " has a primary key").isPositive();
                }
                try (ResultSet rs = meta.getIndexInfo(catalog(db), schema(db), table, false, false)) {
                    while (rs.next()) {
                        if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
                                || rs.getString("INDEX_NAME") == null) {
                            continue;
                        }
                        if (rs.getInt("ORDINAL_POSITION") == 1) {
                            firstColumns.put(base + " index " + rs.getString("INDEX_NAME")
                                    + (rs.getBoolean("NON_UNIQUE") ? "" : " (unique)"), rs.getString("COLUMN_NAME"));
                        }
                    }
                }
            }
            try (ResultSet rs = meta.getColumns(catalog(db), schema(db), db.catalogName("crm_customer_activity"),
                    null)) {
                while (rs.next()) {
                    activityColumns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(firstColumns.keySet()).anyMatch(k -> k.toLowerCase(Locale.ROOT).contains("source_uq")
                        && k.contains("(unique)"))
                .anyMatch(k -> k.toLowerCase(Locale.ROOT).contains("timeline"))
                .hasSizeGreaterThanOrEqualTo(2 * TABLES.size() + 5 + V2_INDEXES.size() + V3_INDEXES.size());
        for (String index : concat(V2_INDEXES, V3_INDEXES)) {
            assertThat(firstColumns.keySet()).as("index " + index).anyMatch(k -> k.toLowerCase(Locale.ROOT)
                    .endsWith(" index crm_" + index));
        }
        firstColumns.forEach((what, column) ->
                assertThat(column.toLowerCase(Locale.ROOT)).as(what).isEqualTo("tenant_id"));
        for (Channel channel : Channel.values()) {
            assertThat(activityColumns).contains("count_" + channel.name().toLowerCase(Locale.ROOT));
        }
    }

    /** The SQL files shipped for hosts' own migration tools use no placeholder but the documented ones. */
    @Test
    void the_shipped_sql_files_use_only_documented_placeholders() throws IOException {
        for (String family : List.of("postgresql", "mysql", "h2")) {
            for (String file : List.of("V1__customers_relationships_touchpoints.sql",
                    "V2__pipelines_deals_tasks.sql", "V3__leads.sql", "V4__purchase_amount_precision.sql")) {
                String path = "io/crmkit/jdbc/migration/" + family + "/" + file;
                try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                    assertThat(in).as(path).isNotNull();
                    String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    Matcher placeholders = Pattern.compile("\\$\\{([^}]*)}").matcher(sql);
                    List<String> names = new ArrayList<>();
                    while (placeholders.find()) {
                        names.add(placeholders.group(1));
                    }
                    assertThat(names).as(path).contains("prefix")
                            .allMatch(n -> n.equals("prefix") || n.equals("collation"));
                }
            }
        }
    }

    private static String catalog(TestDatabase db) {
        return db.kind() == DatabaseKind.MARIADB ? db.name() : null;
    }

    private static String schema(TestDatabase db) {
        switch (db.kind()) {
            case POSTGRESQL:
                return db.name();
            case H2:
                return "PUBLIC";
            default:
                return null;
        }
    }

    private static Set<String> tables(TestDatabase db) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = db.dataSource().getConnection();
             ResultSet rs = c.getMetaData().getTables(catalog(db), schema(db), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The schema versions in the history, in order (without Flyway's rows that have none). */
    private static List<String> versions(TestDatabase db) {
        return history(db).stream().filter(row -> row.get(0) != null).map(row -> row.get(0).toString()).toList();
    }

    private static List<List<Object>> history(TestDatabase db) {
        String q = db.kind() == DatabaseKind.H2 ? "\"" : "";
        return db.query("SELECT " + q + "version" + q + ", " + q + "checksum" + q + " FROM " + q
                + "crm_schema_history" + q + " ORDER BY " + q + "installed_rank" + q);
    }
}
