package io.crmkit.lead;

/** How a lead reached the business: the kind of its source. */
public enum LeadChannel {
    /** A form on the host's web site. */
    WEB_FORM,
    /** A newsletter sign-up. */
    NEWSLETTER,
    /** A webinar registration or attendance. */
    WEBINAR,
    /** An imported list. */
    IMPORT,
    /** A referral by a customer or partner. */
    REFERRAL,
    /** A chat conversation. */
    CHAT,
    /** A paid advertisement (lead ad, click-through). */
    AD,
    /** Anything else. */
    OTHER
}
