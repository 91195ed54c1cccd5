package io.crmkit.benchmarks;

import io.crmkit.Crm;
import io.crmkit.TenantScope;
import io.crmkit.benchmarks.support.CrmkitSetup;
import io.crmkit.benchmarks.support.Deals;
import io.crmkit.benchmarks.support.TouchpointRows;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSummary;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.RecordResult;
import io.crmkit.touchpoint.Touchpoint;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Scenario 4, the in-memory reference adapter through crmkit's public API: operations per second, and with JMH's
 * gc profiler the bytes allocated per operation.
 * <ul>
 *   <li>{@link #recordTouchpoint}: {@code Touchpoints.record} of one new touchpoint (validation, customer check,
 *       idempotency key, activity, event), into a storage that is emptied before every iteration;</li>
 *   <li>{@link #timelinePageAtDepth}: a page of {@code pageSize} after {@code depth} pages of a customer with
 *       {@code hotTouchpoints} touchpoints among {@code touchpoints};</li>
 *   <li>{@link #pipelineSummary}: {@code Deals.summary} of a pipeline of 8 stages holding {@code deals} deals.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx4g", "-Dorg.jboss.logging.provider=slf4j"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InMemoryBenchmark {

    /** A fresh in-memory crmkit with a hundred customers, per iteration. */
    @State(Scope.Thread)
    public static class Recording {
        TenantScope shop;
        CustomerId[] customers;
        long next;

        @Setup(Level.Iteration)
        public void fresh() {
            Crm crm = CrmkitSetup.crm(new InMemoryCrmStorage());
            shop = CrmkitSetup.tenant(crm);
            customers = CrmkitSetup.registerCustomers(crm, 100);
            next = 0;
        }
    }

    /** A customer's long timeline, in memory. */
    @State(Scope.Benchmark)
    public static class Timeline {
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

        TenantScope shop;
        CustomerId hot;
        PageRequest atDepth;

        @Setup(Level.Trial)
        public void load() {
            Crm crm = CrmkitSetup.crm(new InMemoryCrmStorage());
            shop = CrmkitSetup.tenant(crm);
            CustomerId[] ids = CrmkitSetup.registerCustomers(crm, customers);
            List<TouchpointRows.Row> rows = TouchpointRows.withHotCustomer(touchpoints, hotTouchpoints, customers,
                    TimelineBenchmark.SEED);
            CrmkitSetup.recordAll(shop, rows, ids);
            hot = ids[0];
            PageRequest request = PageRequest.first(pageSize);
            for (int page = 0; page < depth; page++) {
                request = shop.touchpoints().timeline(hot, request).nextRequest().orElseThrow();
            }
            atDepth = request;
        }
    }

    /** A pipeline with many deals, in memory. */
    @State(Scope.Benchmark)
    public static class Summary {
        @Param({"100000"})
        public int deals;
        @Param({"1000"})
        public int customers;

        TenantScope shop;
        Pipeline pipeline;

        @Setup(Level.Trial)
        public void load() {
            Crm crm = CrmkitSetup.crm(new InMemoryCrmStorage());
            shop = CrmkitSetup.tenant(crm);
            CustomerId[] ids = CrmkitSetup.registerCustomers(crm, customers);
            pipeline = shop.pipelines().define(Deals.pipeline());
            Deals.insertAll(crm.storage(), pipeline, Deals.rows(deals, customers, Deals.SEED), ids);
        }
    }

    @Benchmark
    public RecordResult recordTouchpoint(Recording s) {
        long k = s.next++;
        return s.shop.touchpoints().record(NewTouchpoint.builder(s.customers[(int) (k % s.customers.length)],
                        Channel.WEB_VISIT, Direction.INBOUND, TouchpointRows.END.minusSeconds(k))
                .subject("Visited /candles/scented")
                .source("shop", "visit-" + k)
                .build());
    }

    @Benchmark
    public Page<Touchpoint> timelinePageAtDepth(Timeline s) {
        return s.shop.touchpoints().timeline(s.hot, s.atDepth);
    }

    @Benchmark
    public PipelineSummary pipelineSummary(Summary s) {
        return s.shop.deals().summary(s.pipeline.id());
    }
}
