package io.crmkit.internal;

import io.crmkit.lead.DuplicatePolicy;
import io.crmkit.lead.LeadAssignmentStrategy;
import io.crmkit.lead.LeadSettings;
import java.util.Objects;

/**
 * The lead options of a {@code Crm} builder.
 *
 * @param duplicatePolicy what a capture does on a match when it does not say
 * @param assignment      how a captured lead without an explicit owner gets one
 * @param settings        the lead settings of tenants that stored none of their own
 */
public record LeadDefaults(DuplicatePolicy duplicatePolicy, LeadAssignmentStrategy assignment, LeadSettings settings) {

    /** FLAG, no assignment, {@link LeadSettings#defaults()}. */
    public static final LeadDefaults STANDARD =
            new LeadDefaults(DuplicatePolicy.FLAG, LeadAssignmentStrategy.none(), LeadSettings.defaults());

    /** Refuses nulls. */
    public LeadDefaults {
        Objects.requireNonNull(duplicatePolicy, "duplicatePolicy");
        Objects.requireNonNull(assignment, "assignment");
        Objects.requireNonNull(settings, "settings");
    }
}
