package io.crmkit.benchmarks;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.benchmarks.jpa.CrmDealRow;
import io.crmkit.benchmarks.jpa.Jpa;
import io.crmkit.benchmarks.support.BenchDatabase;
import io.crmkit.benchmarks.support.CrmkitSetup;
import io.crmkit.benchmarks.support.Datasets;
import io.crmkit.benchmarks.support.Deals;
import io.crmkit.jdbc.JdbcCrmStorage;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSummary;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.PipelineId;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Scenario 3, pipeline summary: {@code deals} deals of {@code customers} customers in one pipeline of 8 stages (see
 * {@link Deals}), stored by crmkit's JDBC adapter. Per stage and currency: the number of deals, their amount and
 * their weighted amount, computed by
 * <ul>
 *   <li>{@link #crmkitSummary}: {@code Deals.summary(pipeline)} of crmkit's public API;</li>
 *   <li>{@link #rawGroupBy}: one hand-written {@code GROUP BY stage_id, currency} over crmkit's deal table;</li>
 *   <li>{@link #jpaLoadAndAggregate}: the pipeline's deals loaded as JPA entities (read-only) and added up in Java,
 *       the weighted amount computed per deal as crmkit defines it.</li>
 * </ul>
 * Reported: the median time per summary (sample mode).
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PipelineSummaryBenchmark {

    /** The data set, loaded once per harness run on PostgreSQL, once per fork on H2. */
    @State(Scope.Benchmark)
    public static class Summary {
        @Param({"h2"})
        public String database;
        @Param({"100000"})
        public int deals;
        @Param({"1000"})
        public int customers;

        Datasets.Loaded data;
        TenantScope shop;
        PipelineId pipeline;
        String table;

        @Setup(Level.Trial)
        public void load() {
            data = Datasets.open(BenchDatabase.Kind.of(database), "summary_" + deals + "_" + customers, db -> {
                JdbcCrmStorage storage = CrmkitSetup.jdbcStorage(db);
                Crm crm = CrmkitSetup.crm(storage);
                CustomerId[] ids = CrmkitSetup.registerCustomers(crm, customers);
                Pipeline defined = CrmkitSetup.tenant(crm).pipelines().define(Deals.pipeline());
                Deals.insertAll(storage, defined, Deals.rows(deals, customers, Deals.SEED), ids);
                return Map.of("pipeline", defined.id().value().toString());
            });
            JdbcCrmStorage storage = CrmkitSetup.jdbcStorage(data.db());
            shop = CrmkitSetup.tenant(CrmkitSetup.crm(storage));
            pipeline = new PipelineId(UUID.fromString(data.fact("pipeline")));
            table = storage.tableName("deal");
        }

        @TearDown(Level.Trial)
        public void close() {
            data.db().close();
        }
    }

    /** Hibernate on crmkit's deal table. */
    @State(Scope.Benchmark)
    public static class JpaSide {
        EntityManagerFactory emf;

        @Setup(Level.Trial)
        public void start(Summary s) {
            emf = Jpa.entityManagerFactory(s.data.db(), CrmkitSetup.CHUNK, CrmDealRow.class);
        }

        @TearDown(Level.Trial)
        public void stop() {
            emf.close();
        }
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** A running sum of the JPA side. */
    private static final class Sum {
        long count;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;
    }

    /** One line of a summary computed outside crmkit. */
    public record Total(UUID stage, String currency, long count, BigDecimal amount, BigDecimal weightedAmount) {
    }

    @Benchmark
    public PipelineSummary crmkitSummary(Summary s) {
        return s.shop.deals().summary(s.pipeline);
    }

    @Benchmark
    public List<Total> rawGroupBy(Summary s) throws SQLException {
        try (Connection c = s.data.db().dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT stage_id, currency, COUNT(*), SUM(amount),"
                     + " SUM(weighted_amount) FROM " + s.table + " WHERE tenant_id = ? AND pipeline_id = ?"
                     + " GROUP BY stage_id, currency")) {
            ps.setString(1, CrmkitSetup.TENANT);
            ps.setObject(2, s.pipeline.value());
            List<Total> totals = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    totals.add(new Total(rs.getObject(1, UUID.class), rs.getString(2).trim(), rs.getLong(3),
                            rs.getBigDecimal(4), rs.getBigDecimal(5)));
                }
            }
            return totals;
        }
    }

    @Benchmark
    public List<Total> jpaLoadAndAggregate(Summary s, JpaSide jpa) {
        EntityManager em = jpa.emf.createEntityManager();
        try {
            List<CrmDealRow> deals = em.createQuery("select d from CrmDealRow d where d.tenantId = :tenant"
                            + " and d.pipelineId = :pipeline", CrmDealRow.class)
                    .setParameter("tenant", CrmkitSetup.TENANT)
                    .setParameter("pipeline", s.pipeline.value())
                    .setHint("org.hibernate.readOnly", true)
                    .getResultList();
            Map<List<Object>, Sum> sums = new HashMap<>();
            for (CrmDealRow deal : deals) {
                String currency = deal.getCurrency().trim();
                int scale = Currency.getInstance(currency).getDefaultFractionDigits();
                BigDecimal amount = deal.getAmount().setScale(scale, RoundingMode.UNNECESSARY);
                BigDecimal weighted = amount.multiply(BigDecimal.valueOf(deal.getProbability()))
                        .divide(HUNDRED, scale, RoundingMode.HALF_EVEN);
                Sum sum = sums.computeIfAbsent(List.of(deal.getStageId(), currency), k -> new Sum());
                sum.count++;
                sum.amount = sum.amount.add(amount);
                sum.weighted = sum.weighted.add(weighted);
            }
            List<Total> totals = new ArrayList<>(sums.size());
            sums.forEach((key, sum) -> totals.add(new Total((UUID) key.get(0), (String) key.get(1), sum.count,
                    sum.amount, sum.weighted)));
            return totals;
        } finally {
            em.close();
        }
    }

    /** Empty if crmkit's JDBC storage stores deals, else why this scenario cannot run. */
    public static Optional<String> unavailable() {
        try (BenchDatabase db = BenchDatabase.create(BenchDatabase.Kind.H2, "probe")) {
            CrmkitSetup.jdbcStorage(db).deals();
            return Optional.empty();
        } catch (UnsupportedOperationException e) {
            return Optional.of("crmkit's JDBC storage does not store deals yet (" + e.getMessage() + "); it runs as "
                    + "soon as crm-persistence-jdbc implements DealStore");
        }
    }
}
