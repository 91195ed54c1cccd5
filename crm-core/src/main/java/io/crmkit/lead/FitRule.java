package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;

/**
 * A fit rule of a {@link ScoringModel}: when {@code when} holds for the lead (and its related customer), the lead
 * gets {@code points}, e.g. {@code new FitRule("director", Condition.contains("jobTitle", "director"), 15)}.
 *
 * @param name   the rule's name, unique within the model, 1–100 characters
 * @param when   the condition over the lead's facts
 * @param points the points, −1000 to 1000 (negative for a bad fit, such as a free-mail domain)
 */
public record FitRule(String name, Condition when, int points) {

    /** @throws InvalidInputException naming the part that is missing or out of range */
    public FitRule {
        name = LeadTexts.required("name", name, 100);
        LeadTexts.require("when", when);
        if (points < -1000 || points > 1000) {
            throw InvalidInputException.of("points", "must be between -1000 and 1000");
        }
    }
}
