package io.crmkit.jdbc.testing;

import io.crmkit.jdbc.JdbcCrmStorage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * One isolated database for a test class: an in-memory H2 database, a PostgreSQL schema or a MariaDB database with a
 * unique name, created on {@link #open} and dropped on {@link #close}.
 *
 * <p>PostgreSQL and MariaDB are found through environment variables (see DEVELOPERS.md):
 * {@code CRM_TEST_POSTGRES_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), {@code CRM_TEST_POSTGRES_USER}
 * (default {@code root}), {@code CRM_TEST_POSTGRES_PASSWORD} (default empty), and likewise {@code CRM_TEST_MARIADB_*}
 * (default {@code jdbc:mariadb://127.0.0.1:3306/test}, user {@code root}). A server that cannot be reached skips the
 * test with a JUnit assumption, unless {@code CRM_TEST_REQUIRE_DATABASES=true}: then it fails.
 */
public final class TestDatabase implements AutoCloseable {

    private final DatabaseKind kind;
    private final String name;
    private final SimpleDataSource dataSource;
    private final String adminUrl;
    private final String user;
    private final String password;
    private final Connection keepAlive;

    private TestDatabase(DatabaseKind kind, String name, SimpleDataSource dataSource, String adminUrl, String user,
                         String password, Connection keepAlive) {
        this.kind = kind;
        this.name = name;
        this.dataSource = dataSource;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
        this.keepAlive = keepAlive;
    }

    /** Whether an unreachable server fails the tests instead of skipping them. */
    public static boolean databasesRequired() {
        return "true".equalsIgnoreCase(System.getenv("CRM_TEST_REQUIRE_DATABASES"));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** Creates a new, empty database of {@code kind}; skips (or fails) if its server is unreachable. */
    public static TestDatabase open(DatabaseKind kind) {
        String name = "crm_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        switch (kind) {
            case H2: {
                String url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
                try {
                    Connection keep = DriverManager.getConnection(url, "sa", "");
                    return new TestDatabase(kind, name, new SimpleDataSource(url, "sa", ""), null, "sa", "", keep);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot open H2", e);
                }
            }
            case POSTGRESQL: {
                String url = env("CRM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
                String user = env("CRM_TEST_POSTGRES_USER", "root");
                String password = env("CRM_TEST_POSTGRES_PASSWORD", "");
                admin(kind, url, user, password, "CREATE SCHEMA " + name);
                String separator = url.contains("?") ? "&" : "?";
                return new TestDatabase(kind, name, new SimpleDataSource(url + separator + "currentSchema=" + name,
                        user, password), url, user, password, null);
            }
            case MARIADB: {
                String url = env("CRM_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test");
                String user = env("CRM_TEST_MARIADB_USER", "root");
                String password = env("CRM_TEST_MARIADB_PASSWORD", "");
                admin(kind, url, user, password, "CREATE DATABASE " + name);
                return new TestDatabase(kind, name, new SimpleDataSource(withDatabase(url, name), user, password),
                        url, user, password, null);
            }
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** The MariaDB URL with its database replaced by {@code database}. */
    private static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:mariadb://".length());
        int query = url.indexOf('?');
        String base = slash < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, slash);
        return base + "/" + database + (query < 0 ? "" : url.substring(query));
    }

    private static void admin(DatabaseKind kind, String url, String user, String password, String sql) {
        Connection connection;
        try {
            connection = DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            String message = kind + " is not reachable at " + url + " as " + user + " (" + e.getMessage() + "); "
                    + "set CRM_TEST_" + (kind == DatabaseKind.POSTGRESQL ? "POSTGRES" : "MARIADB")
                    + "_URL/_USER/_PASSWORD to test on it (see DEVELOPERS.md)";
            if (databasesRequired()) {
                throw new IllegalStateException(message + "; CRM_TEST_REQUIRE_DATABASES=true makes this a failure",
                        e);
            }
            Assumptions.abort(message + "; skipped");
            return;
        }
        try (connection; Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql + " on " + kind, e);
        }
    }

    public DatabaseKind kind() {
        return kind;
    }

    /** The schema (PostgreSQL) or database (MariaDB) name, or the H2 database name. */
    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public String url() {
        return dataSource.url();
    }

    /** A builder of a storage on this database. */
    public JdbcCrmStorage.Builder builder() {
        return JdbcCrmStorage.builder(dataSource);
    }

    /** Runs SQL statements, for test set-up. */
    public void execute(String... sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + String.join("; ", sql), e);
        }
    }

    /** The single long value a query returns. */
    public long queryLong(String sql, Object... parameters) {
        List<List<Object>> rows = query(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    /** Every row a query returns, as lists of column values. */
    public List<List<Object>> query(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        if (value instanceof java.sql.Clob) {
                            java.sql.Clob clob = (java.sql.Clob) value;
                            value = clob.getSubString(1, (int) clob.length());
                        }
                        row.add(value);
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run " + sql, e);
        }
    }

    /** A table name as the catalog spells it (H2 upper-cases unquoted names). */
    public String catalogName(String name) {
        return kind == DatabaseKind.H2 ? name.toUpperCase(Locale.ROOT) : name;
    }

    @Override
    public void close() {
        dataSource.closeAll();
        try {
            switch (kind) {
                case H2:
                    try (Statement s = keepAlive.createStatement()) {
                        s.execute("SHUTDOWN");
                    }
                    keepAlive.close();
                    break;
                case POSTGRESQL:
                    admin(kind, adminUrl, user, password, "DROP SCHEMA " + name + " CASCADE");
                    break;
                case MARIADB:
                    admin(kind, adminUrl, user, password, "DROP DATABASE " + name);
                    break;
                default:
                    break;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + name, e);
        }
    }
}
