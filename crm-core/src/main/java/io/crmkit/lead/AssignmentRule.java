package io.crmkit.lead;

import io.crmkit.shared.UserId;

/**
 * One rule of a {@link RuleBasedAssignment}: when {@code when} holds for the lead (by source, country, any
 * attribute: see {@link Condition}), {@code then} assigns it.
 *
 * @param when the condition over the lead's facts
 * @param then the strategy that assigns a lead this rule matched
 */
public record AssignmentRule(Condition when, LeadAssignmentStrategy then) {

    /** @throws io.crmkit.shared.InvalidInputException if either part is null */
    public AssignmentRule {
        LeadTexts.require("when", when);
        LeadTexts.require("then", then);
    }

    /** When {@code when} holds, assign to {@code user}. */
    public static AssignmentRule to(Condition when, UserId user) {
        return new AssignmentRule(when, new FixedAssignment(user));
    }

    /** When {@code when} holds, let {@code then} assign. */
    public static AssignmentRule of(Condition when, LeadAssignmentStrategy then) {
        return new AssignmentRule(when, then);
    }
}
