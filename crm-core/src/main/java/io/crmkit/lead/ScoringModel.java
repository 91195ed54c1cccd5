package io.crmkit.lead;

import io.crmkit.customer.Customer;
import io.crmkit.shared.Ids;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's lead-scoring model: data, not code. {@link #score} is a pure function of the model, the lead, its
 * related customer, its touchpoints and an instant.
 *
 * <pre>{@code
 * ScoringModel model = new ScoringModel(List.of(
 *         new FitRule("director", Condition.contains("jobTitle", "director"), 15),
 *         new FitRule("home market", Condition.in("country", Set.of("GB", "IE")), 10),
 *         new FitRule("free mail", Condition.emailDomainIn(Set.of("gmail.com", "yahoo.com")), -5)),
 *     List.of(new EngagementRule("e-mails", Set.of(Channel.EMAIL), null, 4, Duration.ofDays(14), 20)),
 *     Duration.ofDays(180));
 * }</pre>
 *
 * <p><b>The arithmetic</b>, exact and the same on every JVM:
 * <ol>
 *   <li>A fit rule whose condition holds contributes its points.</li>
 *   <li>An engagement rule counts the lead's touchpoints of its channels that match its filter, occurred at or
 *       before {@code at} and no earlier than {@code at − window}. A touchpoint of age {@code a} (microseconds
 *       from occurredAt to {@code at}) earns {@code points × 0.5^(a / halfLife)}: the factor is computed with
 *       {@link StrictMath#pow} (bit-identical on every JVM) on the two durations in microseconds as
 *       {@code double}s, converted exactly to {@link BigDecimal} and multiplied by the points, then taken at
 *       {@value #TOUCHPOINT_SCALE} decimals, half-even. Without a half-life the factor is 1.</li>
 *   <li>A rule's touchpoint amounts are added exactly (so the order of the touchpoints cannot matter), the sum is
 *       capped at ±cap, and rounded once to two decimals, half-even: the rule's contribution.</li>
 *   <li>The total is the exact sum of the contributions.</li>
 * </ol>
 *
 * @param fitRules        the fit rules, names unique across the model
 * @param engagementRules the engagement rules
 * @param window          how far back touchpoints count, at least one day
 */
public record ScoringModel(List<FitRule> fitRules, List<EngagementRule> engagementRules, Duration window) {

    /** The decimals of each touchpoint's decayed amount. */
    public static final int TOUCHPOINT_SCALE = 10;

    /** The most touchpoint lines an engagement rule's facts list. */
    public static final int MAX_FACTS = 20;

    /** The window used when none is given: 365 days. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(365);

    /** A model without rules: every lead scores zero. */
    public static final ScoringModel EMPTY = new ScoringModel(List.of(), List.of(), DEFAULT_WINDOW);

    /** @throws InvalidInputException if a list holds null, a rule name repeats, or the window is out of range */
    public ScoringModel {
        fitRules = fitRules == null ? List.of() : List.copyOf(fitRules);
        engagementRules = engagementRules == null ? List.of() : List.copyOf(engagementRules);
        window = window == null ? DEFAULT_WINDOW : window;
        if (window.compareTo(Duration.ofDays(1)) < 0 || window.compareTo(Duration.ofDays(36_500)) > 0) {
            throw InvalidInputException.of("window", "must be between one day and 100 years");
        }
        Set<String> names = new HashSet<>();
        for (FitRule rule : fitRules) {
            if (!names.add(rule.name())) {
                throw InvalidInputException.of("fitRules", "rule name '" + rule.name() + "' is used twice");
            }
        }
        for (EngagementRule rule : engagementRules) {
            if (!names.add(rule.name())) {
                throw InvalidInputException.of("engagementRules", "rule name '" + rule.name() + "' is used twice");
            }
        }
    }

    /** A model of these rules with the default window. */
    public static ScoringModel of(List<FitRule> fitRules, List<EngagementRule> engagementRules) {
        return new ScoringModel(fitRules, engagementRules, DEFAULT_WINDOW);
    }

    /** Whether the model has engagement rules (and so needs the lead's touchpoints). */
    public boolean needsTouchpoints() {
        return !engagementRules.isEmpty();
    }

    /** The earliest occurredAt that counts for a score at {@code at}. */
    public Instant windowStart(Instant at) {
        return at.minus(window);
    }

    /**
     * The lead's score at {@code at}: a pure function. The same arguments give the same score, whatever the order
     * of {@code touchpoints}.
     *
     * @param lead        the lead
     * @param customer    its related customer (for {@code attribute.KEY} facts), or null
     * @param touchpoints the lead's touchpoints (others' are ignored: only those whose leadId is the lead's count);
     *                    those outside the window are ignored
     * @param at          the instant
     * @throws InvalidInputException if the lead or the instant is null
     */
    public LeadScore score(Lead lead, Customer customer, Collection<Touchpoint> touchpoints, Instant at) {
        LeadTexts.require("lead", lead);
        LeadTexts.require("at", at);
        Condition.Facts facts = Condition.Facts.of(lead, customer);
        List<RuleContribution> contributions = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO.setScale(Lead.SCORE_SCALE);
        for (FitRule rule : fitRules) {
            Condition.Match match = rule.when().test(facts);
            if (match.holds()) {
                BigDecimal points = BigDecimal.valueOf(rule.points()).setScale(Lead.SCORE_SCALE);
                contributions.add(new RuleContribution(rule.name(), RuleContribution.Kind.FIT, points, match.facts()));
                total = total.add(points);
            }
        }
        if (!engagementRules.isEmpty()) {
            List<Touchpoint> counted = inWindow(lead, touchpoints == null ? List.of() : touchpoints, at);
            for (EngagementRule rule : engagementRules) {
                RuleContribution contribution = engagement(rule, counted, at);
                if (contribution != null) {
                    contributions.add(contribution);
                    total = total.add(contribution.points());
                }
            }
        }
        return new LeadScore(total, at, contributions);
    }

    /** The lead's touchpoints in the window, newest first by (occurredAt, id): a canonical order. */
    private List<Touchpoint> inWindow(Lead lead, Collection<Touchpoint> touchpoints, Instant at) {
        Instant from = windowStart(at);
        List<Touchpoint> counted = new ArrayList<>();
        for (Touchpoint t : touchpoints) {
            if (t != null && lead.id().equals(t.leadId()) && !t.occurredAt().isAfter(at)
                    && !t.occurredAt().isBefore(from)) {
                counted.add(t);
            }
        }
        counted.sort(Comparator.comparing(Touchpoint::occurredAt)
                .thenComparing((a, b) -> Ids.compare(a.id().value(), b.id().value())).reversed());
        return counted;
    }

    private static RuleContribution engagement(EngagementRule rule, List<Touchpoint> touchpoints, Instant at) {
        BigDecimal sum = BigDecimal.ZERO;
        List<String> lines = new ArrayList<>();
        int matched = 0;
        for (Touchpoint t : touchpoints) {
            if (!rule.channels().contains(t.channel())
                    || (rule.filter() != null && !rule.filter().test(Condition.Facts.of(t)).holds())) {
                continue;
            }
            BigDecimal amount = decayed(rule, t, at);
            sum = sum.add(amount);
            matched++;
            if (lines.size() < MAX_FACTS) {
                lines.add(t.channel() + " " + t.direction() + " at " + t.occurredAt() + " (touchpoint " + t.id()
                        + "): " + amount.setScale(Lead.SCORE_SCALE, RoundingMode.HALF_EVEN).toPlainString());
            }
        }
        if (matched == 0) {
            return null;
        }
        if (matched > MAX_FACTS) {
            lines.add("and " + (matched - MAX_FACTS) + " older touchpoints");
        }
        if (rule.cap() != null) {
            BigDecimal cap = BigDecimal.valueOf(rule.cap());
            if (sum.abs().compareTo(cap) > 0) {
                lines.add("capped at " + (sum.signum() < 0 ? "-" : "") + cap + " from "
                        + sum.setScale(Lead.SCORE_SCALE, RoundingMode.HALF_EVEN).toPlainString());
                sum = sum.signum() < 0 ? cap.negate() : cap;
            }
        }
        return new RuleContribution(rule.name(), RuleContribution.Kind.ENGAGEMENT,
                sum.setScale(Lead.SCORE_SCALE, RoundingMode.HALF_EVEN), lines);
    }

    /** {@code points × 0.5^(age / halfLife)} at {@value #TOUCHPOINT_SCALE} decimals, half-even. */
    static BigDecimal decayed(EngagementRule rule, Touchpoint t, Instant at) {
        BigDecimal points = BigDecimal.valueOf(rule.points());
        if (rule.halfLife() == null) {
            return points.setScale(TOUCHPOINT_SCALE);
        }
        long age = ChronoUnit.MICROS.between(t.occurredAt(), at);
        long halfLife = rule.halfLife().toNanos() / 1000;
        double factor = StrictMath.pow(0.5, (double) age / (double) halfLife);
        return points.multiply(new BigDecimal(factor)).setScale(TOUCHPOINT_SCALE, RoundingMode.HALF_EVEN);
    }
}
