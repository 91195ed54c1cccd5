package io.crmkit.lead;

import io.crmkit.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the owner of a newly captured lead that was given none explicitly. Configured on the {@code Crm} builder
 * ({@code leadAssignment(...)}); by default no owner is assigned.
 *
 * <p>A strategy must be deterministic: the same lead and the same context (including the persisted sequences of
 * {@link AssignmentContext}) give the same owner; no hidden randomness, no clock. It runs inside the capture's unit
 * of work and must not call crmkit.
 *
 * <pre>{@code
 * LeadAssignmentStrategy strategy = LeadAssignmentStrategy.rules(List.of(
 *         AssignmentRule.to(Condition.in("country", Set.of("DE", "AT", "CH")), UserId.of("jonas")),
 *         AssignmentRule.of(Condition.sourceIs(LeadChannel.WEBINAR),
 *                 LeadAssignmentStrategy.roundRobin("webinar-team", List.of(UserId.of("ann"), UserId.of("bo"))))),
 *     LeadAssignmentStrategy.roundRobin("everyone", List.of(UserId.of("cy"), UserId.of("di"))));
 * }</pre>
 */
@FunctionalInterface
public interface LeadAssignmentStrategy {

    /**
     * The owner for {@code lead}, or empty to leave it unassigned.
     *
     * @param lead    the lead being captured, before it is stored (no owner yet)
     * @param context sequences and the related customer
     */
    Optional<UserId> assign(Lead lead, AssignmentContext context);

    /** Assigns nobody. */
    static LeadAssignmentStrategy none() {
        return (lead, context) -> Optional.empty();
    }

    /** Assigns every lead to {@code user}. */
    static LeadAssignmentStrategy always(UserId user) {
        return new FixedAssignment(user);
    }

    /**
     * Takes turns among {@code users}, in order, with a persisted sequence called {@code "round-robin:" + name}: the
     * n-th lead assigned by this strategy in a tenant goes to {@code users[(n - 1) mod size]}.
     */
    static LeadAssignmentStrategy roundRobin(String name, List<UserId> users) {
        return new RoundRobinAssignment(name, users);
    }

    /** The first rule whose condition holds for the lead decides; if none holds, {@code fallback} does. */
    static LeadAssignmentStrategy rules(List<AssignmentRule> rules, LeadAssignmentStrategy fallback) {
        return new RuleBasedAssignment(rules, fallback);
    }
}
