package io.crmkit.examples.leads;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.lead.BantChecklist;
import io.crmkit.lead.BantItem;
import io.crmkit.lead.CaptureOutcome;
import io.crmkit.lead.Condition;
import io.crmkit.lead.ConversionDeal;
import io.crmkit.lead.ConversionRequest;
import io.crmkit.lead.ConversionResult;
import io.crmkit.lead.EngagementRule;
import io.crmkit.lead.FitRule;
import io.crmkit.lead.Lead;
import io.crmkit.lead.LeadAssignmentStrategy;
import io.crmkit.lead.LeadCapture;
import io.crmkit.lead.LeadChannel;
import io.crmkit.lead.LeadScore;
import io.crmkit.lead.LeadSettings;
import io.crmkit.lead.LeadSource;
import io.crmkit.lead.LeadStatus;
import io.crmkit.lead.MarketingQualificationRule;
import io.crmkit.lead.QualificationLevel;
import io.crmkit.lead.QualificationOutcome;
import io.crmkit.lead.ScoringModel;
import io.crmkit.pipeline.Deal;
import io.crmkit.shared.Money;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.UserId;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("README's leads example")
class ReadmeLeadsTest {

    @Test
    @DisplayName("compiles and does what the README says")
    void leads() {
        // --- the README's leads example, verbatim ---
        Crm crm = Crm.builder()
                .storage(new InMemoryCrmStorage())
                .defaultRegion("GB")
                .leadAssignment(LeadAssignmentStrategy.roundRobin("sales", List.of(UserId.of("alice"), UserId.of("bob"))))
                .leadSettings(LeadSettings.defaults()
                        .withScoring(ScoringModel.of(
                                List.of(new FitRule("director", Condition.contains("jobTitle", "director"), 15),
                                        new FitRule("free mail", Condition.emailDomainIn(Set.of("gmail.com")), -5)),
                                List.of(new EngagementRule("e-mails", Set.of(Channel.EMAIL), null, 10, Duration.ofDays(14), 30))))
                        .withMarketingQualification(MarketingQualificationRule.scoreAtLeast(20)))
                .build();

        // capture: a web form whose webhook is delivered twice
        LeadCapture form = LeadCapture.builder(LeadSource.of(LeadChannel.WEB_FORM).campaign("spring-sale").medium("cpc"))
                .name("Tom", "Baker").jobTitle("Purchasing Director").company("Café Luna").companyDomain("cafe-luna.example")
                .email("Tom@Cafe-Luna.example").phone("07700 900456")
                .sourceRef("webforms", "submission-8812")
                .build();
        Lead tom = crm.leads().capture(form).lead();              // owner alice (round-robin), score 15.00
        crm.leads().capture(form);                                // CaptureOutcome.DUPLICATE_DELIVERY: nothing new

        // score: an e-mail from Tom counts 10 points, halved every 14 days; 25.00 passes the MQL threshold of 20
        crm.touchpoints().record(NewTouchpoint.forLead(tom.id(), Channel.EMAIL, Direction.INBOUND, Instant.now()).build());
        LeadScore score = crm.leads().score(tom.id());            // director 15.00 + e-mails 10.00, each with its facts

        // qualify: a sales user accepts Tom with the BANT checklist (the tenant's policy says which items are required)
        QualificationOutcome sql = crm.leads().acceptAsSalesQualified(tom.id(), UserId.of("alice"), new BantChecklist(
                BantItem.confirmed("£10k approved"), BantItem.confirmed("owns the café"),
                BantItem.confirmed("opening a second café"), BantItem.confirmed("before March")));

        // convert: a person (matched by e-mail or phone, or created), the organisation with "works at", the history moved,
        // and a deal in the default pipeline's first open stage
        crm.pipelines().installDefault();
        ConversionResult converted = crm.leads().convert(tom.id(), ConversionRequest.builder().withOrganisation()
                .deal(ConversionDeal.of(Money.of("1200.00", "GBP"), LocalDate.of(2027, 3, 31))).build());
        // --- end of the leads example ---

        assertThat(tom.owner()).isEqualTo(UserId.of("alice"));
        assertThat(tom.score()).isEqualTo(new BigDecimal("15.00"));
        assertThat(crm.leads().capture(form).outcome()).isEqualTo(CaptureOutcome.DUPLICATE_DELIVERY);
        assertThat(score.total()).isEqualTo(new BigDecimal("25.00"));
        assertThat(score.contributions()).hasSize(2);
        assertThat(sql.isRefused()).isFalse();
        assertThat(sql.lead().qualification()).isEqualTo(QualificationLevel.SALES_QUALIFIED);
        Customer customer = crm.customers().get(converted.customerId());
        assertThat(customer.displayName()).isEqualTo("Tom Baker");
        assertThat(customer.lifecycleStage()).isEqualTo(LifecycleStage.OPPORTUNITY);
        Deal deal = crm.deals().get(converted.dealId().orElseThrow());
        assertThat(deal.sourceLeadId()).isEqualTo(tom.id());
        assertThat(deal.campaign()).isEqualTo("spring-sale");
        assertThat(deal.owner()).isEqualTo(UserId.of("alice"));
        assertThat(crm.customers().get(converted.organisationId().orElseThrow()).displayName()).isEqualTo("Café Luna");
        assertThat(crm.touchpoints().timeline(customer.id(), PageRequest.first(10)).items()).hasSize(1);
        assertThat(crm.leads().get(tom.id()).status()).isEqualTo(LeadStatus.CONVERTED);
    }

    @Test
    @DisplayName("is the code that README.md shows")
    void readmeShowsThisCode() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("## Leads");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        String test = normalise(Files.readString(Path.of("src/test/java/io/crmkit/examples/leads/ReadmeLeadsTest.java")));

        assertThat(section).isPositive();
        Arrays.stream(block.split("\n")).map(String::strip).filter(line -> !line.isEmpty())
                .forEach(line -> assertThat(test).as("README line in this test").contains(line));
    }

    private static String normalise(String source) {
        return Arrays.stream(source.split("\n")).map(String::strip).reduce("", (a, b) -> a + b + "\n");
    }
}
