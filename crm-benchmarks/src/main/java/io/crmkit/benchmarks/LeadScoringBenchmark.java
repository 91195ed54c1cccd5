package io.crmkit.benchmarks;

import java.util.Optional;

/**
 * Scenario 5, lead scoring: scores per second for leads with 100 touchpoints each and a model of 20 rules. Waits for
 * crmkit's leads ({@code io.crmkit.lead}), which are not on this branch yet.
 */
public final class LeadScoringBenchmark {

    /** What the scenario measures, for the report. */
    static final String DESCRIPTION = "Lead scoring: not measured yet.";

    private LeadScoringBenchmark() {
    }

    /** Empty if crmkit has lead scoring, else why this scenario cannot run. */
    public static Optional<String> unavailable() {
        try {
            Class.forName("io.crmkit.lead.ScoringModel");
            return Optional.empty();
        } catch (ClassNotFoundException e) {
            return Optional.of("crmkit has no lead scoring yet (io.crmkit.lead.ScoringModel is not on the class "
                    + "path); the scenario runs once the leads work is merged");
        }
    }
}
