package io.crmkit.lead;

import static io.crmkit.lead.LeadTestKit.ALICE;
import static io.crmkit.lead.LeadTestKit.webForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Scoring leads in storage")
class RecomputeTest {

    private static final ScoringModel MODEL = ScoringModel.of(
            List.of(new FitRule("director", Condition.contains("jobTitle", "director"), 15)),
            List.of(new EngagementRule("e-mails", Set.of(Channel.EMAIL), null, 10, Duration.ofDays(7), 40)));

    private final FaultyStorage storage = new FaultyStorage();
    private final LeadTestKit kit = new LeadTestKit(storage, b -> b.leadSettings(LeadSettings.defaults()
            .withScoring(MODEL).withMarketingQualification(MarketingQualificationRule.scoreAtLeast(30))));

    private void email(Lead lead, Instant at) {
        kit.crm.touchpoints().record(NewTouchpoint.forLead(lead.id(), Channel.EMAIL, Direction.INBOUND, at).build());
    }

    @Test
    @DisplayName("stores score and instant, publishes LeadScored only when the score changes, and explains it")
    void scoresOne() {
        Lead lead = kit.leads().capture(webForm().name("Tom", null).jobTitle("Director").build()).lead();
        assertThat(lead.score()).isEqualByComparingTo("15");
        assertThat(kit.events(LeadScored.class)).hasSize(1);

        email(lead, kit.clock.instant());
        LeadScore score = kit.leads().score(lead.id());
        assertThat(score.total()).isEqualTo(new BigDecimal("25.00"));
        assertThat(score.contribution("e-mails").orElseThrow().points()).isEqualTo(new BigDecimal("10.00"));
        Lead stored = kit.leads().get(lead.id());
        assertThat(stored.score()).isEqualTo(new BigDecimal("25.00"));
        assertThat(stored.scoredAt()).isEqualTo(kit.clock.instant());
        assertThat(kit.events(LeadScored.class)).hasSize(2).last().satisfies(e -> {
            assertThat(e.from()).isEqualTo(new BigDecimal("15.00"));
            assertThat(e.to()).isEqualTo(new BigDecimal("25.00"));
        });

        kit.leads().score(lead.id());               // same instant, same score: nothing stored, nothing published
        assertThat(kit.leads().get(lead.id())).isEqualTo(stored);
        assertThat(kit.events(LeadScored.class)).hasSize(2);

        kit.clock.advance(Duration.ofDays(7));      // the e-mail has decayed to half
        assertThat(kit.leads().score(lead.id()).total()).isEqualTo(new BigDecimal("20.00"));
        assertThat(kit.events(LeadScored.class)).hasSize(3);
    }

    @Test
    @DisplayName("recomputes every open lead page by page, and an MQL threshold fires from it")
    void recomputes() {
        for (int i = 0; i < 5; i++) {
            kit.leads().capture(webForm().email("lead" + i + "@example.com").jobTitle(i < 2 ? "Director" : "Clerk").build());
        }
        Lead closed = kit.leads().capture(webForm().email("closed@example.com").jobTitle("Director").build()).lead();
        kit.leads().disqualify(closed.id(), "spam", ALICE);
        Lead busy = kit.leads().findByEmail("lead0@example.com").get(0);
        email(busy, kit.clock.instant());
        email(busy, kit.clock.instant().minus(Duration.ofDays(7)));
        kit.events.clear();
        storage.leadListLimits.clear();

        RecomputeSummary summary = kit.leads().recomputeScores(2);

        assertThat(summary.leadsScored()).isEqualTo(5);
        assertThat(summary.scoresChanged()).isEqualTo(1);
        assertThat(summary.newlyMarketingQualified()).isEqualTo(1);
        assertThat(storage.leadListLimits).containsExactly(2, 2, 2);
        Lead requalified = kit.leads().get(busy.id());
        assertThat(requalified.score()).isEqualTo(new BigDecimal("30.00"));
        assertThat(requalified.qualification()).isEqualTo(QualificationLevel.MARKETING_QUALIFIED);
        assertThat(kit.events(LeadScored.class)).singleElement()
                .satisfies(e -> assertThat(e.leadId()).isEqualTo(busy.id()));
        assertThat(kit.events(LeadQualified.class)).singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo(QualificationLevel.MARKETING_QUALIFIED));
        assertThat(kit.leads().get(closed.id()).version()).isEqualTo(closed.version() + 1); // only the disqualify

        RecomputeSummary again = kit.leads().recomputeScores(100);
        assertThat(again.scoresChanged()).isZero();
        assertThat(again.newlyMarketingQualified()).isZero();
    }

    @Test
    @DisplayName("refuses a bad page size and scoring a converted lead")
    void refuses() {
        assertThatThrownBy(() -> kit.leads().recomputeScores(0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> kit.leads().recomputeScores(1001)).isInstanceOf(InvalidInputException.class);
        Lead lead = kit.qualified(webForm().name("Tom", null).build());
        kit.leads().convert(lead.id(), ConversionRequest.PERSON_ONLY);
        assertThatThrownBy(() -> kit.leads().score(lead.id())).isInstanceOf(IllegalTransitionException.class);
    }
}
