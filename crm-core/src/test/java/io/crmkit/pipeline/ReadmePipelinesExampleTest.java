package io.crmkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.Money;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.UserId;
import io.crmkit.task.Task;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README's "Pipelines and deals" block, verbatim between the markers, and what its comments claim. */
class ReadmePipelinesExampleTest {

    @Test
    @DisplayName("the README's pipelines and deals example runs and does what its comments say")
    void readmeExample() {
        Crm crm = Crm.builder().storage(new InMemoryCrmStorage()).build();
        Customer sarah = crm.customers().register(CustomerRegistration.person("Sarah", "Miller").build());

        // --- README block starts
        Pipeline sales = crm.pipelines().installDefault();   // Initial contact 10 % → Demo scheduled 25 % → Proposal sent 50 %
        Stage proposal = sales.stages().get(2);              //   → Negotiation 75 % → Won 100 % / Lost 0 %
        UserId alice = UserId.of("alice");

        Deal deal = crm.deals().open(DealOpening.builder(sarah.id(), "Wedding candles", alice,
                        Money.of("1200.00", "EUR"), LocalDate.of(2026, 12, 15))
                .campaign("christmas-fair")
                .build()).deal();                            // Sarah's lifecycle stage moves forward to OPPORTUNITY

        deal = crm.deals().moveStage(deal.id(), deal.version(), proposal.id(), alice);
        deal.probability();                                  // 50, the stage's default
        deal.weightedAmount();                               // 600.00 EUR
        crm.tasks().openTasks(alice, PageRequest.first());   // "Follow up on proposal", due in 3 days: the stage's follow-up

        deal = crm.deals().overrideProbability(deal.id(), deal.version(), 65, alice);   // until the deal changes stage
        DealOutcome won = crm.deals().win(deal.id(), deal.version(), alice);            // Sarah becomes a CUSTOMER

        Page<DealHistoryEntry> history = crm.deals().history(deal.id(), PageRequest.first(20));   // newest first
        PipelineSummary board = crm.deals().summary(sales.id());   // per stage: count, amount, weighted amount per currency
        Page<Deal> stalled = crm.deals().stalled(sales.id(), StalledThresholds.days(14), PageRequest.first());
        // --- README block ends

        assertThat(proposal.name()).isEqualTo("Proposal sent");
        assertThat(deal.probability()).isEqualTo(65);
        assertThat(deal.weightedAmount()).isEqualTo(Money.of("780.00", "EUR"));
        assertThat(crm.tasks().openTasks(alice, PageRequest.first()).items()).extracting(Task::subject)
                .containsExactly("Follow up on proposal");
        assertThat(won.deal().status()).isEqualTo(DealStatus.WON);
        assertThat(crm.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        assertThat(history.items()).extracting(DealHistoryEntry::kind).containsExactly(DealChangeKind.WON,
                DealChangeKind.PROBABILITY_CHANGED, DealChangeKind.STAGE_CHANGED, DealChangeKind.OPENED);
        assertThat(board.totals(StageKind.WON).byCurrency()).singleElement()
                .satisfies(t -> assertThat(t.amount()).isEqualTo(Money.of("1200.00", "EUR")));
        assertThat(stalled.items()).isEmpty();
    }

    @Test
    @DisplayName("the README's block is the one in this test")
    void sameBlock() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String self = java.nio.file.Files.readString(java.nio.file.Path.of("src", "test", "java", "io", "crmkit",
                "pipeline", "ReadmePipelinesExampleTest.java"));
        String section = readme.substring(readme.indexOf("## Pipelines and deals"));
        int start = section.indexOf("```java") + "```java".length();
        String block = section.substring(start, section.indexOf("```", start)).strip();
        String code = self.substring(self.indexOf("// --- README block starts") + 26,
                self.indexOf("        // --- README block ends")).strip();
        assertThat(normalise(code)).isEqualTo(normalise(block));
    }

    private static String normalise(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce("", (a, b) -> a + b + "\n");
    }
}
