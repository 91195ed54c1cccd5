package io.crmkit.benchmarks.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * One database of a benchmark, behind a HikariCP pool that crmkit, the raw JDBC code and Hibernate all share: an
 * in-memory H2 database of its own, or a PostgreSQL schema of its own (named {@code crmbench_...}, created here and
 * dropped by {@link #close()}); or one the forks of a harness run share ({@link #shared}).
 *
 * <p>PostgreSQL is found the way crmkit's tests find it: environment variable {@code CRM_TEST_POSTGRES_URL}, else
 * {@code jdbc:postgresql://127.0.0.1:5432/test} (likewise {@code CRM_TEST_POSTGRES_USER}, default {@code root}, and
 * {@code CRM_TEST_POSTGRES_PASSWORD}, default empty). JMH's forks inherit the environment. The pool's connections have
 * {@code reWriteBatchedInserts=true}: the raw JDBC batch and Hibernate's batches then travel as multi-row INSERTs,
 * which is what crmkit's adapter writes by itself (it builds one multi-row statement per chunk).
 */
public final class BenchDatabase implements AutoCloseable {

    /** The databases a benchmark runs on. */
    public enum Kind {
        H2, POSTGRESQL;

        /** The JMH parameter value: {@code h2} or {@code postgresql}. */
        public String param() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The kind named by a JMH parameter value. */
        public static Kind of(String param) {
            return valueOf(param.toUpperCase(Locale.ROOT));
        }

        /** The name to print. */
        public String display() {
            return this == H2 ? "H2" : "PostgreSQL";
        }
    }

    /** Every schema or database this class creates starts with this. */
    public static final String PREFIX = "crmbench_";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Kind kind;
    private final String name;
    private final HikariDataSource pool;
    private final boolean dropOnClose;

    private BenchDatabase(Kind kind, String name, HikariDataSource pool, boolean dropOnClose) {
        this.kind = kind;
        this.name = name;
        this.pool = pool;
        this.dropOnClose = dropOnClose;
    }

    /** A fresh database (H2) or schema (PostgreSQL) called {@code crmbench_<purpose>_<random>}, dropped on close. */
    public static BenchDatabase create(Kind kind, String purpose) {
        return open(kind, PREFIX + purpose + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10),
                true);
    }

    /**
     * The database or schema {@code name} that the forks of one harness run share, created if it does not exist yet
     * and kept on close (the harness drops it with {@link #dropShared}): a PostgreSQL schema, or an H2 database in
     * files under {@link #H2_FILES} (with a page cache large enough to hold it, so that reads run from memory as in
     * an in-memory database).
     */
    public static BenchDatabase shared(Kind kind, String name) {
        return open(kind, name, false);
    }

    /** Where shared H2 databases keep their files: {@code <java.io.tmpdir>/crmbench}. */
    public static final Path H2_FILES = Path.of(System.getProperty("java.io.tmpdir"), "crmbench");

    private static BenchDatabase open(Kind kind, String name, boolean dropOnClose) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        if (kind == Kind.H2) {
            // H2 keeps the last result of each prepared query and returns it again for the same parameters while no
            // table changed: a benchmark repeating one query would measure that cache, not the query. Off.
            config.setJdbcUrl((dropOnClose ? "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"
                    : "jdbc:h2:file:" + H2_FILES.resolve(name).resolve("db") + ";CACHE_SIZE=1048576")
                    + ";OPTIMIZE_REUSE_RESULTS=0");
            config.setUsername("sa");
            config.setPassword("");
        } else {
            Postgres pg = Postgres.fromEnvironment();
            try (Connection c = pg.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA IF NOT EXISTS " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create schema " + name + " on " + pg.url() + ": "
                        + e.getMessage(), e);
            }
            config.setJdbcUrl(pg.url());
            config.setUsername(pg.user());
            config.setPassword(pg.password());
            config.setSchema(name);
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        return new BenchDatabase(kind, name, new HikariDataSource(config), dropOnClose);
    }

    public Kind kind() {
        return kind;
    }

    /** The schema that holds the tables: the PostgreSQL schema, or null for H2's default schema. */
    public String schema() {
        return kind == Kind.POSTGRESQL ? name : null;
    }

    public String name() {
        return name;
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Runs statements on a connection of the pool, auto-committed. */
    public void execute(String... statements) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + String.join("; ", statements) + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row of {@code sql}, as text. */
    public String queryText(String sql) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code table} exists in this database's schema. */
    public boolean tableExists(String table) {
        try (Connection c = pool.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, kind == Kind.H2 ? "PUBLIC" : name,
                     kind == Kind.H2 ? table.toUpperCase(Locale.ROOT) : table, null)) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the catalog: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the planner's statistics up to date after a bulk load, and on PostgreSQL removes the dead row versions
     * the load left (crmkit's running totals are updated once per row), as autovacuum would soon after.
     */
    public void analyze() {
        if (kind == Kind.H2) {
            execute("ANALYZE");
            return;
        }
        List<String> tables = new ArrayList<>();
        try (Connection c = pool.getConnection();
             ResultSet rs = c.getMetaData().getTables(null, name, null, new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the tables of " + name + ": " + e.getMessage(), e);
        }
        for (String table : tables) {
            if (NAME.matcher(table).matches()) {
                execute("VACUUM ANALYZE " + name + "." + table); // only this schema's tables, not the whole database
            }
        }
    }

    /** The database's product name and version, e.g. {@code PostgreSQL 15.20}. */
    public String version() {
        try (Connection c = pool.getConnection()) {
            return c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            if (dropOnClose) {
                if (kind == Kind.H2) {
                    execute("DROP ALL OBJECTS");
                } else {
                    execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
                }
            }
        } finally {
            pool.close();
        }
    }

    /**
     * Drops every shared database whose name starts with {@code prefix} (which must start with {@link #PREFIX}):
     * the harness's clean-up of what its forks shared. {@code postgres}: PostgreSQL is in use.
     *
     * @return the schemas and H2 databases dropped
     */
    public static List<String> dropShared(String prefix, boolean postgres) {
        if (!prefix.startsWith(PREFIX) || !NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("not a benchmark prefix: " + prefix);
        }
        List<String> dropped = new ArrayList<>();
        if (Files.isDirectory(H2_FILES)) {
            try (Stream<Path> dirs = Files.list(H2_FILES)) {
                for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith(prefix)).toList()) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.delete(file);
                        }
                    }
                    dropped.add("H2 " + dir.getFileName());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the H2 files " + H2_FILES + "/" + prefix + "*", e);
            }
        }
        if (postgres) {
            dropped.addAll(dropPostgresSchemas(prefix));
        }
        return dropped;
    }

    private static List<String> dropPostgresSchemas(String prefix) {
        if (!prefix.startsWith(PREFIX) || !NAME.matcher(prefix).matches()) {
            throw new IllegalArgumentException("not a benchmark prefix: " + prefix);
        }
        List<String> dropped = new ArrayList<>();
        Postgres pg = Postgres.fromEnvironment();
        try (Connection c = pg.connect(); Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT nspname FROM pg_namespace WHERE nspname LIKE '"
                    + prefix.replace("_", "\\_") + "%'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String schema : names) {
                if (NAME.matcher(schema).matches()) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    dropped.add("PostgreSQL " + schema);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the schemas " + prefix + "*: " + e.getMessage(), e);
        }
        return dropped;
    }

    /** Where PostgreSQL is, from the same settings crmkit's tests use. */
    public record Postgres(String url, String user, String password) {

        public static Postgres fromEnvironment() {
            return new Postgres(setting("CRM_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test"),
                    setting("CRM_TEST_POSTGRES_USER", "root"), setting("CRM_TEST_POSTGRES_PASSWORD", ""));
        }

        private static String setting(String variable, String fallback) {
            String value = System.getenv(variable);
            return value == null || value.isBlank() ? fallback : value;
        }

        public Connection connect() throws SQLException {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            props.setProperty("connectTimeout", "5");
            props.setProperty("loginTimeout", "5");
            return DriverManager.getConnection(url, props);
        }

        /** Empty if PostgreSQL can be reached, else why not. */
        public Optional<String> unreachable() {
            try (Connection c = connect()) {
                int major = c.getMetaData().getDatabaseMajorVersion();
                if (major < 13) {
                    return Optional.of("PostgreSQL at " + url + " is version " + major + "; crmkit needs 13 or newer");
                }
                return Optional.empty();
            } catch (SQLException e) {
                return Optional.of("PostgreSQL at " + url + " (user " + user + ") cannot be reached: "
                        + e.getMessage());
            }
        }

        /** The server's version, e.g. {@code PostgreSQL 15.20}. */
        public String version() {
            try (Connection c = connect()) {
                return "PostgreSQL " + c.getMetaData().getDatabaseProductVersion();
            } catch (SQLException e) {
                return "PostgreSQL (version unknown: " + e.getMessage() + ")";
            }
        }
    }
}
