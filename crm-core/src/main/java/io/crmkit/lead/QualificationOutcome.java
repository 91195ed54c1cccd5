package io.crmkit.lead;

import java.util.List;

/**
 * What happened when a lead was asked to qualify: it {@link Qualified}, or it was {@link Refused} with every rule
 * that failed. A refusal is a value, not an exception: a lead that does not qualify is a normal outcome.
 */
public sealed interface QualificationOutcome {

    /** The lead after the call (unchanged when refused). */
    Lead lead();

    /** The level that was asked for. */
    QualificationLevel level();

    /** Whether it was refused. */
    default boolean isRefused() {
        return this instanceof Refused;
    }

    /**
     * The lead is at {@code level}.
     *
     * @param lead           the lead
     * @param level          the level
     * @param newlyQualified true if this call qualified it, false if it already was at this level or above
     */
    record Qualified(Lead lead, QualificationLevel level, boolean newlyQualified) implements QualificationOutcome {
    }

    /**
     * The lead did not qualify; nothing changed.
     *
     * @param lead     the lead, unchanged
     * @param level    the level that was asked for
     * @param failures every rule that failed, in the order of the rules
     */
    record Refused(Lead lead, QualificationLevel level, List<FailedRule> failures) implements QualificationOutcome {
        /** Copies the list. */
        public Refused {
            failures = List.copyOf(failures);
        }
    }
}
