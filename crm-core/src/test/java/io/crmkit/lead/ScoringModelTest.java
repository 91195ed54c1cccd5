package io.crmkit.lead;

import static io.crmkit.lead.ScoringFixtures.AT;
import static io.crmkit.lead.ScoringFixtures.lead;
import static io.crmkit.lead.ScoringFixtures.touchpoint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.shared.AttributeValue;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.touchpoint.Channel;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The scoring model")
class ScoringModelTest {

    private static final List<FitRule> FIT = List.of(
            new FitRule("director", Condition.contains("jobTitle", "director"), 15),
            new FitRule("home market", Condition.in("country", Set.of("GB", "IE")), 10),
            new FitRule("free mail", Condition.emailDomainIn(Set.of("gmail.com", "yahoo.com")), -5));

    @Test
    @DisplayName("adds up fit rules and says which facts triggered each")
    void fitRules() {
        ScoringModel model = ScoringModel.of(FIT, List.of());
        LeadScore score = model.score(lead("Marketing Director", "GB", "tom@GMAIL.com"), null, List.of(), AT);

        assertThat(score.total()).isEqualTo(new BigDecimal("20.00"));
        assertThat(score.at()).isEqualTo(AT);
        assertThat(score.contributions()).extracting(RuleContribution::rule, RuleContribution::points)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("director", new BigDecimal("15.00")),
                        org.assertj.core.groups.Tuple.tuple("home market", new BigDecimal("10.00")),
                        org.assertj.core.groups.Tuple.tuple("free mail", new BigDecimal("-5.00")));
        assertThat(score.contribution("director").orElseThrow().facts())
                .containsExactly("jobTitle \"Marketing Director\" contains \"director\"");
        assertThat(score.contribution("free mail").orElseThrow().facts())
                .containsExactly("emailDomain \"gmail.com\" is in [gmail.com, yahoo.com]");

