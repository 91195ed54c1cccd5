package io.crmkit.lead;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import java.util.List;

/**
 * The outcome of a capture: the lead it created or attached to, what it did, and what matched.
 *
 * @param lead             the lead created, attached to, or (for a duplicate delivery) captured before
 * @param outcome          what happened
 * @param matchedCustomers the active customers with the same normalised e-mail or phone, ordered by id (empty for a
 *                         duplicate delivery)
 * @param matchedLeads     the open leads with the same normalised e-mail or phone, ordered by id (empty for a
 *                         duplicate delivery)
 */
public record CaptureResult(Lead lead, CaptureOutcome outcome, List<CustomerId> matchedCustomers,
                            List<LeadId> matchedLeads) {

    /** Copies the lists. */
    public CaptureResult {
        matchedCustomers = List.copyOf(matchedCustomers);
        matchedLeads = List.copyOf(matchedLeads);
    }

    /** Whether a new lead was stored by this capture. */
    public boolean createdLead() {
        return outcome == CaptureOutcome.CREATED || outcome == CaptureOutcome.ATTACHED_TO_CUSTOMER
                || outcome == CaptureOutcome.FLAGGED_POSSIBLE_DUPLICATE;
    }

    /** Whether this was a re-delivery of an earlier capture. */
    public boolean duplicateDelivery() {
        return outcome == CaptureOutcome.DUPLICATE_DELIVERY;
    }
}
