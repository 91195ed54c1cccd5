package io.crmkit.lead;

import io.crmkit.shared.UserId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which leads {@link Leads#list} returns, ordered by id (for version-7 ids: capture order).
 *
 * @param statuses only leads in these statuses; empty for all
 * @param owner    only leads of this owner, or null for all
 */
public record LeadQuery(Set<LeadStatus> statuses, UserId owner) {

    /** Every lead. */
    public static final LeadQuery ALL = new LeadQuery(Set.of(), null);

    /** The open leads: NEW, WORKING, NURTURING and QUALIFIED. */
    public static final LeadQuery OPEN = new LeadQuery(
            EnumSet.of(LeadStatus.NEW, LeadStatus.WORKING, LeadStatus.NURTURING, LeadStatus.QUALIFIED), null);

    /** Copies the set; null becomes empty. */
    public LeadQuery {
        statuses = statuses == null || statuses.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(statuses));
    }

    /** Leads in {@code status}. */
    public static LeadQuery inStatus(LeadStatus first, LeadStatus... more) {
        return new LeadQuery(EnumSet.of(first, more), null);
    }

    /** This query restricted to {@code owner}'s leads. */
    public LeadQuery ownedBy(UserId owner) {
        return new LeadQuery(statuses, owner);
    }

    /** Whether {@code lead} matches. */
    public boolean matches(Lead lead) {
        return (statuses.isEmpty() || statuses.contains(lead.status()))
                && (owner == null || owner.equals(lead.owner()));
    }
}
