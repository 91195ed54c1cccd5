package io.crmkit.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.crmkit.benchmarks.jpa.CrmTouchpointRow;
import io.crmkit.benchmarks.support.RawTouchpoints;
import io.crmkit.lead.LeadScore;
import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.pipeline.PipelineSummary;
import io.crmkit.pipeline.StageSummary;
import io.crmkit.shared.Page;
import io.crmkit.touchpoint.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The harness's data set-up and one tiny operation of each scenario, on H2 with a few thousand rows: every side runs
 * and the sides agree on what they read. No timing: benchmarks run on demand only (see the module's README).
 */
class ScenariosSmokeTest {

    @Test
    void ingestStoresEveryRowOnEverySide() throws Exception {
        IngestBenchmark.Data data = new IngestBenchmark.Data();
        data.database = "h2";
        data.touchpoints = 2_500;
        data.customers = 50;
        data.generate();
        IngestBenchmark benchmark = new IngestBenchmark();

        IngestBenchmark.CrmkitSide crmkit = new IngestBenchmark.CrmkitSide();
        crmkit.setUp(data);
        try {
            crmkit.empty();
            assertThat(benchmark.crmkit(data, crmkit)).isEqualTo(2_500);
            crmkit.check(data);
            crmkit.empty(); // the next iteration starts empty again
            assertThat(benchmark.crmkit(data, crmkit)).isEqualTo(2_500);
        } finally {
            crmkit.tearDown();
        }

        IngestBenchmark.RawSide raw = new IngestBenchmark.RawSide();
        raw.setUp(data);
        try {
            raw.empty();
            assertThat(benchmark.rawJdbc(data, raw)).isEqualTo(2_500);
            raw.check(data);
        } finally {
            raw.tearDown();
        }

        IngestBenchmark.JpaSide jpa = new IngestBenchmark.JpaSide();
        jpa.setUp(data);
        try {
            jpa.empty();
            assertThat(benchmark.jpa(data, jpa)).isEqualTo(2_500);
            jpa.check(data);
        } finally {
            jpa.tearDown();
        }
    }

    @Test
    void timelineSidesReadTheSamePages() throws Exception {
        TimelineBenchmark.Timeline t = new TimelineBenchmark.Timeline();
        t.database = "h2";
        t.touchpoints = 3_000;
        t.hotTouchpoints = 1_000;
        t.customers = 20;
        t.pageSize = 20;
        t.depth = 10;
        t.load();
        try {
            TimelineBenchmark benchmark = new TimelineBenchmark();
            TimelineBenchmark.CrmkitPages crmkitPages = new TimelineBenchmark.CrmkitPages();
            crmkitPages.findCursor(t);
            TimelineBenchmark.RawPages rawPages = new TimelineBenchmark.RawPages();
            rawPages.findPosition(t);
            TimelineBenchmark.JpaPages jpa = new TimelineBenchmark.JpaPages();
            jpa.start(t);
            try {
                List<UUID> first = crmkitIds(benchmark.crmkitFirstPage(t, crmkitPages));
                assertThat(first).hasSize(20);
                assertThat(rawIds(benchmark.rawKeysetFirstPage(t))).isEqualTo(first);
                assertThat(jpaIds(benchmark.jpaOffsetFirstPage(t, jpa))).isEqualTo(first);

                List<UUID> deep = crmkitIds(benchmark.crmkitPageAtDepth(t, crmkitPages));
                assertThat(deep).hasSize(20).doesNotContainAnyElementsOf(first);
                assertThat(rawIds(benchmark.rawKeysetPageAtDepth(t, rawPages))).isEqualTo(deep);
                assertThat(jpaIds(benchmark.jpaOffsetPageAtDepth(t, jpa))).isEqualTo(deep);
            } finally {
                jpa.stop();
            }
        } finally {
            t.close();
        }
    }

    @Test
    void pipelineSummarySidesAgree() throws Exception {
        assumeTrue(PipelineSummaryBenchmark.unavailable().isEmpty(), () -> PipelineSummaryBenchmark.unavailable().get());
        PipelineSummaryBenchmark.Summary s = new PipelineSummaryBenchmark.Summary();
        s.database = "h2";
        s.deals = 3_000;
        s.customers = 50;
        s.load();
        try {
            PipelineSummaryBenchmark benchmark = new PipelineSummaryBenchmark();
            PipelineSummaryBenchmark.JpaSide jpa = new PipelineSummaryBenchmark.JpaSide();
            jpa.start(s);
            try {
                List<String> crmkit = lines(benchmark.crmkitSummary(s));
                assertThat(crmkit).hasSize(16); // 8 stages × EUR and USD
                assertThat(lines(benchmark.rawGroupBy(s))).containsExactlyInAnyOrderElementsOf(crmkit);
                assertThat(lines(benchmark.jpaLoadAndAggregate(s, jpa))).containsExactlyInAnyOrderElementsOf(crmkit);
            } finally {
                jpa.stop();
            }
        } finally {
            s.close();
        }
    }

    @Test
    void inMemoryOperationsRun() {
        InMemoryBenchmark benchmark = new InMemoryBenchmark();
        InMemoryBenchmark.Recording recording = new InMemoryBenchmark.Recording();
        recording.fresh();
        assertThat(benchmark.recordTouchpoint(recording).duplicate()).isFalse();
        assertThat(benchmark.recordTouchpoint(recording).duplicate()).isFalse();

        InMemoryBenchmark.Timeline timeline = new InMemoryBenchmark.Timeline();
        timeline.touchpoints = 2_000;
        timeline.hotTouchpoints = 500;
        timeline.customers = 20;
        timeline.pageSize = 20;
        timeline.depth = 10;
        timeline.load();
        assertThat(benchmark.timelinePageAtDepth(timeline).items()).hasSize(20);

        InMemoryBenchmark.Summary summary = new InMemoryBenchmark.Summary();
        summary.deals = 2_000;
        summary.customers = 20;
        summary.load();
        PipelineSummary result = benchmark.pipelineSummary(summary);
        assertThat(result.stages()).hasSize(8);
        assertThat(result.stages().stream().mapToLong(stage -> stage.totals().count()).sum()).isEqualTo(2_000);
    }

    @Test
    void leadScoringScores() {
        LeadScoringBenchmark benchmark = new LeadScoringBenchmark();
        LeadScoringBenchmark.Leads leads = new LeadScoringBenchmark.Leads();
        leads.leads = 5;
        leads.load();
        assertThat(leads.model.fitRules().size() + leads.model.engagementRules().size()).isEqualTo(20);
        assertThat(leads.touchpoints).allSatisfy(list -> assertThat(list).hasSize(100));
        LeadScore pure = benchmark.score(leads);
        assertThat(pure.contributions()).isNotEmpty();
        LeadScore stored = benchmark.scoreThroughApi(leads);
        assertThat(stored.contributions()).isNotEmpty();
    }

    private static List<UUID> crmkitIds(Page<Touchpoint> page) {
        return page.items().stream().map(t -> t.id().value()).toList();
    }

    private static List<UUID> rawIds(List<RawTouchpoints.Read> rows) {
        return rows.stream().map(RawTouchpoints.Read::id).toList();
    }

    private static List<UUID> jpaIds(List<CrmTouchpointRow> rows) {
        return rows.stream().map(CrmTouchpointRow::getId).toList();
    }

    private static List<String> lines(PipelineSummary summary) {
        List<String> lines = new ArrayList<>();
        for (StageSummary stage : summary.stages()) {
            for (MoneyTotal total : stage.totals().byCurrency()) {
                lines.add(stage.stage().id().value() + " " + total.currency() + " " + total.count() + " "
                        + total.amount().amount().stripTrailingZeros().toPlainString() + " "
                        + total.weightedAmount().amount().stripTrailingZeros().toPlainString());
            }
        }
        return lines;
    }

    private static List<String> lines(List<PipelineSummaryBenchmark.Total> totals) {
        List<String> lines = new ArrayList<>();
        for (PipelineSummaryBenchmark.Total total : totals) {
            lines.add(total.stage() + " " + total.currency() + " " + total.count() + " "
                    + total.amount().stripTrailingZeros().toPlainString() + " "
                    + total.weightedAmount().stripTrailingZeros().toPlainString());
        }
        return lines;
    }
}
