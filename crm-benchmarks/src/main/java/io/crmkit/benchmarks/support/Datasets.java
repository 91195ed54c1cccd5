package io.crmkit.benchmarks.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Read-only data sets that several forks of one harness run share. JMH runs every benchmark method in a JVM of its
 * own; loading a million rows once per fork would cost more than the measurement. When the harness gives its forks
 * a run id (system property {@value #RUN_ID}), a data set lives in the PostgreSQL schema or the H2 file database
 * {@code crmbench_<run id>_<name>} ({@link BenchDatabase#shared}): the first fork loads it, the next ones find it
 * ready, and the harness drops the run's data sets at the end. Without a run id (a benchmark run straight from JMH),
 * every fork loads its own copy of the same generated data (H2 in memory) and drops it afterwards.
 */
public final class Datasets {

    /** The system property that carries the harness's run id to the forks. */
    public static final String RUN_ID = "crmkit.bench.runId";
    private static final String TABLE = "bench_dataset";

    private Datasets() {
    }

    /** A loaded data set: its database, and what its loader wrote down (ids the benchmarks need). */
    public record Loaded(BenchDatabase db, Map<String, String> facts) {
        public String fact(String key) {
            String value = facts.get(key);
            if (value == null) {
                throw new IllegalStateException("data set " + db.name() + " has no fact " + key);
            }
            return value;
        }
    }

    /**
     * The data set {@code name} on a database of {@code kind}: found ready, or loaded by {@code loader} (which gets
     * the empty database and returns the facts to remember).
     */
    public static Loaded open(BenchDatabase.Kind kind, String name, java.util.function.Function<BenchDatabase,
            Map<String, String>> loader) {
        String runId = System.getProperty(RUN_ID);
        BenchDatabase db = runId != null && !runId.isBlank()
                ? BenchDatabase.shared(kind, BenchDatabase.PREFIX + runId + "_" + name)
                : BenchDatabase.create(kind, name);
        try {
            if (db.tableExists(TABLE)) {
                return new Loaded(db, read(db));
            }
            Map<String, String> facts = loader.apply(db);
            db.analyze();
            write(db, facts);
            return new Loaded(db, facts);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Map<String, String> read(BenchDatabase db) {
        Map<String, String> facts = new HashMap<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT fact, fact_value FROM " + TABLE);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                facts.put(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read " + TABLE + ": " + e.getMessage(), e);
        }
        return facts;
    }

    private static void write(BenchDatabase db, Map<String, String> facts) {
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement create = c.prepareStatement("CREATE TABLE " + TABLE
                    + " (fact varchar(100) PRIMARY KEY, fact_value varchar(1000) NOT NULL)")) {
                create.execute();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (?, ?)")) {
                for (Map.Entry<String, String> fact : facts.entrySet()) {
                    ps.setString(1, fact.getKey());
                    ps.setString(2, fact.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + TABLE + ": " + e.getMessage(), e);
        }
    }
}
