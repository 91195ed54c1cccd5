package io.crmkit.spi;

import io.crmkit.pipeline.Deal;
import io.crmkit.shared.DealId;
import java.time.LocalDate;

/**
 * A place in a list of deals ordered by expected close date, then id: the last deal of the previous slice.
 *
 * @param expectedCloseDate that deal's expected close date
 * @param id                its id
 */
public record DealDatePosition(LocalDate expectedCloseDate, DealId id) {

    /** The position of {@code deal}. */
    public static DealDatePosition of(Deal deal) {
        return new DealDatePosition(deal.expectedCloseDate(), deal.id());
    }
}
