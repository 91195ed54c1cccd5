package io.crmkit.lead;

import java.time.Instant;

/**
 * What {@link Leads#recomputeScores} did.
 *
 * @param at                       the instant the scores were computed for
 * @param leadsScored              how many open leads were scored
 * @param scoresChanged            how many of them got a different score (one {@link LeadScored} each)
 * @param newlyMarketingQualified  how many became marketing-qualified
 */
public record RecomputeSummary(Instant at, long leadsScored, long scoresChanged, long newlyMarketingQualified) {
}
