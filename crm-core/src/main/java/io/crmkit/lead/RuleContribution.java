package io.crmkit.lead;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one rule of a {@link ScoringModel} contributed to a {@link LeadScore}.
 *
 * @param rule   the rule's name
 * @param kind   fit or engagement
 * @param points the points, with two decimals
 * @param facts  the facts that triggered the rule: the matching lead facts of a fit rule; for an engagement rule,
 *               one line per counted touchpoint (the newest {@value ScoringModel#MAX_FACTS} at most, then a line
 *               saying how many more), and a line if the cap applied
 */
public record RuleContribution(String rule, Kind kind, BigDecimal points, List<String> facts) {

    /** Copies the list. */
    public RuleContribution {
        facts = List.copyOf(facts);
    }

    /** The kinds of rules. */
    public enum Kind {
        /** A {@link FitRule}. */
        FIT,
        /** An {@link EngagementRule}. */
        ENGAGEMENT
    }
}
