package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;

/**
 * The BANT checklist a sales user records when accepting a lead: budget, authority, need and timeline, each
 * confirmed or not, each with a note. Which ones must be confirmed is the tenant's
 * {@link SalesQualificationPolicy}.
 *
 * @param budget    can they pay
 * @param authority does the contact decide
 * @param need      do they need it
 * @param timeline  will they buy soon enough
 */
public record BantChecklist(BantItem budget, BantItem authority, BantItem need, BantItem timeline) {

    /** @throws InvalidInputException naming each missing item */
    public BantChecklist {
        if (budget == null || authority == null || need == null || timeline == null) {
            throw InvalidInputException.of(budget == null ? "budget" : authority == null ? "authority"
                    : need == null ? "need" : "timeline", "must not be null; use BantItem.unknown()");
        }
    }

    /** The answer for {@code criterion}. */
    public BantItem item(BantCriterion criterion) {
        switch (criterion) {
            case BUDGET:
                return budget;
            case AUTHORITY:
                return authority;
            case NEED:
                return need;
            default:
                return timeline;
        }
    }
}
