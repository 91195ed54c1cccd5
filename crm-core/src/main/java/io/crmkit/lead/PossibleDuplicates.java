package io.crmkit.lead;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.LeadId;
import java.util.List;

/**
 * The customers and open leads that had the same normalised e-mail address or phone number as a lead when it was
 * captured and the host chose to create a new lead rather than attach the capture ({@link DuplicatePolicy#FLAG}).
 * Nothing is merged: a person decides.
 *
 * @param customers matching customers, ordered by id
 * @param leads     matching open leads, ordered by id
 */
public record PossibleDuplicates(List<CustomerId> customers, List<LeadId> leads) {

    /** No possible duplicate. */
    public static final PossibleDuplicates NONE = new PossibleDuplicates(List.of(), List.of());

    /** Copies the lists; null becomes empty. */
    public PossibleDuplicates {
        customers = customers == null ? List.of() : List.copyOf(customers);
        leads = leads == null ? List.of() : List.copyOf(leads);
    }

    /** Whether anything matched. */
    public boolean any() {
        return !customers.isEmpty() || !leads.isEmpty();
    }
}
