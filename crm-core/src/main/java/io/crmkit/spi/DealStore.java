package io.crmkit.spi;

import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Stores deals and their append-only history, and answers the board, list and figure queries in the storage. Every
 * value of a {@link Deal} and of a {@link DealHistoryEntry} round-trips unchanged.
 *
 * <p>Lists are ordered as each method says, ids compared unsigned ({@link io.crmkit.shared.Ids#compare}), and start
 * strictly after the given position (null for the start). None of them may scan all deals of the tenant: each is a
 * range of an index (suggested indexes are named per method). Figures ({@link #stageTotals}, {@link #openTotals},
 * {@link #closedTotals}) are computed by the storage: per currency, never adding different currencies; the weighted
 * amount of a deal is {@link Deal#weightedAmount()} (adapters typically store it with the deal), and a total is the
 * exact sum of the deals' values.
 */
public interface DealStore {

    /**
     * Stores a new deal (version 1).
     *
     * @throws io.crmkit.shared.StorageException         if a deal with this id exists
     * @throws io.crmkit.shared.TenantViolationException if {@code deal.tenantId()} is not {@code tenant}
     */
    void insert(TenantId tenant, Deal deal);

    /**
     * Replaces a stored deal with {@code deal}, whose version must be exactly one more than the stored one.
     *
     * @throws io.crmkit.shared.ConcurrentModificationException if the stored version is not {@code deal.version() - 1}
     * @throws io.crmkit.shared.NotFoundException               if there is no such deal in {@code tenant}
     * @throws io.crmkit.shared.TenantViolationException        if {@code deal.tenantId()} is not {@code tenant}
     */
    void update(TenantId tenant, Deal deal);

    /** The deal, if it exists in {@code tenant}. */
    Optional<Deal> find(TenantId tenant, DealId id);

    /**
     * Appends an entry to a deal's history. History is append-only: there is no way to change or remove an entry.
     *
     * @throws io.crmkit.shared.NotFoundException        if the deal does not exist in {@code tenant}
     * @throws io.crmkit.shared.StorageException         if the deal's history already has an entry of this or a later
     *                                                   version (a unique key on (tenant, deal, version))
     * @throws io.crmkit.shared.TenantViolationException if {@code entry.tenantId()} is not {@code tenant}
     */
    void append(TenantId tenant, DealHistoryEntry entry);

    /**
     * The deal's history, newest first: by version descending, strictly before {@code beforeVersion} (null for the
     * newest), at most {@code limit}. Index: (tenant, deal, version).
     */
    Slice<DealHistoryEntry> history(TenantId tenant, DealId deal, Long beforeVersion, int limit);

    /**
     * The deals in {@code stage} of {@code pipeline} (the board's column), by id ascending. Index: (tenant, pipeline,
     * stage, id).
     */
    Slice<Deal> inStage(TenantId tenant, PipelineId pipeline, StageId stage, DealId after, int limit);

    /**
     * The deals of {@code owner} with {@code status} (null for any status), by id ascending. Indexes: (tenant, owner,
     * id) and (tenant, owner, status, id).
     */
    Slice<Deal> ofOwner(TenantId tenant, UserId owner, DealStatus status, DealId after, int limit);

    /** The deals of {@code customer}, by id ascending. Index: (tenant, customer, id). */
    Slice<Deal> ofCustomer(TenantId tenant, CustomerId customer, DealId after, int limit);

    /**
     * The deals with {@code status} (null for any) whose expected close date lies in {@code from} to {@code to}, both
     * inclusive (a null bound is open), by expected close date then id ascending. Indexes: (tenant, expected close
     * date, id) and (tenant, status, expected close date, id).
     */
    Slice<Deal> byExpectedCloseDate(TenantId tenant, LocalDate from, LocalDate to, DealStatus status,
                                    DealDatePosition after, int limit);

    /**
     * The deals in {@code stage} of {@code pipeline} that entered it before {@code enteredBefore} (exclusive), by
     * {@link Deal#stageEnteredAt()} then id ascending: the stalled deals of an open stage. Index: (tenant, pipeline,
     * stage, stage entered at, id).
     */
    Slice<Deal> enteredStageBefore(TenantId tenant, PipelineId pipeline, StageId stage, Instant enteredBefore,
                                   StageEntryPosition after, int limit);

    /**
     * Per stage of the pipeline that holds deals: their count and, per currency, count, total amount and total
     * weighted amount. Stages without deals are left out.
     */
    Map<StageId, DealTotals> stageTotals(TenantId tenant, PipelineId pipeline);

    /**
     * The open deals of the pipeline whose expected close date lies in {@code from} to {@code to} (inclusive),
     * counted and added up per currency.
     */
    DealTotals openTotals(TenantId tenant, PipelineId pipeline, LocalDate from, LocalDate to);

    /**
     * The deals of the pipeline with {@code status} (WON or LOST) closed at or after {@code from} and before
     * {@code until}, counted and added up per currency. Index: (tenant, pipeline, status, closed at).
     */
    DealTotals closedTotals(TenantId tenant, PipelineId pipeline, DealStatus status, Instant from, Instant until);
}
