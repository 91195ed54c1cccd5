package io.crmkit.lead;

import static io.crmkit.lead.ScoringFixtures.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.shared.AttributeValue;
import io.crmkit.testing.ForAll;
import io.crmkit.testing.Gen;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.NewTouchpoint;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Scores are reproducible: same inputs and instant, same score, whatever the order in which the touchpoints are given
 * or were recorded (checked with crm-core's own {@link ForAll}: deterministic seeds, failures report the input).
 */
@DisplayName("Scoring properties")
class ScoringPropertyTest {

    private static final ScoringModel MODEL = new ScoringModel(
            List.of(new FitRule("director", Condition.contains("jobTitle", "director"), 15)),
            List.of(new EngagementRule("e-mails", Set.of(Channel.EMAIL), null, 4, Duration.ofDays(14), 20),
                    new EngagementRule("visits", Set.of(Channel.WEB_VISIT, Channel.FORM_SUBMISSION), null, 3,
                            Duration.ofHours(36), null),
                    new EngagementRule("webinars", Set.of(Channel.MEETING), Condition.equalTo("attribute.kind", "webinar"),
                            25, Duration.ofDays(45), 60),
                    new EngagementRule("complaints", Set.of(Channel.SUPPORT_REQUEST), null, -7, Duration.ofDays(3), 30)),
            Duration.ofDays(120));

    /** One touchpoint: channel, age in seconds before AT (negative: after AT), webinar or not. */
    record Spec(Channel channel, long ageSeconds, boolean webinar) {
    }

    /** Touchpoint specs, and a seed for the shuffle. */
    record Input(List<Spec> specs, long shuffleSeed) {
    }

    private static Input input(Random random) {
        List<Spec> specs = Gen.listOf(random, 0, 40, r -> new Spec(
                Gen.oneOf(r, Channel.EMAIL, Channel.WEB_VISIT, Channel.FORM_SUBMISSION, Channel.MEETING,
                        Channel.SUPPORT_REQUEST, Channel.CALL),
                r.nextInt(8) == 0 ? Gen.oneOf(r, 0L, -1L, 120L * 86_400, 120L * 86_400 + 1)
                        : -86_400L + (long) (r.nextDouble() * 201 * 86_400),
                r.nextBoolean()));
        return new Input(specs, random.nextLong());
    }

    @Test
    @DisplayName("the order of the touchpoints never changes the score, and the total is the sum of the rules")
    void orderNeverChangesTheScore() {
        ForAll.check(300, ScoringPropertyTest::input, input -> {
            Lead lead = ScoringFixtures.lead("Art Director", "GB", null);
            List<Touchpoint> touchpoints = new ArrayList<>();
            for (int i = 0; i < input.specs().size(); i++) {
                Spec s = input.specs().get(i);
                touchpoints.add(ScoringFixtures.touchpoint(lead, i + 1, s.channel(), AT.minusSeconds(s.ageSeconds()),
                        s.webinar() ? Map.of("kind", AttributeValue.text("webinar")) : Map.of()));
            }
            List<Touchpoint> shuffled = new ArrayList<>(touchpoints);
            Collections.shuffle(shuffled, new Random(input.shuffleSeed()));

            LeadScore inOrder = MODEL.score(lead, null, touchpoints, AT);
            LeadScore reordered = MODEL.score(lead, null, shuffled, AT);

            assertThat(reordered).isEqualTo(inOrder);
            assertThat(inOrder.total()).isEqualTo(inOrder.contributions().stream().map(RuleContribution::points)
                    .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
            assertThat(inOrder.total().scale()).isEqualTo(2);
        });
    }

    @Test
    @DisplayName("the order in which touchpoints were recorded never changes the stored score")
    void recordingOrderNeverChangesTheStoredScore() {
        ForAll.check(15, ScoringPropertyTest::input, input -> {
            List<Spec> shuffled = new ArrayList<>(input.specs());
            Collections.shuffle(shuffled, new Random(input.shuffleSeed()));
            LeadScore first = scoreAfterRecording(input.specs());
            LeadScore second = scoreAfterRecording(shuffled);
            assertThat(second.total()).isEqualTo(first.total());
            assertThat(second.contributions()).extracting(RuleContribution::rule, RuleContribution::points)
                    .isEqualTo(first.contributions().stream()
                            .map(c -> org.assertj.core.groups.Tuple.tuple(c.rule(), c.points())).toList());
        });
    }

    private static LeadScore scoreAfterRecording(List<Spec> specs) {
        LeadTestKit kit = new LeadTestKit(b -> b.leadSettings(LeadSettings.defaults().withScoring(MODEL)));
        kit.clock.advance(Duration.between(LeadTestKit.START, AT));
        Lead lead = kit.leads().capture(LeadTestKit.webForm().name("Tom", null).jobTitle("Art Director").build()).lead();
        Instant now = kit.clock.instant();
        for (Spec s : specs) {
            NewTouchpoint.Builder t = NewTouchpoint.forLead(lead.id(), s.channel(), Direction.INBOUND,
                    now.minusSeconds(Math.max(0, s.ageSeconds())));
            if (s.webinar()) {
                t.attribute("kind", AttributeValue.text("webinar"));
            }
            kit.crm.touchpoints().record(t.build());
        }
        return kit.leads().score(lead.id());
    }
}
