package io.crmkit.lead;

import static io.crmkit.lead.LeadTestKit.ALICE;
import static io.crmkit.lead.LeadTestKit.fullBant;
import static io.crmkit.lead.LeadTestKit.tom;
import static io.crmkit.lead.LeadTestKit.webForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Lead qualification")
class QualificationTest {

    private static final ScoringModel DIRECTORS = ScoringModel.of(List.of(
            new FitRule("director", Condition.contains("jobTitle", "director"), 15),
            new FitRule("home market", Condition.in("country", Set.of("GB", "IE")), 10)), List.of());

    @Test
    @DisplayName("marketing-qualifies at capture when the score threshold holds, and the related customer follows")
    void mqlAtCapture() {
        LeadTestKit kit = new LeadTestKit(b -> b.leadDuplicatePolicy(DuplicatePolicy.ATTACH)
                .leadSettings(LeadSettings.defaults().withScoring(DIRECTORS)
                        .withMarketingQualification(MarketingQualificationRule.scoreAtLeast(20))));
        Customer sarah = kit.registerSarah();
        Lead lead = kit.leads().capture(webForm().name("Sarah", "Miller").jobTitle("Art Director").country("GB")
                .email("sarah@example.com").build()).lead();

        assertThat(lead.customerId()).isEqualTo(sarah.id());
        assertThat(lead.score()).isEqualByComparingTo("25");
        assertThat(lead.qualification()).isEqualTo(QualificationLevel.MARKETING_QUALIFIED);
        assertThat(lead.status()).isEqualTo(LeadStatus.NEW);
        assertThat(kit.events(LeadQualified.class)).singleElement()
                .satisfies(e -> assertThat(e.level()).isEqualTo(QualificationLevel.MARKETING_QUALIFIED));
        assertThat(kit.crm.customers().get(sarah.id()).lifecycleStage())
                .isEqualTo(LifecycleStage.MARKETING_QUALIFIED);

        QualificationOutcome sql = kit.leads().acceptAsSalesQualified(lead.id(), ALICE, fullBant());
        assertThat(sql.isRefused()).isFalse();
        assertThat(kit.crm.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.SALES_QUALIFIED);
        assertThat(kit.events(LifecycleStageChanged.class)).extracting(LifecycleStageChanged::to)
                .containsExactly(LifecycleStage.MARKETING_QUALIFIED, LifecycleStage.SALES_QUALIFIED);
    }

    @Test
    @DisplayName("refuses marketing qualification as a value listing every failed part of the rule")
    void mqlRefusal() {
        LeadTestKit kit = new LeadTestKit(b -> b.leadSettings(LeadSettings.defaults().withScoring(DIRECTORS)
                .withMarketingQualification(MarketingQualificationRule.scoreAtLeastAnd(20,
                        Condition.sourceIs(LeadChannel.WEBINAR)))));
        Lead lead = kit.leads().capture(webForm().name("Ann", null).jobTitle("Clerk").country("FR").build()).lead();

        QualificationOutcome outcome = kit.leads().qualifyForMarketing(lead.id());

        assertThat(outcome).isInstanceOfSatisfying(QualificationOutcome.Refused.class, refused -> {
            assertThat(refused.failures()).extracting(FailedRule::rule).containsExactly("minimumScore", "condition");
            assertThat(refused.failures().get(0).reason()).isEqualTo("score 0.00 is below 20");
            assertThat(refused.failures().get(1).reason()).isEqualTo("does not hold: source is WEBINAR");
        });
        assertThat(kit.leads().get(lead.id()).qualification()).isEqualTo(QualificationLevel.NONE);
        assertThat(kit.events(LeadQualified.class)).isEmpty();
    }

    @Test
    @DisplayName("without a configured rule, marketing qualification is refused saying so")
    void noMqlRule() {
        LeadTestKit kit = new LeadTestKit();
        Lead lead = kit.leads().capture(tom()).lead();
        QualificationOutcome outcome = kit.leads().qualifyForMarketing(lead.id());
        assertThat(outcome).isInstanceOfSatisfying(QualificationOutcome.Refused.class, r ->
                assertThat(r.failures()).extracting(FailedRule::rule).containsExactly("mqlRule"));
    }

    @Test
    @DisplayName("marketing-qualifies by a predicate alone, and says so once")
    void mqlByPredicate() {
        LeadTestKit kit = new LeadTestKit(b -> b.leadSettings(LeadSettings.defaults()
                .withMarketingQualification(MarketingQualificationRule.when(Condition.exists("attribute.budget")))));
        Lead lead = kit.leads().capture(webForm().email("a@example.com").build()).lead();
        assertThat(kit.leads().qualifyForMarketing(lead.id()).isRefused()).isTrue();

        Lead withBudget = kit.leads().capture(webForm().email("b@example.com")
                .attribute("budget", io.crmkit.shared.AttributeValue.decimal("5000")).build()).lead();
        assertThat(withBudget.qualification()).isEqualTo(QualificationLevel.MARKETING_QUALIFIED);
        QualificationOutcome again = kit.leads().qualifyForMarketing(withBudget.id());
        assertThat(again).isInstanceOfSatisfying(QualificationOutcome.Qualified.class,
                q -> assertThat(q.newlyQualified()).isFalse());
    }

