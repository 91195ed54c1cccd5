package io.crmkit.lead;

import io.crmkit.customer.LifecycleStage;

/**
 * The two named levels of qualification, in order: a lead is first {@link #MARKETING_QUALIFIED} (MQL: the tenant's
 * rule holds), then {@link #SALES_QUALIFIED} (SQL: a sales user accepted it with the BANT checklist).
 */
public enum QualificationLevel {
    /** Not qualified yet. */
    NONE,
    /** Marketing-qualified (MQL): the configured {@link MarketingQualificationRule} holds. */
    MARKETING_QUALIFIED,
    /** Sales-qualified (SQL): accepted by a sales user with the BANT checklist. */
    SALES_QUALIFIED;

    /** The lifecycle stage a related customer moves (forward only) to when its lead reaches this level. */
    public LifecycleStage lifecycleStage() {
        switch (this) {
            case MARKETING_QUALIFIED:
                return LifecycleStage.MARKETING_QUALIFIED;
            case SALES_QUALIFIED:
                return LifecycleStage.SALES_QUALIFIED;
            default:
                return LifecycleStage.LEAD;
        }
    }
}
