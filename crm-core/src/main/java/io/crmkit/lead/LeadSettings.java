package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A tenant's lead settings: the reasons a lead may be disqualified for, the MQL rule, the SQL policy and the scoring
 * model.
 *
 * <p>Where they come from: the {@code Crm} builder's {@code leadSettings(...)} gives the settings of every tenant
 * (defaults: {@link #defaults()}); a tenant may store its own with {@link Leads#configure(LeadSettings)}, which then
 * take precedence for that tenant. Stored settings live in the storage, so that every instance of the host sees the
 * same.
 *
 * @param disqualificationReasons the reasons {@link Leads#disqualify} accepts, 1–100 characters each, distinct
 *                                ignoring case, 1–100 of them
 * @param marketingQualification  the MQL rule
 * @param salesQualification      the SQL policy
 * @param scoring                 the scoring model
 */
public record LeadSettings(List<String> disqualificationReasons, MarketingQualificationRule marketingQualification,
                           SalesQualificationPolicy salesQualification, ScoringModel scoring) {

    /** The reasons of {@link #defaults()}. */
    public static final List<String> DEFAULT_REASONS = List.of("no budget", "no authority", "no need", "bad timing",
            "chose a competitor", "unreachable", "spam", "duplicate");

    /** @throws InvalidInputException naming what is missing or malformed */
    public LeadSettings {
        if (disqualificationReasons == null || disqualificationReasons.isEmpty() || disqualificationReasons.size() > 100) {
            throw InvalidInputException.of("disqualificationReasons", "must hold 1 to 100 reasons");
        }
        List<String> reasons = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String reason : disqualificationReasons) {
            String trimmed = LeadTexts.required("disqualificationReasons", reason, 100);
            if (!seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                throw InvalidInputException.of("disqualificationReasons", "'" + trimmed + "' is listed twice");
            }
            reasons.add(trimmed);
        }
        disqualificationReasons = List.copyOf(reasons);
        marketingQualification = marketingQualification == null ? MarketingQualificationRule.NONE
                : marketingQualification;
        salesQualification = salesQualification == null ? SalesQualificationPolicy.FULL_BANT : salesQualification;
        scoring = scoring == null ? ScoringModel.EMPTY : scoring;
    }

    /** The default reasons, no MQL rule, full BANT, no scoring rules. */
    public static LeadSettings defaults() {
        return new LeadSettings(DEFAULT_REASONS, MarketingQualificationRule.NONE, SalesQualificationPolicy.FULL_BANT,
                ScoringModel.EMPTY);
    }

    /** These settings with other disqualification reasons. */
    public LeadSettings withDisqualificationReasons(List<String> reasons) {
        return new LeadSettings(reasons, marketingQualification, salesQualification, scoring);
    }

    /** These settings with another MQL rule. */
    public LeadSettings withMarketingQualification(MarketingQualificationRule rule) {
        return new LeadSettings(disqualificationReasons, rule, salesQualification, scoring);
    }

    /** These settings with another SQL policy. */
    public LeadSettings withSalesQualification(SalesQualificationPolicy policy) {
        return new LeadSettings(disqualificationReasons, marketingQualification, policy, scoring);
    }

    /** These settings with another scoring model. */
    public LeadSettings withScoring(ScoringModel model) {
        return new LeadSettings(disqualificationReasons, marketingQualification, salesQualification, model);
    }

    /** The configured reason equal to {@code reason} ignoring case and surrounding white space, if any. */
    public Optional<String> reason(String reason) {
        if (reason == null) {
            return Optional.empty();
        }
        String wanted = reason.strip();
        return disqualificationReasons.stream().filter(r -> r.equalsIgnoreCase(wanted)).findFirst();
    }
}
