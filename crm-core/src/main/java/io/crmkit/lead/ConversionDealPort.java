package io.crmkit.lead;

import io.crmkit.shared.DealId;
import io.crmkit.shared.InvalidInputException;

/**
 * The port through which a conversion opens its deal, so that leads need not know how deals are stored. crmkit
 * implements it with its pipeline support ({@code Deals.open}); hosts do not implement it. It is called inside the
 * conversion's unit of work, so a deal that cannot be opened undoes the whole conversion.
 */
@FunctionalInterface
public interface ConversionDealPort {

    /**
     * Opens the deal in the pipeline's first OPEN stage.
     *
     * @return its id
     * @throws InvalidInputException if the deal is refused (no such pipeline, no default pipeline, bad values)
     */
    DealId open(LeadDealOpening opening);
}