        LeadScore clerk = model.score(lead("Clerk", "FR", null), null, List.of(), AT);
        assertThat(clerk.total()).isEqualTo(new BigDecimal("0.00"));
        assertThat(clerk.contributions()).isEmpty();
    }

    @Test
    @DisplayName("combines conditions with and, or and not, and reads customer attributes as a fallback")
    void conditions() {
        Condition bigDirector = Condition.and(Condition.contains("jobTitle", "director"),
                Condition.or(Condition.equalTo("attribute.employees", "40"), Condition.exists("attribute.budget")),
                Condition.not(Condition.sourceIs(LeadChannel.IMPORT)));
        Lead lead = lead("Director of Sales", "DE", null);
        Condition.Match match = bigDirector.test(Condition.Facts.of(lead, null));
        assertThat(match.holds()).isTrue();
        assertThat(match.facts()).containsExactly("jobTitle \"Director of Sales\" contains \"director\"",
                "attribute.employees \"40\" equals \"40\"", "not source is IMPORT");
        assertThat(bigDirector.describe()).isEqualTo(
                "(jobTitle contains \"director\" and (attribute.employees equals \"40\" or attribute.budget exists)"
                        + " and not source is IMPORT)");

        Customer customer = Customer.register(new CustomerId(new UUID(3, 3)), ScoringFixtures.TENANT,
                CustomerRegistration.person("Tom", null).attribute("segment", AttributeValue.text("Horeca")).build(),
                "GB", AT);
        assertThat(Condition.equalTo("attribute.segment", "horeca").test(Condition.Facts.of(lead, customer)).holds())
                .isTrue();
        assertThat(Condition.exists("attribute.segment").test(Condition.Facts.of(lead, null)).holds()).isFalse();
        assertThat(Condition.exists("unknownKey").test(Condition.Facts.of(lead, customer)).holds()).isFalse();
    }

    @Test
    @DisplayName("decays engagement by its half-life: exactly half at one half-life, a quarter at two")
    void decay() {
        Lead lead = lead(null, null, null);
        EngagementRule emails = new EngagementRule("e-mails", Set.of(Channel.EMAIL), null, 10, Duration.ofDays(7), null);
        ScoringModel model = ScoringModel.of(List.of(), List.of(emails));

        assertThat(model.score(lead, null, List.of(touchpoint(lead, 1, Channel.EMAIL, AT)), AT).total())
                .isEqualTo(new BigDecimal("10.00"));
        assertThat(model.score(lead, null, List.of(touchpoint(lead, 1, Channel.EMAIL, AT.minus(Duration.ofDays(7)))),
                AT).total()).isEqualTo(new BigDecimal("5.00"));
        assertThat(model.score(lead, null, List.of(touchpoint(lead, 1, Channel.EMAIL, AT.minus(Duration.ofDays(14)))),
                AT).total()).isEqualTo(new BigDecimal("2.50"));
        // 10 × 0.5^(1/3) = 7.937005259… → 7.94 (half-even at two decimals, once per rule).
        EngagementRule slow = new EngagementRule("visits", Set.of(Channel.WEB_VISIT), null, 10, Duration.ofDays(3), null);
        LeadScore score = ScoringModel.of(List.of(), List.of(slow)).score(lead, null,
                List.of(touchpoint(lead, 2, Channel.WEB_VISIT, AT.minus(Duration.ofDays(1)))), AT);
        assertThat(score.total()).isEqualTo(new BigDecimal("7.94"));
        assertThat(ScoringModel.decayed(slow, touchpoint(lead, 2, Channel.WEB_VISIT, AT.minus(Duration.ofDays(1))), AT))
                .isEqualTo(new BigDecimal("7.9370052598"));
        assertThat(score.contributions().get(0).facts()).singleElement().asString()
                .startsWith("WEB_VISIT INBOUND at 2026-05-31T12:00:00Z (touchpoint ").endsWith("): 7.94");
    }

    @Test
    @DisplayName("caps each engagement rule in absolute value and says so")
    void caps() {
        Lead lead = lead(null, null, null);
        List<io.crmkit.touchpoint.Touchpoint> three = List.of(touchpoint(lead, 1, Channel.CHAT, AT),
                touchpoint(lead, 2, Channel.CHAT, AT.minusSeconds(60)), touchpoint(lead, 3, Channel.CHAT, AT.minusSeconds(120)));
        LeadScore up = ScoringModel.of(List.of(), List.of(new EngagementRule("chats", Set.of(Channel.CHAT), null, 10,
                null, 25))).score(lead, null, three, AT);
        LeadScore down = ScoringModel.of(List.of(), List.of(new EngagementRule("complaints", Set.of(Channel.CHAT), null,
                -10, null, 25))).score(lead, null, three, AT);
        assertThat(up.total()).isEqualTo(new BigDecimal("25.00"));
        assertThat(up.contributions().get(0).facts()).hasSize(4).last().isEqualTo("capped at 25 from 30.00");
        assertThat(down.total()).isEqualTo(new BigDecimal("-25.00"));
    }

    @Test
    @DisplayName("counts only the lead's own touchpoints of the rule's channels and filter, within the window and not after the instant")
    void selection() {
        Lead lead = lead(null, null, null);
        Lead other = lead.toBuilder().id(new io.crmkit.shared.LeadId(new UUID(8, 8))).build();
        EngagementRule webinars = new EngagementRule("webinars", Set.of(Channel.MEETING),
                Condition.equalTo("attribute.kind", "webinar"), 20, null, null);
        ScoringModel model = new ScoringModel(List.of(), List.of(webinars), Duration.ofDays(90));
        Map<String, AttributeValue> webinar = Map.of("kind", AttributeValue.text("Webinar"));
        LeadScore score = model.score(lead, null, List.of(
                touchpoint(lead, 1, Channel.MEETING, AT.minus(Duration.ofDays(10)), webinar),     // counts
                touchpoint(lead, 2, Channel.MEETING, AT.minus(Duration.ofDays(10))),              // no webinar
                touchpoint(lead, 3, Channel.EMAIL, AT.minus(Duration.ofDays(10)), webinar),       // other channel
                touchpoint(lead, 4, Channel.MEETING, AT.minus(Duration.ofDays(91)), webinar),     // outside window
                touchpoint(lead, 5, Channel.MEETING, AT.plusSeconds(1), webinar),                 // after the instant
                touchpoint(other, 6, Channel.MEETING, AT.minus(Duration.ofDays(1)), webinar)),    // another lead's
                AT);
        assertThat(score.total()).isEqualTo(new BigDecimal("20.00"));
        assertThat(score.contributions().get(0).facts()).hasSize(1);
    }

    @Test
    @DisplayName("refuses malformed models")
    void refusesMalformed() {
        assertThatThrownBy(() -> ScoringModel.of(List.of(new FitRule("x", Condition.exists("email"), 1),
                new FitRule("x", Condition.exists("phone"), 2)), List.of()))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("used twice");
        assertThatThrownBy(() -> new FitRule("x", Condition.exists("email"), 5000))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("points");
        assertThatThrownBy(() -> new EngagementRule("x", Set.of(), null, 1, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("channels");
        assertThatThrownBy(() -> new EngagementRule("x", Set.of(Channel.EMAIL), null, 1, Duration.ZERO, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("halfLife");
        assertThatThrownBy(() -> new EngagementRule("x", Set.of(Channel.EMAIL), null, 1, null, 0))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cap");
        assertThatThrownBy(() -> Condition.in("country", Set.of())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Condition.and()).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Condition.contains(" ", "x")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ScoringModel(List.of(), List.of(), Duration.ofHours(1)))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("window");
    }
}
