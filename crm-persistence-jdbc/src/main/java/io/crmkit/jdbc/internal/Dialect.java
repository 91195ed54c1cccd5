package io.crmkit.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between the database families: how values are bound and read, and the few statements that have no
 * common SQL (upserts, inserts that skip duplicates, keyset predicates).
 */
public abstract class Dialect {

    /** The three families of SQL crmkit speaks. */
    public enum Family {
        POSTGRESQL, MYSQL, H2
    }

    /** The family's name, for messages. */
    public abstract String name();

    /** The family. */
    public abstract Family family();

    /** The folder under {@code io/crmkit/jdbc/migration/} that holds this family's migrations. */
    public abstract String migrationFolder();

    /** Flyway placeholders besides {@code prefix}. */
    public Map<String, String> placeholders() {
        return Map.of();
    }

    /** How Flyway must spell a schema name for it to be the one unquoted SQL names. */
    public String flywaySchemaName(String schema) {
        return schema;
    }

    // ---- binding and reading -------------------------------------------------------------------------------------

    public void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.OTHER);
        } else {
            ps.setObject(index, value);
        }
    }

    public UUID getUuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    public Instant getInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public void setDate(PreparedStatement ps, int index, LocalDate value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, value);
        }
    }

    public LocalDate getDate(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** The SQL for a JSON parameter. */
    public String jsonParameter() {
        return "?";
    }

    public void setJson(PreparedStatement ps, int index, String json) throws SQLException {
        if (json == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, json);
        }
    }

    /**
     * The SQL type name of a UUID array for {@link Connection#createArrayOf}, or null when the database has no array
     * parameters (MariaDB, MySQL): then lists of ids are IN lists.
     */
    public String uuidArrayType() {
        return null;
    }

    // ---- statements ----------------------------------------------------------------------------------------------

    /**
     * The keyset predicate "strictly after ({@code at}, {@code id})" on two columns, in descending order of both
     * (newest first) or ascending; its parameters are bound by {@link #bindKeyset}.
     */
    public String keysetAfter(String at, String id, boolean descending) {
        String op = descending ? "<" : ">";
        return at + " " + op + "= ? AND (" + at + " " + op + " ? OR " + id + " " + op + " ?)";
    }

    public int bindKeyset(PreparedStatement ps, int index, Instant at, UUID id) throws SQLException {
        setInstant(ps, index++, at);
        setInstant(ps, index++, at);
        setUuid(ps, index++, id);
        return index;
    }

    /** As {@link #bindKeyset(PreparedStatement, int, Instant, UUID)}, for a DATE column. */
    public int bindKeyset(PreparedStatement ps, int index, LocalDate at, UUID id) throws SQLException {
        setDate(ps, index++, at);
        setDate(ps, index++, at);
        setUuid(ps, index++, id);
        return index;
    }

    /**
     * Whether INSERT IGNORE ... RETURNING reports the rows an insert that skips duplicates stored (MariaDB; PostgreSQL
     * and H2 have inserts of their own in the touchpoint store).
     */
    public boolean insertReturnsIds() {
        return false;
    }

    /** Whether a failed statement aborts the whole transaction (PostgreSQL) rather than only itself. */
    public boolean failedStatementAbortsTransaction() {
        return false;
    }

    /**
     * The ORDER BY of a range of an index whose leading {@code equalityBound} columns are fixed by the WHERE clause,
     * followed by {@code rest}. H2 reads the index in order only when the ORDER BY names the fixed columns too
     * (DESIGN.md §5); MariaDB, when the parameters bound to them are strings of the connection's collation, sorts
     * when they are named.
     */
    public String orderBy(String equalityBound, String rest) {
        return " ORDER BY " + equalityBound + ", " + rest;
    }

    /**
     * A hint after a table reference that makes the database read {@code index}, or nothing. MariaDB and MySQL
     * otherwise sometimes prefer the primary key's tenant range and a filesort for a customer's timeline.
     */
    public String indexHint(String index) {
        return "";
    }

    /** Appended to a SELECT that must see the latest committed rows even under REPEATABLE READ. */
    public String latestCommittedReadSuffix() {
        return "";
    }

    /** Whether {@code e} is a unique or primary key violation. */
    public boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** Whether {@code e} is a serialization failure, a deadlock or a lock time-out: worth running again. */
    public boolean isRetryable(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state);
    }

    /** Finds the family of the database behind {@code connection}, refusing versions crmkit does not support. */
    public static Dialect detect(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        int major = meta.getDatabaseMajorVersion();
        int minor = meta.getDatabaseMinorVersion();
        String lower = product == null ? "" : product.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("postgresql")) {
            require(major >= 13, product, version, "PostgreSQL 13");
            return new PostgresDialect();
        }
        if (lower.contains("mariadb") || (version != null && version.contains("MariaDB"))) {
            int[] mv = mariaDbVersion(version, major, minor);
            require(mv[0] > 10 || (mv[0] == 10 && mv[1] >= 6), product, version, "MariaDB 10.6");
            return new MySqlDialect(true);
        }
        if (lower.contains("mysql")) {
            require(major >= 8, product, version, "MySQL 8");
            return new MySqlDialect(false);
        }
        if (lower.equals("h2")) {
            require(major == 2, product, version, "H2 2.x");
            return new H2Dialect();
        }
        throw new UnsupportedDatabaseException("crmkit's JDBC storage supports PostgreSQL 13+, MariaDB 10.6+, "
                + "MySQL 8+ and H2 2.x, not " + product + " " + version);
    }

    /** MariaDB's version, also when a MySQL driver reports it as {@code 5.5.5-10.11.6-MariaDB}. */
    private static int[] mariaDbVersion(String version, int major, int minor) {
        if (version != null) {
            Matcher m = Pattern.compile("(?:5\\.5\\.5-)?(\\d+)\\.(\\d+)").matcher(version);
            if (m.find()) {
                return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
            }
        }
        return new int[] {major, minor};
    }

    private static void require(boolean supported, String product, String version, String minimum) {
        if (!supported) {
            throw new UnsupportedDatabaseException("crmkit's JDBC storage needs " + minimum + " or newer; the "
                    + "database is " + product + " " + version);
        }
    }

    /** A database crmkit cannot work with. */
    public static final class UnsupportedDatabaseException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnsupportedDatabaseException(String message) {
            super(message);
        }
    }

    /** PostgreSQL 13 and later. */
    static final class PostgresDialect extends Dialect {
        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public Family family() {
            return Family.POSTGRESQL;
        }

        @Override
        public String migrationFolder() {
            return "postgresql";
        }

        @Override
        public String jsonParameter() {
            return "CAST(? AS jsonb)";
        }

        @Override
        public String keysetAfter(String at, String id, boolean descending) {
            // a row-value comparison is an index range condition on PostgreSQL
            return "(" + at + ", " + id + ") " + (descending ? "<" : ">") + " (?, ?)";
        }

        @Override
        public int bindKeyset(PreparedStatement ps, int index, Instant at, UUID id) throws SQLException {
            setInstant(ps, index++, at);
            setUuid(ps, index++, id);
            return index;
        }

        @Override
        public int bindKeyset(PreparedStatement ps, int index, LocalDate at, UUID id) throws SQLException {
            setDate(ps, index++, at);
            setUuid(ps, index++, id);
            return index;
        }

        @Override
        public boolean failedStatementAbortsTransaction() {
            return true;
        }

        @Override
        public String uuidArrayType() {
            return "uuid";
        }
    }

    /** MariaDB 10.6+ and MySQL 8+: UUIDs as BINARY(16) in byte order, instants as UTC DATETIME(6). */
    static final class MySqlDialect extends Dialect {
        private final boolean mariaDb;

        MySqlDialect(boolean mariaDb) {
            this.mariaDb = mariaDb;
        }


        @Override
        public String name() {
            return mariaDb ? "MariaDB" : "MySQL";
        }

        @Override
        public Family family() {
            return Family.MYSQL;
        }

        @Override
        public String migrationFolder() {
            return "mysql";
        }

        @Override
        public Map<String, String> placeholders() {
            // Binary, NO PAD collations: 'a' and 'a ' and 'A' are three different tags, sources and tenants.
            return Map.of("collation", mariaDb ? "utf8mb4_nopad_bin" : "utf8mb4_0900_bin");
        }

        @Override
        public void setUuid(PreparedStatement ps, int index, UUID value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.BINARY);
            } else {
                ps.setBytes(index, Uuids.toBytes(value));
            }
        }

        @Override
        public UUID getUuid(ResultSet rs, String column) throws SQLException {
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? null : Uuids.fromBytes(bytes);
        }

        @Override
        public void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
            if (value == null) {
                ps.setNull(index, Types.TIMESTAMP);
            } else {
                ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
            }
        }

        @Override
        public Instant getInstant(ResultSet rs, String column) throws SQLException {
            LocalDateTime value = rs.getObject(column, LocalDateTime.class);
            return value == null ? null : value.toInstant(ZoneOffset.UTC);
        }

        @Override
        public boolean insertReturnsIds() {
            return mariaDb; // MariaDB 10.5+ has INSERT ... RETURNING; MySQL has not
        }

        @Override
        public String latestCommittedReadSuffix() {
            return " LOCK IN SHARE MODE";
        }

        @Override
        public String indexHint(String index) {
            return " FORCE INDEX (" + index + ")";
        }

        @Override
        public String orderBy(String equalityBound, String rest) {
            return " ORDER BY " + rest;
        }

        @Override
        public boolean isUniqueViolation(SQLException e) {
            return e.getErrorCode() == 1062 || e.getErrorCode() == 1586
                    || ("23000".equals(e.getSQLState()) && e.getErrorCode() == 1062);
        }

        @Override
        public boolean isRetryable(SQLException e) {
            // 1213 deadlock, 1205 lock wait time-out, 1020 record changed since last read (snapshot isolation)
            return super.isRetryable(e) || e.getErrorCode() == 1213 || e.getErrorCode() == 1205
                    || e.getErrorCode() == 1020;
        }
    }

    /** H2 2.x. */
    static final class H2Dialect extends Dialect {
        @Override
        public String name() {
            return "H2";
        }

        @Override
        public Family family() {
            return Family.H2;
        }

        @Override
        public String migrationFolder() {
            return "h2";
        }

        @Override
        public String flywaySchemaName(String schema) {
            return schema.toUpperCase(java.util.Locale.ROOT);
        }

        @Override
        public String uuidArrayType() {
            return "UUID";
        }

        @Override
        public boolean isRetryable(SQLException e) {
            // 40001 deadlock, HYT00 lock time-out (50200), 90131 concurrent update
            return super.isRetryable(e) || "HYT00".equals(e.getSQLState()) || e.getErrorCode() == 50200
                    || e.getErrorCode() == 90131;
        }
    }
}
