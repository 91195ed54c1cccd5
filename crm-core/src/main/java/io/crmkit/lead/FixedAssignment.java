package io.crmkit.lead;

import io.crmkit.shared.UserId;
import java.util.Optional;

/**
 * Assigns every lead to one user.
 *
 * @param user the user
 */
public record FixedAssignment(UserId user) implements LeadAssignmentStrategy {

    /** @throws io.crmkit.shared.InvalidInputException if the user is null */
    public FixedAssignment {
        LeadTexts.require("user", user);
    }

    @Override
    public Optional<UserId> assign(Lead lead, AssignmentContext context) {
        return Optional.of(user);
    }
}
