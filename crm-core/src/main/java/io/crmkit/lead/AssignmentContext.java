package io.crmkit.lead;

import io.crmkit.customer.Customer;
import java.util.Optional;

/**
 * What a {@link LeadAssignmentStrategy} may use besides the lead: persisted sequences (so that round-robin state
 * survives restarts and is shared by every instance of the host) and the lead's related customer.
 */
public interface AssignmentContext {

    /**
     * The next value of the tenant's sequence called {@code name}: 1 the first time, then 2, 3, ... Kept in the
     * storage and advanced inside the capture's unit of work, so a capture that fails does not advance it.
     *
     * @param name 1–100 characters
     */
    long nextInSequence(String name);

    /** The customer the lead relates to, if any (a capture attached to a customer). */
    Optional<Customer> customer();
}
