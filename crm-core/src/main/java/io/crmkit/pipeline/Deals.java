package io.crmkit.pipeline;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The deals of one tenant: opening, moving through the stages of their pipeline, winning, losing, reopening; their
 * stage history; the board, lists and figures. Obtained from {@code crm.deals()} or {@code crm.tenant(id).deals()}.
 *
 * <p><b>Rules.</b> Every method validates its input first and refuses bad input with an {@link InvalidInputException}
 * listing every problem, before anything is stored. Changes take the version the caller based them on and fail with
 * {@link ConcurrentModificationException} if somebody else saved in between; a change that changes nothing (the same
 * amount again) returns the deal as it is, without a new version. Every change of stage, amount, probability,
 * expected close date or owner appends one {@link DealHistoryEntry} naming the acting user, in the same unit of work,
 * and publishes its events after the commit. A move the rules never allow (moving a closed deal, skipping a stage
 * under {@link TransitionPolicy#FORWARD_ONLY_NO_SKIP}) is refused with {@link IllegalTransitionException} naming the
 * reason; nothing changes then.
 *
 * <p><b>Probability.</b> A deal's probability is its stage's default unless overridden
 * ({@link #overrideProbability}). The override sticks until the deal changes stage; then the new stage's default
 * applies, unless the caller moves it with {@link ProbabilityOnStageChange#KEEP_OVERRIDE}.
 *
 * <p><b>Lifecycle.</b> Opening a deal moves its customer's lifecycle stage forward to OPPORTUNITY, winning one to
 * CUSTOMER, in the same unit of work; see {@link DealOutcome} for refusals.
 *
 * <p><b>Follow-ups.</b> When a deal enters a stage that declares a {@link FollowUp} (opened in it, moved, won, lost or
 * reopened into it), the follow-up task is created for the deal's owner in the same unit of work.
 */
public interface Deals {

    /**
     * Opens a deal in the pipeline and stage the opening names (by default the default pipeline and its first OPEN
     * stage) and moves the customer's lifecycle stage forward to OPPORTUNITY.
     *
     * @return the deal at version 1, and what happened to the customer's lifecycle stage
     * @throws InvalidInputException      listing every problem of the opening, also a stage that is not an active
     *                                    OPEN stage of the pipeline ({@code stageId})
     * @throws NotFoundException          if the customer or the pipeline does not exist in this tenant, or no
     *                                    pipeline is named and the tenant has no default pipeline
     * @throws IllegalTransitionException if the customer is archived
     */
    DealOutcome open(DealOpening opening);

    /** The deal, if it exists in this tenant. */
    Optional<Deal> find(DealId id);

    /**
     * The deal.
     *
     * @throws NotFoundException if it does not exist in this tenant
     */
    Deal get(DealId id);

    /**
     * Moves an open deal to another active OPEN stage of its pipeline, as the pipeline's policy allows; its probability
     * becomes the new stage's default (an override ends). Moving it to its current stage changes nothing.
     *
     * @throws InvalidInputException           if {@code stage} is not an active OPEN stage of the deal's pipeline
     *                                         (to close a deal, use {@link #win} or {@link #lose})
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     * @throws IllegalTransitionException      if the deal is closed, or the pipeline's policy refuses the move
     */
    Deal moveStage(DealId id, long expectedVersion, StageId stage, UserId by);

    /**
     * Moves an open deal to another active OPEN stage of its pipeline, as {@link #moveStage(DealId, long, StageId,
     * UserId)} does, with the probability following {@code probability}: {@link ProbabilityOnStageChange#KEEP_OVERRIDE}
     * keeps an overridden probability.
     */
    Deal moveStage(DealId id, long expectedVersion, StageId stage, ProbabilityOnStageChange probability, UserId by);

    /**
     * Sets an open deal's probability by hand (0–100); it sticks until the deal changes stage.
     *
     * @throws InvalidInputException           if the probability is out of range
     * @throws IllegalTransitionException      if the deal is closed
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Deal overrideProbability(DealId id, long expectedVersion, int probability, UserId by);

    /**
     * Puts an open deal back on its stage's default probability.
     *
     * @throws IllegalTransitionException      if the deal is closed
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Deal clearProbabilityOverride(DealId id, long expectedVersion, UserId by);

    /**
     * Changes the amount (of an open or closed deal); the currency may change too.
     *
     * @throws InvalidInputException           if the amount is null or negative
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Deal changeAmount(DealId id, long expectedVersion, Money amount, UserId by);

    /**
     * Changes the expected close date.
     *
     * @throws InvalidInputException           if the date is null or outside the years 1900–9999
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Deal changeExpectedCloseDate(DealId id, long expectedVersion, LocalDate expectedCloseDate, UserId by);

    /**
     * Gives the deal to another owner.
     *
     * @throws InvalidInputException           if the owner is null
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Deal changeOwner(DealId id, long expectedVersion, UserId owner, UserId by);

    /**
     * Wins an open deal into its pipeline's first active WON stage, from any open stage, and moves the customer's
     * lifecycle stage forward to CUSTOMER.
     *
     * @throws IllegalTransitionException      if the deal is closed
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    DealOutcome win(DealId id, long expectedVersion, UserId by);

    /**
     * Wins an open deal into the WON stage {@code stage}; see {@link #win(DealId, long, UserId)}.
     *
     * @throws InvalidInputException if {@code stage} is not an active WON stage of the deal's pipeline
     */
    DealOutcome win(DealId id, long expectedVersion, StageId stage, UserId by);

    /**
     * Loses an open deal, from any open stage, for a reason from the tenant's list ({@link Pipelines#lostReasons()}).
     *
     * @throws InvalidInputException           if the reason is not on the list (path {@code reason}), or the stage is
     *                                         not an active LOST stage of the deal's pipeline
     * @throws IllegalTransitionException      if the deal is closed
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Deal lose(DealId id, long expectedVersion, DealLoss loss);

    /**
     * Reopens a won or lost deal into the active OPEN stage {@code stage} (any of them, whatever the policy): the
     * closing instant and lost reason are cleared, the probability is the stage's default. The customer's lifecycle
     * stage does not move back.
     *
     * @throws InvalidInputException           if {@code stage} is not an active OPEN stage of the deal's pipeline
     * @throws IllegalTransitionException      if the deal is open
     * @throws NotFoundException               if the deal does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Deal reopen(DealId id, long expectedVersion, StageId stage, UserId by);

    /**
     * A page of the deal's history, newest first (by version descending). Read-only: entries are never changed.
     *
     * @throws NotFoundException if the deal does not exist
     */
    Page<DealHistoryEntry> history(DealId id, PageRequest page);

    /**
     * A page of one column of the board: the deals in {@code stage} of {@code pipeline}, by id (opening order).
     *
     * @throws NotFoundException if the pipeline does not exist or the stage is not one of its stages
     */
    Page<Deal> board(PipelineId pipeline, StageId stage, PageRequest page);

    /** A page of the deals of {@code owner} with {@code status} (null for all), by id. */
    Page<Deal> ofOwner(UserId owner, DealStatus status, PageRequest page);

    /** A page of the customer's deals, by id. */
    Page<Deal> ofCustomer(CustomerId customer, PageRequest page);

    /** A page of the deals with {@code status} (null for all) expected to close in {@code month}, by date then id. */
    Page<Deal> closingIn(YearMonth month, DealStatus status, PageRequest page);

    /**
     * A page of the open deals whose expected close date has passed: before today, the day of now (by the
     * {@code Crm}'s clock) in {@code zone}. Longest overdue first, then by id.
     */
    Page<Deal> overdue(ZoneId zone, PageRequest page);

    /**
     * A page of the stalled deals of a pipeline: open deals that entered their current stage more than the stage's
     * threshold of days ago (24-hour days before now, by the {@code Crm}'s clock). Stage by stage in board order,
     * within a stage longest waiting first. Answered from each deal's {@link Deal#stageEnteredAt()}, kept with its
     * stage history, through an index: not by scanning every deal.
     *
     * @throws NotFoundException if the pipeline does not exist
     */
    Page<Deal> stalled(PipelineId pipeline, StalledThresholds thresholds, PageRequest page);

    /**
     * The pipeline's summary: per active stage, the number of deals in it, their total amount and total weighted
     * amount per currency. Computed by the storage, not by loading the deals.
     *
     * @throws NotFoundException if the pipeline does not exist
     */
    PipelineSummary summary(PipelineId pipeline);

    /**
     * The pipeline's figures for the days {@code from} to {@code to} inclusive: open deals expected to close then,
     * deals won and lost then (closing instants read in {@code zone}).
     *
     * @throws InvalidInputException if a bound or the zone is missing, or {@code to} is before {@code from}
     * @throws NotFoundException     if the pipeline does not exist
     */
    PeriodTotals totals(PipelineId pipeline, LocalDate from, LocalDate to, ZoneId zone);
}
