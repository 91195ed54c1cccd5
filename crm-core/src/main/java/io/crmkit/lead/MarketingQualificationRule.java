package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When a lead is marketing-qualified (MQL): its stored score is at least {@code minimumScore} and/or
 * {@code condition} holds for it. Every part that is given must hold. {@link #NONE} (neither given) qualifies no
 * lead: a tenant without a rule qualifies leads for sales only.
 *
 * @param minimumScore the least stored score, or null for no threshold
 * @param condition    a condition over the lead's facts (see {@link Condition}), or null
 */
public record MarketingQualificationRule(BigDecimal minimumScore, Condition condition) {

    /** No rule: no lead becomes marketing-qualified. */
    public static final MarketingQualificationRule NONE = new MarketingQualificationRule(null, null);

    /** @throws InvalidInputException if the threshold has more than two decimals */
    public MarketingQualificationRule {
        if (minimumScore != null && minimumScore.stripTrailingZeros().scale() > Lead.SCORE_SCALE) {
            throw InvalidInputException.of("minimumScore", "must have at most " + Lead.SCORE_SCALE + " decimals");
        }
    }

    /** A score threshold. */
    public static MarketingQualificationRule scoreAtLeast(long minimumScore) {
        return new MarketingQualificationRule(BigDecimal.valueOf(minimumScore), null);
    }

    /** A score threshold and a condition, both required. */
    public static MarketingQualificationRule scoreAtLeastAnd(long minimumScore, Condition condition) {
        return new MarketingQualificationRule(BigDecimal.valueOf(minimumScore), condition);
    }

    /** A condition only. */
    public static MarketingQualificationRule when(Condition condition) {
        return new MarketingQualificationRule(null, condition);
    }

    /** Whether any part is given. */
    public boolean isConfigured() {
        return minimumScore != null || condition != null;
    }

    /**
     * Every part of the rule that {@code lead} fails, in order (threshold, then condition); empty if it qualifies.
     *
     * @param facts the lead's facts (see {@link Condition.Facts#of(Lead, io.crmkit.customer.Customer)})
     */
    public List<FailedRule> failures(Lead lead, Condition.Facts facts) {
        List<FailedRule> failures = new ArrayList<>();
        if (!isConfigured()) {
            failures.add(new FailedRule("mqlRule", "no marketing-qualification rule is configured for this tenant"));
            return failures;
        }
        if (minimumScore != null) {
            if (lead.score() == null) {
                failures.add(new FailedRule("minimumScore", "the lead has not been scored; it needs at least "
                        + minimumScore.toPlainString()));
            } else if (lead.score().compareTo(minimumScore) < 0) {
                failures.add(new FailedRule("minimumScore", "score " + lead.score().toPlainString()
                        + " is below " + minimumScore.toPlainString()));
            }
        }
        if (condition != null && !condition.test(facts).holds()) {
            failures.add(new FailedRule("condition", "does not hold: " + condition.describe()));
        }
        return failures;
    }
}
