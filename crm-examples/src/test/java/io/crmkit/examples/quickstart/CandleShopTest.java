package io.crmkit.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.pipeline.StageSummary;
import io.crmkit.shared.Money;
import io.crmkit.touchpoint.Channel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The candle shop quick start, on an embedded H2 database file")
class CandleShopTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private CandleShop.Summary runShop() {
        printed.reset();
        return CandleShop.run(directory.resolve("crm"), new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    /** The board's figures without its ids, which are new in every run. */
    private static List<String> figures(io.crmkit.pipeline.PipelineSummary board) {
        return board.stages().stream().map(s -> s.stage().name() + " " + s.totals().count() + " "
                + s.totals().byCurrency().stream().map(t -> t.amount() + "/" + t.weightedAmount()).toList()).toList();
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("records the history once and recognises the re-delivered webhook")
    void ingestsIdempotently() {
        CandleShop.Summary summary = runShop();

        assertThat(summary.recorded()).isEqualTo(226);
        assertThat(summary.duplicates()).isEqualTo(1);
        assertThat(summary.sarah().totalCount()).isEqualTo(57);
        assertThat(summary.sarah().count(Channel.PURCHASE)).isEqualTo(28);
        assertThat(output())
                .contains("The database is new")
                .contains("recorded 226 touchpoints in one batch; the re-delivered order webhook was recognised "
                        + "as a duplicate: true")
                .contains("by e-mail sarah.miller@example.com -> Sarah Miller")
                .contains("by phone +44 7700 900123           -> Sarah Miller")
                .contains("Sarah is sister of Emma Miller");
    }

    @Test
    @DisplayName("prints Sarah's timeline newest first, page by page")
    void printsTheTimeline() {
        runShop();

        assertThat(output())
                .contains("2026-11-20 18:30 | EMAIL    | INBOUND   | Do you make unscented candles?")
                .contains("2026-11-15 16:03 | PURCHASE | INBOUND   | order 1028, 26.42 GBP")
                .contains("Sarah in all: 57 touchpoints, 28 of them purchases, the last on 2026-11-15 16:03");
        assertThat(output().indexOf("page 1")).isLessThan(output().indexOf("page 2"));
        assertThat(output().indexOf("2026-11-02 12:21")).as("newest first").isLessThan(output().indexOf("2026-10-20"));
    }

    @Test
    @DisplayName("prints the lead's score with every rule's contribution, then qualifies and converts the lead")
    void scoresQualifiesAndConverts() {
        CandleShop.Summary summary = runShop();

        assertThat(summary.score().total()).isEqualByComparingTo("61.40");
        assertThat(summary.score().contributions()).extracting(c -> c.rule() + "=" + c.points().toPlainString())
                .containsExactly("owner or buyer=15.00", "has a company=10.00", "came to the webinar=10.00",
                        "e-mails=19.39", "site visits=7.01");
        assertThat(output())
                .contains("e-mails             |  19.39 | 3 touchpoints: 7.61 + 6.90 + 4.88")
                .contains("total               |  61.40 |")
                .contains("Priya Shah: marketing-qualified, then sales-qualified (BANT); converted into customer "
                        + "Priya Shah with organisation Bean There and a wholesale deal; 9 touchpoints moved");
    }

    @Test
    @DisplayName("prints the pipeline board with counts, totals and weighted totals per stage")
    void printsTheBoard() {
        CandleShop.Summary summary = runShop();

        assertThat(summary.board().stages()).extracting(s -> s.stage().name() + ":" + s.totals().count())
                .containsExactly("Enquiry:1", "Samples sent:1", "Quote sent:0", "Won:1", "Lost:1");
        StageSummary samples = summary.board().stages().get(1);
        MoneyTotal gbp = samples.totals().byCurrency().get(0);
        assertThat(gbp.amount()).isEqualTo(Money.of("640.00", "GBP"));
        assertThat(gbp.weightedAmount()).isEqualTo(Money.of("192.00", "GBP"));
        assertThat(output())
                .contains("Samples sent |     1 |  640.00 GBP |  192.00 GBP")
                .contains("Won          |     1 | 1800.00 GBP | 1800.00 GBP")
                .contains("Lost         |     1 |  950.00 GBP |    0.00 GBP")
                .contains("a follow-up task appeared: \"Ask how the samples burned\", due 2026-11-28 09:00 for leo");
    }

    @Test
    @DisplayName("prints the customers who have not bought for 90 days and the tasks due")
    void printsLapsedBuyersAndTasks() {
        CandleShop.Summary summary = runShop();

        assertThat(summary.lapsedBuyers()).containsExactly("Oliver Grant", "Tom Baker");
        assertThat(summary.tasksDue()).containsExactly("Ask how the samples burned");
        assertThat(output())
                .contains("Oliver Grant | 2025-12-18 09:00 |         1")
                .contains("Tom Baker    | 2026-07-26 09:00 |         8")
                .contains("2026-11-28 09:00 | Ask how the samples burned | The Reading Room: gift shelf");
    }

    @Test
    @DisplayName("runs twice on the same file: the second run says it found the first and starts clean")
    void runsTwice() {
        CandleShop.Summary first = runShop();
        String firstOutput = output().replace("The database is new: this run creates crmkit's tables and tells "
                + "the story.", "");

        CandleShop.Summary second = runShop();

        assertThat(output()).contains("The database still holds the shop of an earlier run (8 customers): this run "
                + "starts clean and tells the story again.");
        assertThat(second.recorded()).isEqualTo(first.recorded());
        assertThat(figures(second.board())).isEqualTo(figures(first.board()));
        List<String> secondLines = List.of(output().split("\n"));
        assertThat(secondLines).containsAll(List.of(firstOutput.split("\n")).subList(3, 20));
        assertThat(second.score().total()).isEqualByComparingTo(new BigDecimal("61.40"));
    }
}
