package io.crmkit.benchmarks;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.benchmarks.jpa.CrmTouchpointRow;
import io.crmkit.benchmarks.jpa.Jpa;
import io.crmkit.benchmarks.support.BenchDatabase;
import io.crmkit.benchmarks.support.CrmkitSetup;
import io.crmkit.benchmarks.support.Datasets;
import io.crmkit.benchmarks.support.RawTouchpoints;
import io.crmkit.benchmarks.support.TouchpointRows;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Touchpoint;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
 * Scenario 2, timeline paging: one customer with {@code hotTouchpoints} touchpoints among {@code touchpoints}
 * (spread over {@code customers} customers), all in crmkit's table, written by crmkit. Pages of {@code pageSize}
 * touchpoints, newest first: the first page, and the page after {@code depth} pages (rows depth × pageSize + 1
 * onwards), read by
 * <ul>
 *   <li>crmkit: {@code Touchpoints.timeline} with the cursor of the page before (keyset);</li>
 *   <li>raw SQL keyset: a hand-written query along the timeline index from the last row of the page before;</li>
 *   <li>JPA OFFSET: a JPQL query over crmkit's table mapped as an entity, {@code setFirstResult(depth × pageSize)}
 *       and {@code setMaxResults(pageSize)}, as Spring Data's {@code Pageable} does (without its count query).</li>
 * </ul>
 * Every side reads the same rows and maps them to objects. Reported: the median time per page (sample mode).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class TimelineBenchmark {

    static final long SEED = 20261124L;

    /** The data set, loaded once per harness run on PostgreSQL, once per fork on H2. */
    @State(Scope.Benchmark)
    public static class Timeline {
        @Param({"h2"})
        public String database;
        @Param({"100000"})
        public int touchpoints;
        @Param({"25000"})
        public int hotTouchpoints;
        @Param({"1000"})
        public int customers;
        @Param({"20"})
        public int pageSize;
        @Param({"1000"})
        public int depth;

        Datasets.Loaded data;
        JdbcCrmStorage storage;
        TenantScope shop;
        CustomerId hot;
        String table;

        @Setup(Level.Trial)
        public void load() {
            String name = "timeline_" + touchpoints + "_" + hotTouchpoints + "_" + customers;
            data = Datasets.open(BenchDatabase.Kind.of(database), name, db -> {
                Crm crm = CrmkitSetup.crm(CrmkitSetup.jdbcStorage(db));
                CustomerId[] ids = CrmkitSetup.registerCustomers(crm, customers);
                List<TouchpointRows.Row> rows = TouchpointRows.withHotCustomer(touchpoints, hotTouchpoints,
                        customers, SEED);
                CrmkitSetup.recordAll(CrmkitSetup.tenant(crm), rows, ids);
                return Map.of("hot", ids[0].value().toString());
            });
            storage = CrmkitSetup.jdbcStorage(data.db());
            shop = CrmkitSetup.tenant(CrmkitSetup.crm(storage));
            hot = new CustomerId(UUID.fromString(data.fact("hot")));
            table = storage.tableName("touchpoint");
            if ((long) (depth + 1) * pageSize > hotTouchpoints) {
                throw new IllegalStateException("the hot customer has too few touchpoints for a page at depth " + depth);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            data.db().close();
        }
    }

    /** crmkit's page requests: the first, and the one at depth (its cursor found by paging there once). */
    @State(Scope.Benchmark)
    public static class CrmkitPages {
        PageRequest first;
        PageRequest atDepth;

        @Setup(Level.Trial)
        public void findCursor(Timeline t) {
            first = PageRequest.first(t.pageSize);
            PageRequest request = first;
            for (int page = 0; page < t.depth; page++) {
                request = t.shop.touchpoints().timeline(t.hot, request).nextRequest().orElseThrow();
            }
            atDepth = request;
        }
    }

    /** The raw side's position at depth: the last row of the page before, found by paging there once. */
    @State(Scope.Benchmark)
    public static class RawPages {
        Instant afterAt;
        UUID afterId;

        @Setup(Level.Trial)
        public void findPosition(Timeline t) throws SQLException {
            try (Connection c = t.data.db().dataSource().getConnection()) {
                for (int page = 0; page < t.depth; page++) {
                    List<RawTouchpoints.Read> rows = RawTouchpoints.page(c, t.data.db().kind(), t.table,
                            CrmkitSetup.TENANT, t.hot.value(), afterAt, afterId, t.pageSize);
                    RawTouchpoints.Read last = rows.get(rows.size() - 1);
                    afterAt = last.occurredAt();
                    afterId = last.id();
                }
            }
        }
    }

    /** Hibernate on crmkit's touchpoint table. */
    @State(Scope.Benchmark)
    public static class JpaPages {
        EntityManagerFactory emf;

        @Setup(Level.Trial)
        public void start(Timeline t) {
            emf = Jpa.entityManagerFactory(t.data.db(), CrmkitSetup.CHUNK, CrmTouchpointRow.class);
        }

        @TearDown(Level.Trial)
        public void stop() {
            emf.close();
        }
    }

    @Benchmark
    public Page<Touchpoint> crmkitFirstPage(Timeline t, CrmkitPages pages) {
        return t.shop.touchpoints().timeline(t.hot, pages.first);
    }

    @Benchmark
    public Page<Touchpoint> crmkitPageAtDepth(Timeline t, CrmkitPages pages) {
        return t.shop.touchpoints().timeline(t.hot, pages.atDepth);
    }

    @Benchmark
    public List<RawTouchpoints.Read> rawKeysetFirstPage(Timeline t) throws SQLException {
        return rawPage(t, null, null);
    }

    @Benchmark
    public List<RawTouchpoints.Read> rawKeysetPageAtDepth(Timeline t, RawPages pages) throws SQLException {
        return rawPage(t, pages.afterAt, pages.afterId);
    }

    @Benchmark
    public List<CrmTouchpointRow> jpaOffsetFirstPage(Timeline t, JpaPages jpa) {
        return jpaPage(jpa.emf, t, 0);
    }

    @Benchmark
    public List<CrmTouchpointRow> jpaOffsetPageAtDepth(Timeline t, JpaPages jpa) {
        return jpaPage(jpa.emf, t, t.depth * t.pageSize);
    }

    static List<RawTouchpoints.Read> rawPage(Timeline t, Instant afterAt, UUID afterId) throws SQLException {
        try (Connection c = t.data.db().dataSource().getConnection()) {
            return RawTouchpoints.page(c, t.data.db().kind(), t.table, CrmkitSetup.TENANT, t.hot.value(), afterAt,
                    afterId, t.pageSize);
        }
    }

    /** A Spring-Data-style page: the derived query's JPQL with an offset and a limit, in a fresh EntityManager. */
    static List<CrmTouchpointRow> jpaPage(EntityManagerFactory emf, Timeline t, int offset) {
        EntityManager em = emf.createEntityManager();
        try {
            return em.createQuery("select t from CrmTouchpointRow t where t.tenantId = :tenant"
                            + " and t.customerId = :customer order by t.occurredAt desc, t.id desc",
                            CrmTouchpointRow.class)
                    .setParameter("tenant", CrmkitSetup.TENANT)
                    .setParameter("customer", t.hot.value())
                    .setFirstResult(offset)
                    .setMaxResults(t.pageSize)
                    .getResultList();
        } finally {
            em.close();
        }
    }
}
