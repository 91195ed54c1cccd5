package io.crmkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmkit.Crm;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineDefinition;
import io.crmkit.pipeline.StageDefinition;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.Money;
import io.crmkit.shared.UserId;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The pipeline board over HTTP: a wholesale pipeline with three deals in two currencies, and the board's figures per
 * stage and currency.
 */
final class PipelineBoardScenario {

    private PipelineBoardScenario() {
    }

    static void run(Crm crm, Http http) {
        UserId alice = UserId.of("alice");
        Pipeline wholesale = crm.pipelines().define(PipelineDefinition.named("Wholesale " + UUID.randomUUID())
                .stage(StageDefinition.open("Enquiry", 20))
                .stage(StageDefinition.open("Proposal", 60))
                .stage(StageDefinition.won("Won"))
                .stage(StageDefinition.lost("Lost"))
                .build());
        CustomerId cafe = crm.customers().register(CustomerRegistration.organisation("Café Lumen").build()).id();
        CustomerId bakery = crm.customers().register(CustomerRegistration.organisation("Crumb & Co").build()).id();
        LocalDate close = LocalDate.of(2026, 12, 15);
        open(crm, wholesale, cafe, "Café candles", alice, Money.of("1000.00", "EUR"), close);
        open(crm, wholesale, bakery, "Bakery tea lights", alice, Money.of("500.00", "EUR"), close);
        Deal proposal = open(crm, wholesale, cafe, "Café diffusers", alice, Money.of("300.00", "GBP"), close);
        crm.deals().moveStage(proposal.id(), proposal.version(), wholesale.stages().get(1).id(), alice);

        Http.Response response = http.get("/pipelines/" + wholesale.id() + "/board?deals=1");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode board = response.json();
        assertThat(board.get("name").asText()).isEqualTo(wholesale.name());
        JsonNode enquiry = column(board, "Enquiry");
        assertThat(enquiry.get("count").asLong()).isEqualTo(2);
        assertThat(enquiry.at("/totals/0/currency").asText()).isEqualTo("EUR");
        assertThat(enquiry.at("/totals/0/amount/amount").asText()).isEqualTo("1500.00");
        assertThat(enquiry.at("/totals/0/weightedAmount/amount").asText()).isEqualTo("300.00");
        assertThat(enquiry.get("deals")).hasSize(1);
        assertThat(enquiry.get("moreDeals").asBoolean()).isTrue();
        JsonNode proposals = column(board, "Proposal");
        assertThat(proposals.get("count").asLong()).isEqualTo(1);
        assertThat(proposals.at("/totals/0/amount").toString()).isEqualTo("{\"amount\":\"300.00\",\"currency\":\"GBP\"}");
        assertThat(proposals.at("/totals/0/weightedAmount/amount").asText()).isEqualTo("180.00");
        assertThat(proposals.at("/deals/0/name").asText()).isEqualTo("Café diffusers");
        assertThat(proposals.get("moreDeals").asBoolean()).isFalse();

        assertThat(http.get("/pipelines/" + UUID.randomUUID() + "/board").status()).isEqualTo(404);
    }

    private static Deal open(Crm crm, Pipeline pipeline, CustomerId customer, String name, UserId owner, Money amount,
                             LocalDate close) {
        return crm.deals().open(DealOpening.builder(customer, name, owner, amount, close)
                .pipeline(pipeline.id())
                .build()).deal();
    }

    private static JsonNode column(JsonNode board, String stage) {
        for (JsonNode column : board.get("stages")) {
            if (column.get("name").asText().equals(stage)) {
                return column;
            }
        }
        throw new AssertionError("no column " + stage + " in " + board);
    }
}
