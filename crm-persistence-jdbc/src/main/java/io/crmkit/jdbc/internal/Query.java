package io.crmkit.jdbc.internal;

import io.crmkit.shared.Timestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A SELECT put together from a WHERE clause's conditions and their parameters, with the comparisons of instants a
 * caller may pass that no database stores: stored instants are whole microseconds within {@link Timestamps#MIN} and
 * {@link Timestamps#MAX}, so a bound between two microseconds or outside that range is turned into the equivalent
 * condition on stored values (the database would round it, or refuse it). Likewise stored dates lie within the years
 * 1 to 9999 ({@link #MIN_DATE}, {@link #MAX_DATE}), and a date bound outside them becomes the equivalent condition.
 */
final class Query {

    /** Binds one parameter. */
    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps, int index) throws SQLException;
    }

    /** The earliest date any crmkit DATE column holds (the first day every database stores). */
    static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);
    /** The latest date any crmkit DATE column holds. */
    static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    private final Dialect dialect;
    private final StringBuilder sql;
    private final List<Binder> parameters = new ArrayList<>();

    Query(Dialect dialect, String select) {
        this.dialect = dialect;
        this.sql = new StringBuilder(select);
    }

    /** Adds {@code AND condition}. */
    Query and(String condition) {
        sql.append(" AND ").append(condition);
        return this;
    }

    /** Appends SQL as it is. */
    Query sql(String text) {
        sql.append(text);
        return this;
    }

    Query text(String value) {
        parameters.add((ps, i) -> ps.setString(i, value));
        return this;
    }

    Query uuid(UUID value) {
        parameters.add((ps, i) -> dialect.setUuid(ps, i, value));
        return this;
    }

    Query integer(int value) {
        parameters.add((ps, i) -> ps.setInt(i, value));
        return this;
    }

    Query number(long value) {
        parameters.add((ps, i) -> ps.setLong(i, value));
        return this;
    }

    Query instant(Instant value) {
        parameters.add((ps, i) -> dialect.setInstant(ps, i, value));
        return this;
    }

    Query date(LocalDate value) {
        parameters.add((ps, i) -> dialect.setDate(ps, i, value));
        return this;
    }

    /** {@code column >= bound} on a NOT NULL DATE column. */
    Query onOrAfter(String column, LocalDate bound) {
        if (bound.isAfter(MAX_DATE)) {
            return and("1 = 0");
        }
        return bound.isBefore(MIN_DATE) ? this : and(column + " >= ?").date(bound);
    }

    /** {@code column <= bound} on a NOT NULL DATE column. */
    Query onOrBefore(String column, LocalDate bound) {
        if (bound.isBefore(MIN_DATE)) {
            return and("1 = 0");
        }
        return bound.isAfter(MAX_DATE) ? this : and(column + " <= ?").date(bound);
    }

    /** Strictly after (date, id) in ascending order of both: {@code (column, idColumn) > (date, id)}. */
    Query beyond(String column, String idColumn, LocalDate date, UUID id) {
        if (date.isBefore(MIN_DATE)) {
            return this;
        }
        if (date.isAfter(MAX_DATE)) {
            return and("1 = 0");
        }
        and(dialect.keysetAfter(column, idColumn, false));
        parameters.add((ps, i) -> dialect.bindKeyset(ps, i, date, id));
        return fillers();
    }

    /** {@code column >= bound}. */
    Query atLeast(String column, Instant bound) {
        Instant up = ceilMicros(bound);
        if (up.isAfter(Timestamps.MAX)) {
            return and("1 = 0");
        }
        return and(column + " >= ?").instant(up.isBefore(Timestamps.MIN) ? Timestamps.MIN : up);
    }

    /** {@code column < bound}; also excludes NULL. */
    Query below(String column, Instant bound) {
        Instant up = ceilMicros(bound);
        if (up.isAfter(Timestamps.MAX)) {
            return and(column + " <= ?").instant(Timestamps.MAX);
        }
        return and(column + " < ?").instant(up.isBefore(Timestamps.MIN) ? Timestamps.MIN : up);
    }

    /** Strictly after (at, id) in descending order of both: {@code (column, idColumn) < (at, id)}. */
    Query before(String column, String idColumn, Instant at, UUID id) {
        if (at.isAfter(Timestamps.MAX)) {
            return this;
        }
        if (at.isBefore(Timestamps.MIN)) {
            return and("1 = 0");
        }
        if (!isWholeMicros(at)) {
            // nothing is stored at a position between two microseconds: all at or before the one below it follows
            return and(column + " <= ?").instant(at.truncatedTo(ChronoUnit.MICROS));
        }
        and(dialect.keysetAfter(column, idColumn, true));
        return keyset(at, id);
    }

    /** Strictly after (at, id) in ascending order of both: {@code (column, idColumn) > (at, id)}. */
    Query beyond(String column, String idColumn, Instant at, UUID id) {
        if (at.isBefore(Timestamps.MIN)) {
            return this;
        }
        if (at.isAfter(Timestamps.MAX)) {
            return and("1 = 0");
        }
        if (!isWholeMicros(at)) {
            return and(column + " >= ?").instant(ceilMicros(at));
        }
        and(dialect.keysetAfter(column, idColumn, false));
        return keyset(at, id);
    }

    /** Binds the parameters of {@link Dialect#keysetAfter}: the first binder binds them all. */
    private Query keyset(Instant at, UUID id) {
        parameters.add((ps, i) -> dialect.bindKeyset(ps, i, at, id));
        return fillers();
    }

    /** Placeholders for the keyset parameters that the first binder bound. */
    private Query fillers() {
        int more = dialect.family() == Dialect.Family.POSTGRESQL ? 1 : 2;
        for (int k = 0; k < more; k++) {
            parameters.add((ps, i) -> { });
        }
        return this;
    }

    /** The SQL, for tests. */
    String sql() {
        return sql.toString();
    }

    /** Prepares the statement and binds every parameter. */
    PreparedStatement prepare(Connection connection) throws SQLException {
        return prepare(connection, "");
    }

    /** Prepares the statement behind {@code prefix} ({@code "EXPLAIN "}) and binds every parameter. */
    PreparedStatement prepare(Connection connection, String prefix) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(prefix + sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                parameters.get(i).bind(ps, i + 1);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    static boolean isWholeMicros(Instant instant) {
        return instant.getNano() % 1000 == 0;
    }

    /** {@code instant} rounded up to a whole microsecond. */
    static Instant ceilMicros(Instant instant) {
        if (instant.isAfter(Timestamps.MAX)) {
            return instant;
        }
        Instant down = instant.truncatedTo(ChronoUnit.MICROS);
        return down.equals(instant) ? instant : down.plus(1, ChronoUnit.MICROS);
    }
}
