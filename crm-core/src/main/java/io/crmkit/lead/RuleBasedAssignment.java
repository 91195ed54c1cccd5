package io.crmkit.lead;

import io.crmkit.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Assigns by rules: the first rule whose condition holds for the lead (and its related customer) decides; if none
 * holds, the fallback does.
 *
 * @param rules    the rules, in order
 * @param fallback the strategy for leads no rule matches ({@link LeadAssignmentStrategy#none()} to leave them
 *                 unassigned)
 */
public record RuleBasedAssignment(List<AssignmentRule> rules, LeadAssignmentStrategy fallback)
        implements LeadAssignmentStrategy {

    /** @throws io.crmkit.shared.InvalidInputException if the list holds null or the fallback is null */
    public RuleBasedAssignment {
        rules = List.copyOf(LeadTexts.require("rules", rules));
        LeadTexts.require("fallback", fallback);
    }

    @Override
    public Optional<UserId> assign(Lead lead, AssignmentContext context) {
        Condition.Facts facts = Condition.Facts.of(lead, context.customer().orElse(null));
        for (AssignmentRule rule : rules) {
            if (rule.when().test(facts).holds()) {
                return rule.then().assign(lead, context);
            }
        }
        return fallback.assign(lead, context);
    }
}
