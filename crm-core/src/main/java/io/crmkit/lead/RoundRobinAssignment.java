package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.UserId;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * Takes turns among users: the n-th lead this strategy assigns in a tenant goes to {@code users[(n - 1) mod size]},
 * n counted by the tenant's persisted sequence {@code "round-robin:" + name}. Deterministic: the same sequence of
 * captures gives the same owners, on any instance, after any restart; a capture that fails does not take a turn.
 *
 * @param name  the rotation's name, 1–80 characters: strategies with the same name share the turn
 * @param users the users, at least one, distinct, in turn order
 */
public record RoundRobinAssignment(String name, List<UserId> users) implements LeadAssignmentStrategy {

    /** @throws InvalidInputException if the name is blank or the list is empty, holds null or repeats a user */
    public RoundRobinAssignment {
        name = LeadTexts.required("name", name, 80);
        if (users == null || users.isEmpty()) {
            throw InvalidInputException.of("users", "must hold at least one user");
        }
        users = List.copyOf(users);
        if (new HashSet<>(users).size() != users.size()) {
            throw InvalidInputException.of("users", "must not repeat a user");
        }
    }

    @Override
    public Optional<UserId> assign(Lead lead, AssignmentContext context) {
        long turn = context.nextInSequence("round-robin:" + name);
        return Optional.of(users.get((int) Math.floorMod(turn - 1, (long) users.size())));
    }
}
