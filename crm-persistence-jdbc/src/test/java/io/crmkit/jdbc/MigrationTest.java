package io.crmkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.jdbc.testing.DatabaseKind;
import io.crmkit.jdbc.testing.Databases;
import io.crmkit.jdbc.testing.Fixtures;
import io.crmkit.jdbc.testing.TestDatabase;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.touchpoint.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            "customer_tag", "relationship", "touchpoint", "customer_activity");

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
                .containsExactly("1");

        JdbcCrmStorage again = db.builder().build();
        assertThat(history(db)).isEqualTo(history);
        assertThat(tables(db)).isEqualTo(tables);
        TenantId tenant = Fixtures.newTenant();
        Customer customer = Fixtures.fullPerson(tenant);
        again.customers().insert(tenant, customer);
        assertThat(again.customers().find(tenant, customer.id())).contains(customer);
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
                    .hasMessageContaining("schema version 99, newer than version 1")
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
                .anyMatch(k -> k.toLowerCase(Locale.ROOT).contains("timeline")).hasSizeGreaterThanOrEqualTo(2 * TABLES.size() + 5);
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
            String path = "io/crmkit/jdbc/migration/" + family + "/V1__customers_relationships_touchpoints.sql";
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(path)) {
                assertThat(in).as(path).isNotNull();
                String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher placeholders = Pattern.compile("\\$\\{([^}]*)}").matcher(sql);
                List<String> names = new ArrayList<>();
                while (placeholders.find()) {
                    names.add(placeholders.group(1));
                }
                assertThat(names).contains("prefix").allMatch(n -> n.equals("prefix") || n.equals("collation"));
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

    private static List<List<Object>> history(TestDatabase db) {
        String q = db.kind() == DatabaseKind.H2 ? "\"" : "";
        return db.query("SELECT " + q + "version" + q + ", " + q + "checksum" + q + " FROM " + q
                + "crm_schema_history" + q + " ORDER BY " + q + "installed_rank" + q);
    }
}
