package io.crmkit.pipeline;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import java.time.LocalDate;

/**
 * The values of a deal that its history tracks, at one moment: stage (and the status it implies), amount,
 * probability, expected close date and owner.
 *
 * @param stageId               the stage
 * @param status                open, won or lost
 * @param amount                the amount
 * @param probability           the win probability, 0–100
 * @param probabilityOverridden whether the probability was set by hand
 * @param expectedCloseDate     the expected close date
 * @param owner                 the owner
 */
public record DealSnapshot(StageId stageId, DealStatus status, Money amount, int probability,
                           boolean probabilityOverridden, LocalDate expectedCloseDate, UserId owner) {

    /** @throws InvalidInputException if a value is missing or the probability is out of range */
    public DealSnapshot {
        if (stageId == null || status == null || amount == null || expectedCloseDate == null || owner == null) {
            throw InvalidInputException.of("snapshot",
                    "stageId, status, amount, expectedCloseDate and owner are required");
        }
        Deal.checkProbability("probability", probability);
    }

    /** The weighted amount at this moment: amount × probability / 100 (see {@link Deal#weightedAmount()}). */
    public Money weightedAmount() {
        return amount.percent(java.math.BigDecimal.valueOf(probability));
    }
}
