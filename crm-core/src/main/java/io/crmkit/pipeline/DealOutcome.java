package io.crmkit.pipeline;

import io.crmkit.customer.LifecycleChange;

/**
 * The result of opening or winning a deal: the deal, and what happened to its customer's lifecycle stage. Opening a
 * deal moves the customer forward to OPPORTUNITY, winning one to CUSTOMER, by the forward-only rules: a customer
 * already further along is {@link LifecycleChange.Refused refused} (a value, not an error; the deal is opened or won
 * all the same), one already there is {@link LifecycleChange.Unchanged unchanged}. An archived customer's lifecycle is
 * not moved: refused with that reason.
 *
 * @param deal      the deal after the change
 * @param lifecycle what happened to the customer's lifecycle stage
 */
public record DealOutcome(Deal deal, LifecycleChange lifecycle) {
}
