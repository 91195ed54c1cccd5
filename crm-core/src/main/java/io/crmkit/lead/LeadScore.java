package io.crmkit.lead;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A lead's score at one instant, with every rule's contribution, so that a salesperson can see why.
 *
 * @param total         the sum of the contributions, with two decimals
 * @param at            the instant it was computed for
 * @param contributions the rules that applied, in the model's order (fit rules first); rules that did not apply
 *                      are absent
 */
public record LeadScore(BigDecimal total, Instant at, List<RuleContribution> contributions) {

    /** Copies the list. */
    public LeadScore {
        contributions = List.copyOf(contributions);
    }

    /** The contribution of the rule called {@code rule}, if it applied. */
    public Optional<RuleContribution> contribution(String rule) {
        return contributions.stream().filter(c -> c.rule().equals(rule)).findFirst();
    }
}
