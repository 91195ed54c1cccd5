package io.crmkit.lead;

import static io.crmkit.lead.ScoringFixtures.AT;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.shared.AttributeValue;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Scores are reproducible: same inputs and instant, same score, whatever the order of the touchpoints. */
class ScoringProperties {

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

    @Provide
    Arbitrary<List<Spec>> specs() {
        Arbitrary<Channel> channels = Arbitraries.of(Channel.EMAIL, Channel.WEB_VISIT, Channel.FORM_SUBMISSION,
                Channel.MEETING, Channel.SUPPORT_REQUEST, Channel.CALL);
        Arbitrary<Long> ages = Arbitraries.longs().between(-86_400L, 200L * 86_400);
        return Combinators.combine(channels, ages, Arbitraries.of(true, false)).as(Spec::new).list().ofMaxSize(40);
    }

    @Property(tries = 200)
    void theOrderOfTouchpointsNeverChangesTheScore(@ForAll("specs") List<Spec> specs, @ForAll Random random) {
        Lead lead = ScoringFixtures.lead("Art Director", "GB", null);
        List<Touchpoint> touchpoints = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec s = specs.get(i);
            touchpoints.add(ScoringFixtures.touchpoint(lead, i + 1, s.channel(), AT.minusSeconds(s.ageSeconds()),
                    s.webinar() ? Map.of("kind", AttributeValue.text("webinar")) : Map.of()));
        }
        List<Touchpoint> shuffled = new ArrayList<>(touchpoints);
        Collections.shuffle(shuffled, random);

        LeadScore inOrder = MODEL.score(lead, null, touchpoints, AT);
        LeadScore reordered = MODEL.score(lead, null, shuffled, AT);

        assertThat(reordered).isEqualTo(inOrder);
        assertThat(inOrder.total()).isEqualTo(inOrder.contributions().stream().map(RuleContribution::points)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
        assertThat(inOrder.total().scale()).isEqualTo(2);
    }

    @Property(tries = 15)
    void recordingOrderDoesNotChangeTheStoredScore(@ForAll("specs") List<Spec> specs, @ForAll Random random) {
        List<Spec> shuffled = new ArrayList<>(specs);
        Collections.shuffle(shuffled, random);
        LeadScore first = scoreAfterRecording(specs);
        LeadScore second = scoreAfterRecording(shuffled);
        assertThat(second.total()).isEqualTo(first.total());
        assertThat(second.contributions()).extracting(RuleContribution::rule, RuleContribution::points)
                .isEqualTo(first.contributions().stream()
                        .map(c -> org.assertj.core.groups.Tuple.tuple(c.rule(), c.points())).toList());
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