    @Test
    @DisplayName("sales acceptance lists every BANT item the policy requires and the checklist lacks")
    void sqlRefusal() {
        LeadTestKit kit = new LeadTestKit(b -> b.leadSettings(LeadSettings.defaults().withSalesQualification(
                SalesQualificationPolicy.requiring(BantCriterion.BUDGET, BantCriterion.NEED, BantCriterion.TIMELINE)
                        .afterMarketingQualification())));
        Lead lead = kit.leads().capture(tom()).lead();
        BantChecklist partial = new BantChecklist(BantItem.notConfirmed("no idea yet"), BantItem.unknown(),
                BantItem.confirmed("new shop"), BantItem.unknown());

        QualificationOutcome outcome = kit.leads().acceptAsSalesQualified(lead.id(), ALICE, partial);

        assertThat(outcome).isInstanceOfSatisfying(QualificationOutcome.Refused.class, refused -> {
            assertThat(refused.level()).isEqualTo(QualificationLevel.SALES_QUALIFIED);
            assertThat(refused.failures()).extracting(FailedRule::rule)
                    .containsExactly("marketingQualified", "bant.budget", "bant.timeline");
        });
        assertThat(kit.leads().get(lead.id())).isEqualTo(lead);
        assertThat(kit.events(LeadStatusChanged.class)).isEmpty();
    }

    @Test
    @DisplayName("sales acceptance records the checklist, the user and the status QUALIFIED")
    void sqlAcceptance() {
        LeadTestKit kit = new LeadTestKit(b -> b.leadSettings(LeadSettings.defaults().withSalesQualification(
                SalesQualificationPolicy.requiring(BantCriterion.NEED))));
        Lead lead = kit.leads().capture(tom()).lead();
        BantChecklist checklist = new BantChecklist(BantItem.unknown(), BantItem.unknown(),
                BantItem.confirmed("opening a second café"), BantItem.notConfirmed("maybe next year"));

        QualificationOutcome outcome = kit.leads().acceptAsSalesQualified(lead.id(), ALICE, checklist);

        assertThat(outcome).isInstanceOfSatisfying(QualificationOutcome.Qualified.class, q -> {
            assertThat(q.newlyQualified()).isTrue();
            assertThat(q.lead().status()).isEqualTo(LeadStatus.QUALIFIED);
            assertThat(q.lead().qualification()).isEqualTo(QualificationLevel.SALES_QUALIFIED);
            assertThat(q.lead().bant()).isEqualTo(checklist);
        });
        assertThat(kit.events(LeadQualified.class)).singleElement().satisfies(e -> {
            assertThat(e.level()).isEqualTo(QualificationLevel.SALES_QUALIFIED);
            assertThat(e.by()).isEqualTo(ALICE);
        });
        QualificationOutcome again = kit.leads().acceptAsSalesQualified(lead.id(), ALICE, checklist);
        assertThat(again).isInstanceOfSatisfying(QualificationOutcome.Qualified.class,
                q -> assertThat(q.newlyQualified()).isFalse());
        assertThat(kit.events(LeadQualified.class)).hasSize(1);
    }

    @Test
    @DisplayName("refuses qualifying closed leads and accepting without a user or checklist")
    void misuse() {
        LeadTestKit kit = new LeadTestKit();
        Lead lead = kit.leads().capture(tom()).lead();
        assertThatThrownBy(() -> kit.leads().acceptAsSalesQualified(lead.id(), null, null))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .extracting(InvalidInputException.Violation::path).containsExactly("checklist", "salesUser"));
        kit.leads().disqualify(lead.id(), "spam", ALICE);
        assertThatThrownBy(() -> kit.leads().acceptAsSalesQualified(lead.id(), ALICE, fullBant()))
                .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("DISQUALIFIED");
        assertThatThrownBy(() -> kit.leads().qualifyForMarketing(lead.id()))
                .isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    @DisplayName("the related customer's lifecycle never moves backwards")
    void lifecycleForwardOnly() {
        LeadTestKit kit = new LeadTestKit(b -> b.leadDuplicatePolicy(DuplicatePolicy.ATTACH));
        Customer sarah = kit.registerSarah();
        kit.crm.customers().advanceLifecycle(sarah.id(), LifecycleStage.CUSTOMER);
        Lead lead = kit.leads().capture(webForm().email("sarah@example.com").build()).lead();
        kit.leads().acceptAsSalesQualified(lead.id(), ALICE, fullBant());
        assertThat(kit.crm.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
    }

    @Test
    @DisplayName("the MQL rule reads stored scores; a threshold with more than two decimals is refused")
    void ruleValues() {
        assertThatThrownBy(() -> new MarketingQualificationRule(new BigDecimal("1.005"), null))
                .isInstanceOf(InvalidInputException.class);
        assertThat(MarketingQualificationRule.NONE.isConfigured()).isFalse();
        assertThat(BantItem.confirmed(" line one\r\nline two ").note()).isEqualTo("line one\nline two");
        assertThatThrownBy(() -> BantItem.confirmed("x".repeat(1001))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new BantChecklist(BantItem.unknown(), null, BantItem.unknown(), BantItem.unknown()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("authority");
    }
}
