package io.crmkit.lead;

/**
 * What a capture does when an existing customer or open lead has the same normalised e-mail address or phone
 * number. Chosen per capture ({@link LeadCapture.Builder#onDuplicate}) or for every capture on the
 * {@code Crm} builder ({@code leadDuplicatePolicy}); {@link #FLAG} unless configured. Nothing is ever merged
 * silently: the {@link CaptureResult} says what happened.
 */
public enum DuplicatePolicy {
    /**
     * Attach the capture: to the matching open lead (its last touch becomes this capture; no new lead), else to
     * the matching customer (a new lead is created, related to that customer).
     */
    ATTACH,
    /** Create a new lead anyway, flagged with the matches as {@link PossibleDuplicates}. */
    FLAG
}
