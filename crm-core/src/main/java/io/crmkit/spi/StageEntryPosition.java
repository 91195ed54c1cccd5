package io.crmkit.spi;

import io.crmkit.pipeline.Deal;
import io.crmkit.shared.DealId;
import java.time.Instant;

/**
 * A place in a list of deals ordered by the instant they entered their stage, then id: the last deal of the previous
 * slice.
 *
 * @param stageEnteredAt when that deal entered its stage
 * @param id             its id
 */
public record StageEntryPosition(Instant stageEnteredAt, DealId id) {

    /** The position of {@code deal}. */
    public static StageEntryPosition of(Deal deal) {
        return new StageEntryPosition(deal.stageEnteredAt(), deal.id());
    }
}
