package io.crmkit.lead;

/** What a capture did. */
public enum CaptureOutcome {
    /** A new lead; nothing matched. */
    CREATED,
    /** The same source and external id were captured before: nothing changed; the result holds that lead. */
    DUPLICATE_DELIVERY,
    /** An open lead matched and the capture was attached to it (its last touch); no new lead. */
    ATTACHED_TO_LEAD,
    /** A customer (and no open lead) matched: a new lead was created, related to that customer. */
    ATTACHED_TO_CUSTOMER,
    /** Something matched and a new lead was created, flagged as a possible duplicate of the matches. */
    FLAGGED_POSSIBLE_DUPLICATE
}
