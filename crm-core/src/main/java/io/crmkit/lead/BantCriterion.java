package io.crmkit.lead;

/** The four questions of the BANT checklist. */
public enum BantCriterion {
    /** Can they pay? */
    BUDGET,
    /** Does the contact decide, or reach who does? */
    AUTHORITY,
    /** Do they need what is sold? */
    NEED,
    /** Will they buy soon enough? */
    TIMELINE
}
