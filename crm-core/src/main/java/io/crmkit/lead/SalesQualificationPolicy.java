package io.crmkit.lead;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a sales user must record to accept a lead as sales-qualified (SQL): which BANT criteria must be confirmed,
 * and whether the lead must be marketing-qualified first.
 *
 * @param required                   the criteria that must be confirmed (may be empty)
 * @param requireMarketingQualified  whether only a marketing-qualified lead can be accepted
 */
public record SalesQualificationPolicy(Set<BantCriterion> required, boolean requireMarketingQualified) {

    /** All four criteria required; no MQL needed first. */
    public static final SalesQualificationPolicy FULL_BANT =
            new SalesQualificationPolicy(EnumSet.allOf(BantCriterion.class), false);

    /** Copies the set; null becomes empty. */
    public SalesQualificationPolicy {
        required = required == null || required.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(required));
    }

    /** A policy requiring {@code criteria} to be confirmed. */
    public static SalesQualificationPolicy requiring(BantCriterion first, BantCriterion... more) {
        return new SalesQualificationPolicy(EnumSet.of(first, more), false);
    }

    /** This policy, also requiring the lead to be marketing-qualified first. */
    public SalesQualificationPolicy afterMarketingQualification() {
        return new SalesQualificationPolicy(required, true);
    }

    /** Every rule that accepting {@code lead} with {@code checklist} fails, in order; empty if it may be accepted. */
    public List<FailedRule> failures(Lead lead, BantChecklist checklist) {
        List<FailedRule> failures = new ArrayList<>();
        if (requireMarketingQualified && lead.qualification() == QualificationLevel.NONE) {
            failures.add(new FailedRule("marketingQualified",
                    "the policy accepts only marketing-qualified leads, and this one is not"));
        }
        for (BantCriterion criterion : BantCriterion.values()) {
            if (required.contains(criterion) && !checklist.item(criterion).confirmed()) {
                failures.add(new FailedRule("bant." + criterion.name().toLowerCase(Locale.ROOT),
                        criterion + " is required by the policy and was not confirmed"));
            }
        }
        return failures;
    }
}
