package io.crmkit.benchmarks;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.benchmarks.jpa.Jpa;
import io.crmkit.benchmarks.jpa.JpaTouchpoint;
import io.crmkit.benchmarks.support.BenchDatabase;
import io.crmkit.benchmarks.support.CrmkitSetup;
import io.crmkit.benchmarks.support.RawTouchpoints;
import io.crmkit.benchmarks.support.TouchpointRows;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.IdGenerator;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 1, touchpoint ingest: the same {@code touchpoints} rows for {@code customers} customers written in chunks
 * of {@value CrmkitSetup#CHUNK}, one transaction per chunk, into empty tables (truncated before every iteration),
 * by
 * <ul>
 *   <li>{@link #crmkit}: {@code Touchpoints.recordAll} of crmkit's public API on {@code JdbcCrmStorage} (batch size
 *       1,000): input validation, the customer check, one multi-row insert per chunk that skips duplicates
 *       (PostgreSQL: {@code INSERT ... SELECT ... FROM unnest(...)}, plain in a savepoint, {@code ON CONFLICT DO
 *       NOTHING} after a duplicate; H2: a batch of guarded inserts), the per-customer activity upsert;</li>
 *   <li>{@link #rawJdbc}: a plain JDBC batch of single-row INSERTs per chunk into an equivalent table (same columns,
 *       keys and indexes): the physical limit of the JDBC path;</li>
 *   <li>{@link #jpa}: the same rows as JPA entities, {@code persist}ed with Hibernate ORM 7 (see {@link Jpa}) into
 *       another equivalent table, one EntityManager and transaction per chunk.</li>
 * </ul>
 * One operation is the whole ingest (single shot); rows per second = touchpoints / time.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IngestBenchmark {

    static final long SEED = 20261123L;
    static final String RAW_TABLE = "bench_raw_touchpoint";

    /** The rows, generated once per fork. */
    @State(Scope.Benchmark)
    public static class Data {
        @Param({"h2"})
        public String database;
        @Param({"100000"})
        public int touchpoints;
        @Param({"1000"})
        public int customers;

        List<TouchpointRows.Row> rows;

        @Setup(Level.Trial)
        public void generate() {
            rows = TouchpointRows.spread(touchpoints, customers, SEED);
        }

        BenchDatabase.Kind kind() {
            return BenchDatabase.Kind.of(database);
        }
    }

    /** crmkit on its JDBC storage, with the customers registered. */
    @State(Scope.Benchmark)
    public static class CrmkitSide {
        BenchDatabase db;
        JdbcCrmStorage storage;
        TenantScope shop;
        CustomerId[] customers;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            db = BenchDatabase.create(data.kind(), "ingest_crmkit");
            storage = CrmkitSetup.jdbcStorage(db);
            Crm crm = CrmkitSetup.crm(storage);
            shop = CrmkitSetup.tenant(crm);
            customers = CrmkitSetup.registerCustomers(crm, data.customers);
        }

        @Setup(Level.Iteration)
        public void empty() {
            db.execute("TRUNCATE TABLE " + storage.tableName("touchpoint"),
                    "TRUNCATE TABLE " + storage.tableName("customer_activity"));
        }

        @TearDown(Level.Iteration)
        public void check(Data data) {
            requireCount(db, storage.tableName("touchpoint"), data.touchpoints);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    /** Plain JDBC on an equivalent table. */
    @State(Scope.Benchmark)
    public static class RawSide {
        BenchDatabase db;
        UUID[] customers;
        IdGenerator ids;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            db = BenchDatabase.create(data.kind(), "ingest_raw");
            RawTouchpoints.create(db, RAW_TABLE);
            customers = CrmkitSetup.plainIds(data.customers);
            ids = IdGenerator.uuidV7(Clock.systemUTC());
        }

        @Setup(Level.Iteration)
        public void empty() {
            db.execute("TRUNCATE TABLE " + RAW_TABLE);
        }

        @TearDown(Level.Iteration)
        public void check(Data data) {
            requireCount(db, RAW_TABLE, data.touchpoints);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
        }
    }

    /** Hibernate ORM on another equivalent table. */
    @State(Scope.Benchmark)
    public static class JpaSide {
        BenchDatabase db;
        EntityManagerFactory emf;
        UUID[] customers;
        IdGenerator ids;

        @Setup(Level.Trial)
        public void setUp(Data data) {
            db = BenchDatabase.create(data.kind(), "ingest_jpa");
            RawTouchpoints.create(db, JpaTouchpoint.TABLE);
            emf = Jpa.entityManagerFactory(db, CrmkitSetup.CHUNK, JpaTouchpoint.class);
            customers = CrmkitSetup.plainIds(data.customers);
            ids = IdGenerator.uuidV7(Clock.systemUTC());
        }

        @Setup(Level.Iteration)
        public void empty() {
            db.execute("TRUNCATE TABLE " + JpaTouchpoint.TABLE);
        }

        @TearDown(Level.Iteration)
        public void check(Data data) {
            requireCount(db, JpaTouchpoint.TABLE, data.touchpoints);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            emf.close();
            db.close();
        }
    }

    @Benchmark
    public int crmkit(Data data, CrmkitSide side) {
        return CrmkitSetup.recordAll(side.shop, data.rows, side.customers);
    }

    @Benchmark
    public int rawJdbc(Data data, RawSide side) throws SQLException {
        return rawIngest(data.rows, side.db, side.customers, side.ids);
    }

    @Benchmark
    public int jpa(Data data, JpaSide side) {
        return jpaIngest(data.rows, side.emf, side.customers, side.ids);
    }

    /** The raw side's work: one connection, transaction and JDBC batch per chunk. */
    static int rawIngest(List<TouchpointRows.Row> rows, BenchDatabase db, UUID[] customers, IdGenerator ids)
            throws SQLException {
        String insert = RawTouchpoints.insert(RAW_TABLE);
        int stored = 0;
        for (int from = 0; from < rows.size(); from += CrmkitSetup.CHUNK) {
            List<TouchpointRows.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CrmkitSetup.CHUNK));
            OffsetDateTime now = Instant.now().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            try (Connection c = db.dataSource().getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    for (TouchpointRows.Row row : chunk) {
                        RawTouchpoints.bind(ps, CrmkitSetup.TENANT, ids.next(), customers[row.customer()], row, now);
                        ps.addBatch();
                    }
                    stored += ps.executeBatch().length;
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
        return stored;
    }

    /** The JPA side's work: one EntityManager and transaction per chunk. */
    static int jpaIngest(List<TouchpointRows.Row> rows, EntityManagerFactory emf, UUID[] customers, IdGenerator ids) {
        int stored = 0;
        for (int from = 0; from < rows.size(); from += CrmkitSetup.CHUNK) {
            List<TouchpointRows.Row> chunk = rows.subList(from, Math.min(rows.size(), from + CrmkitSetup.CHUNK));
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                for (TouchpointRows.Row row : chunk) {
                    em.persist(new JpaTouchpoint(ids.next(), CrmkitSetup.TENANT, customers[row.customer()], row, now));
                }
                em.getTransaction().commit();
                stored += chunk.size();
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
        }
        return stored;
    }

    static void requireCount(BenchDatabase db, String table, int expected) {
        String count = db.queryText("SELECT COUNT(*) FROM " + table);
        if (!String.valueOf(expected).equals(count)) {
            throw new IllegalStateException(table + " holds " + count + " rows after the ingest, not " + expected);
        }
    }
}
