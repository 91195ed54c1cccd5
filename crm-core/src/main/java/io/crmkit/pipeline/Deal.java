package io.crmkit.pipeline;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TextRules;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A deal (an opportunity): something a customer may buy, moving through the stages of one {@link Pipeline} until it is
 * won or lost.
 *
 * <p>A {@code Deal} is an immutable snapshot at one {@link #version()}. Hosts change deals through {@link Deals}, which
 * checks them against their pipeline, saves them with an optimistic version check, appends to their
 * {@linkplain DealHistoryEntry stage history} and publishes events. The constructor guards the deal's invariants
 * whoever calls it (storage adapters rebuild deals with it):
 * <ul>
 *   <li>name 1 to {@value #MAX_NAME_LENGTH} characters; amount not negative; probability 0 to 100;</li>
 *   <li>an OPEN deal has no closing instant, a WON or LOST deal has one; a WON deal has probability 100, a LOST deal
 *       0, neither an override;</li>
 *   <li>a LOST deal has a lost reason (and may have a note); other deals have neither;</li>
 *   <li>the version is at least 1; {@code createdAt ≤ stageEnteredAt ≤ updatedAt}, {@code createdAt ≤ closedAt}.</li>
 * </ul>
 *
 * @param id                    the deal's id
 * @param tenantId              the tenant it belongs to
 * @param version               the optimistic version: 1 when opened, one more with every saved change
 * @param name                  what the deal is about, e.g. "Candles for Café Luna"
 * @param customerId            the customer (person or organisation) it is with
 * @param owner                 the user responsible for it
 * @param amount                its value, exact, never negative
 * @param expectedCloseDate     when it is expected to close
 * @param pipelineId            its pipeline
 * @param stageId               its stage in that pipeline
 * @param status                OPEN, WON or LOST: the kind of its stage
 * @param probability           its win probability, 0–100
 * @param probabilityOverridden whether the probability was set by hand rather than taken from the stage
 * @param stageEnteredAt        when it entered its current stage (the basis of stalled-deal queries)
 * @param sourceLeadId          the lead it came from, or null
 * @param campaign              the campaign it is attributed to, or null
 * @param closedAt              when it was won or lost; null while it is open
 * @param lostReason            why it was lost (one of the tenant's lost reasons); null unless LOST
 * @param lostNote              free text about the loss, or null
 * @param createdAt             when it was opened
 * @param updatedAt             when it last changed
 */
public record Deal(
        DealId id,
        TenantId tenantId,
        long version,
        String name,
        CustomerId customerId,
        UserId owner,
        Money amount,
        LocalDate expectedCloseDate,
        PipelineId pipelineId,
        StageId stageId,
        DealStatus status,
        int probability,
        boolean probabilityOverridden,
        Instant stageEnteredAt,
        LeadId sourceLeadId,
        String campaign,
        Instant closedAt,
        String lostReason,
        String lostNote,
        Instant createdAt,
        Instant updatedAt) {

    /** The longest deal name. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The longest campaign. */
    public static final int MAX_CAMPAIGN_LENGTH = 200;
    /** The longest lost note. */
    public static final int MAX_LOST_NOTE_LENGTH = 2000;
    /** The earliest expected close date. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** The latest expected close date. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    /** @throws InvalidInputException naming the first broken invariant */
    public Deal {
        require("id", id);
        require("tenantId", tenantId);
        require("customerId", customerId);
        require("owner", owner);
        require("amount", amount);
        require("pipelineId", pipelineId);
        require("stageId", stageId);
        require("status", status);
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        name = TextRules.required("name", name, MAX_NAME_LENGTH);
        campaign = TextRules.optional("campaign", campaign, MAX_CAMPAIGN_LENGTH);
        lostReason = TextRules.optional("lostReason", lostReason, PipelineSettings.MAX_LOST_REASON_LENGTH);
        lostNote = TextRules.optional("lostNote", lostNote, MAX_LOST_NOTE_LENGTH);
        checkAmount("amount", amount);
        checkDate("expectedCloseDate", expectedCloseDate);
        checkProbability("probability", probability);
        createdAt = Timestamps.normalise("createdAt", createdAt);
        updatedAt = Timestamps.normalise("updatedAt", updatedAt);
        stageEnteredAt = Timestamps.normalise("stageEnteredAt", stageEnteredAt);
        closedAt = closedAt == null ? null : Timestamps.normalise("closedAt", closedAt);
        if (updatedAt.isBefore(createdAt)) {
            throw InvalidInputException.of("updatedAt", "must not be before createdAt");
        }
        if (stageEnteredAt.isBefore(createdAt) || stageEnteredAt.isAfter(updatedAt)) {
            throw InvalidInputException.of("stageEnteredAt", "must lie between createdAt and updatedAt");
        }
        if ((status == DealStatus.OPEN) != (closedAt == null)) {
            throw InvalidInputException.of("closedAt", "an open deal has no closing instant, a closed deal has one");
        }
        if (closedAt != null && (closedAt.isBefore(createdAt) || closedAt.isAfter(updatedAt))) {
            throw InvalidInputException.of("closedAt", "must lie between createdAt and updatedAt");
        }
        if (status == DealStatus.WON && (probability != 100 || probabilityOverridden)) {
            throw InvalidInputException.of("probability", "a won deal has probability 100 and no override");
        }
        if (status == DealStatus.LOST && (probability != 0 || probabilityOverridden)) {
            throw InvalidInputException.of("probability", "a lost deal has probability 0 and no override");
        }
        if ((status == DealStatus.LOST) != (lostReason != null)) {
            throw InvalidInputException.of("lostReason", "a lost deal has a lost reason, other deals have none");
        }
        if (lostNote != null && status != DealStatus.LOST) {
            throw InvalidInputException.of("lostNote", "only a lost deal has a lost note");
        }
    }

    /**
     * A new deal at version 1 in the active OPEN stage {@code stage} of {@code pipelineId}: its probability is the
     * stage's default, or {@code probabilityOverride} if that is given.
     *
     * @throws InvalidInputException naming the first problem
     */
    public static Deal open(DealId id, TenantId tenantId, String name, CustomerId customerId, UserId owner,
                            Money amount, LocalDate expectedCloseDate, PipelineId pipelineId, Stage stage,
                            Integer probabilityOverride, LeadId sourceLeadId, String campaign, Instant now) {
        requireEnterable("stageId", stage, StageKind.OPEN);
        boolean overridden = probabilityOverride != null;
        return new Deal(id, tenantId, 1, name, customerId, owner, amount, expectedCloseDate, pipelineId, stage.id(),
                DealStatus.OPEN, overridden ? probabilityOverride : stage.probability(), overridden, now,
                sourceLeadId, campaign, null, null, null, now, now);
    }

    /** Whether the deal is open. */
    public boolean isOpen() {
        return status == DealStatus.OPEN;
    }

    /**
     * The weighted amount: amount × probability / 100, rounded half-even to the currency's scale
     * ({@link Money#percent}). Exact: {@code 1000.00 EUR} at 25 % is {@code 250.00 EUR}; {@code 0.05 EUR} at 50 % is
     * {@code 0.02 EUR} (half-even).
     */
    public Money weightedAmount() {
        return amount.percent(BigDecimal.valueOf(probability));
    }

    /** The tracked values now: what a history entry records before and after a change. */
    public DealSnapshot snapshot() {
        return new DealSnapshot(stageId, status, amount, probability, probabilityOverridden, expectedCloseDate, owner);
    }

    /**
     * This open deal moved to the active OPEN stage {@code target} at the next version; the probability follows
     * {@code rule}. The pipeline's transition policy is checked by the caller ({@link Pipeline#refusalToMove}).
     *
     * @throws IllegalTransitionException if the deal is closed
     * @throws InvalidInputException      if {@code target} is not an active OPEN stage
     */
    public Deal moveTo(Stage target, ProbabilityOnStageChange rule, Instant now) {
        now = later(now);
        requireOpen("move");
        requireEnterable("stageId", target, StageKind.OPEN);
        boolean keep = rule == ProbabilityOnStageChange.KEEP_OVERRIDE && probabilityOverridden;
        return new Deal(id, tenantId, version + 1, name, customerId, owner, amount, expectedCloseDate, pipelineId,
                target.id(), DealStatus.OPEN, keep ? probability : target.probability(), keep, now, sourceLeadId,
                campaign, null, null, null, createdAt, now);
    }

    /**
     * This open deal won in the active WON stage {@code stage} at the next version: probability 100, closed at
     * {@code now}.
     *
     * @throws IllegalTransitionException if the deal is closed
     * @throws InvalidInputException      if {@code stage} is not an active WON stage
     */
    public Deal win(Stage stage, Instant now) {
        now = later(now);
        requireOpen("win");
        requireEnterable("stageId", stage, StageKind.WON);
        return new Deal(id, tenantId, version + 1, name, customerId, owner, amount, expectedCloseDate, pipelineId,
                stage.id(), DealStatus.WON, 100, false, now, sourceLeadId, campaign, now, null, null, createdAt, now);
    }

    /**
     * This open deal lost in the active LOST stage {@code stage} at the next version: probability 0, closed at
     * {@code now}, with the reason (checked against the tenant's list by the caller) and an optional note.
     *
     * @throws IllegalTransitionException if the deal is closed
     * @throws InvalidInputException      if {@code stage} is not an active LOST stage or the reason is blank
     */
    public Deal lose(Stage stage, String reason, String note, Instant now) {
        now = later(now);
        requireOpen("lose");
        requireEnterable("stageId", stage, StageKind.LOST);
        return new Deal(id, tenantId, version + 1, name, customerId, owner, amount, expectedCloseDate, pipelineId,
                stage.id(), DealStatus.LOST, 0, false, now, sourceLeadId, campaign, now,
                TextRules.required("reason", reason, PipelineSettings.MAX_LOST_REASON_LENGTH), note, createdAt, now);
    }

    /**
     * This closed deal reopened in the active OPEN stage {@code stage} at the next version: the stage's default
     * probability, no closing instant, no lost reason.
     *
     * @throws IllegalTransitionException if the deal is open
     * @throws InvalidInputException      if {@code stage} is not an active OPEN stage
     */
    public Deal reopen(Stage stage, Instant now) {
        now = later(now);
        if (isOpen()) {
            throw new IllegalTransitionException("Deal", id, "is open; only a won or lost deal can be reopened");
        }
        requireEnterable("stageId", stage, StageKind.OPEN);
        return new Deal(id, tenantId, version + 1, name, customerId, owner, amount, expectedCloseDate, pipelineId,
                stage.id(), DealStatus.OPEN, stage.probability(), false, now, sourceLeadId, campaign, null, null, null,
                createdAt, now);
    }

    /**
     * This deal moved out of a retiring stage into the active stage {@code target} of the same kind, at the next
     * version. An open deal takes the target's default probability (an override ends); a closed deal keeps its
     * closing instant and lost reason.
     *
     * @throws InvalidInputException if {@code target} is retired or of another kind
     */
    public Deal relocate(Stage target, Instant now) {
        now = later(now);
        requireEnterable("moveDealsTo", target, target.kind());
        if (DealStatus.of(target.kind()) != status) {
            throw InvalidInputException.of("moveDealsTo", "must be a stage of the same kind as the retired stage");
        }
        int newProbability = isOpen() ? target.probability() : probability;
        return new Deal(id, tenantId, version + 1, name, customerId, owner, amount, expectedCloseDate, pipelineId,
                target.id(), status, newProbability, false, now, sourceLeadId, campaign, closedAt, lostReason,
                lostNote, createdAt, now);
    }

    /** This deal with another amount, at the next version (won and lost deals too). */
    public Deal withAmount(Money newAmount, Instant now) {
        checkAmount("amount", newAmount);
        return changed(newAmount, probability, probabilityOverridden, expectedCloseDate, owner, now);
    }

    /**
     * This open deal with its probability set by hand, at the next version; the override sticks until the deal
     * changes stage.
     *
     * @throws IllegalTransitionException if the deal is closed
     * @throws InvalidInputException      if the probability is not 0–100
     */
    public Deal withProbabilityOverride(int newProbability, Instant now) {
        requireOpen("override the probability of");
        checkProbability("probability", newProbability);
        return changed(amount, newProbability, true, expectedCloseDate, owner, now);
    }

    /**
     * This open deal back on its stage's default probability, at the next version.
     *
     * @param currentStage the deal's stage
     * @throws IllegalTransitionException if the deal is closed
     */
    public Deal withoutProbabilityOverride(Stage currentStage, Instant now) {
        requireOpen("clear the probability override of");
        if (!currentStage.id().equals(stageId)) {
            throw new IllegalArgumentException("not the deal's stage: " + currentStage.id());
        }
        return changed(amount, currentStage.probability(), false, expectedCloseDate, owner, now);
    }

    /** This deal with another expected close date, at the next version (won and lost deals too). */
    public Deal withExpectedCloseDate(LocalDate date, Instant now) {
        checkDate("expectedCloseDate", date);
        return changed(amount, probability, probabilityOverridden, date, owner, now);
    }

    /** This deal with another owner, at the next version (won and lost deals too). */
    public Deal withOwner(UserId newOwner, Instant now) {
        require("owner", newOwner);
        return changed(amount, probability, probabilityOverridden, expectedCloseDate, newOwner, now);
    }

    private Deal changed(Money newAmount, int newProbability, boolean overridden, LocalDate date, UserId newOwner,
                         Instant now) {
        Instant at = later(now);
        return new Deal(id, tenantId, version + 1, name, customerId, newOwner, newAmount, date, pipelineId, stageId,
                status, newProbability, overridden, stageEnteredAt, sourceLeadId, campaign, closedAt, lostReason,
                lostNote, createdAt, at);
    }

    /** {@code now}, or the last change's instant if the clock went back: a deal's instants never go backwards. */
    private Instant later(Instant now) {
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    private void requireOpen(String action) {
        if (!isOpen()) {
            throw new IllegalTransitionException("Deal", id, "cannot " + action + " a " + status
                    + " deal; reopen it first");
        }
    }

    private static void requireEnterable(String path, Stage stage, StageKind kind) {
        Objects.requireNonNull(stage, "stage");
        if (stage.retired()) {
            throw InvalidInputException.of(path, "stage '" + stage.name() + "' is retired");
        }
        if (stage.kind() != kind) {
            throw InvalidInputException.of(path, "stage '" + stage.name() + "' is a " + stage.kind()
                    + " stage, not a " + kind + " stage");
        }
    }

    private static void require(String path, Object value) {
        if (value == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
    }

    static void checkAmount(String path, Money amount) {
        require(path, amount);
        if (amount.isNegative()) {
            throw InvalidInputException.of(path, "must not be negative");
        }
    }

    static void checkProbability(String path, int probability) {
        if (probability < 0 || probability > 100) {
            throw InvalidInputException.of(path, "must be between 0 and 100");
        }
    }

    static void checkDate(String path, LocalDate date) {
        require(path, date);
        if (date.isBefore(MIN_DATE) || date.isAfter(MAX_DATE)) {
            throw InvalidInputException.of(path, "must be between the years 1900 and 9999");
        }
    }
}
