package io.crmkit.lead;

import io.crmkit.shared.DealId;
import io.crmkit.shared.InvalidInputException;

/**
 * The port through which a conversion opens a deal: implemented by crmkit's pipeline support. It is called inside
 * the conversion's unit of work, so a failure to open the deal undoes the whole conversion.
 *
 * <p>Until the pipeline support is part of crmkit, the port in use is {@link #UNSUPPORTED}: a conversion that asks
 * for a deal is refused, and nothing is converted.
 */
@FunctionalInterface
public interface ConversionDealPort {

    /** Refuses every deal: this crmkit has no pipeline support yet. */
    ConversionDealPort UNSUPPORTED = opening -> {
        throw InvalidInputException.of("deal", "this crmkit cannot open deals yet (no pipeline support); convert"
                + " without a deal");
    };

    /**
     * Opens the deal in the pipeline's first open stage.
     *
     * @return its id
     * @throws InvalidInputException if the pipeline does not exist or the deal is refused
     */
    DealId open(LeadDealOpening opening);
}
