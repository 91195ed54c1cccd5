package io.crmkit.jdbc.internal;

import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealSnapshot;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.MoneyTotal;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StageId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.DealDatePosition;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.Slice;
import io.crmkit.spi.StageEntryPosition;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Deals, their append-only history and the running totals per stage.
 *
 * <p>A deal is one row, with its weighted amount ({@link Deal#weightedAmount()}, rounded per deal) stored beside the
 * amount. Every list reads a range of the index whose order it returns (no OFFSET, no sort); the figures of a period
 * ({@link #openTotals}, {@link #closedTotals}) add up a range of an index with GROUP BY in the database.
 *
 * <p>The pipeline summary ({@link #stageTotals}) covers every deal the pipeline ever held, won and lost ones included,
 * so a GROUP BY would grow with the pipeline's history. Instead the table {@code deal_stage_total} keeps count, amount
 * and weighted amount per (pipeline, stage, currency), changed by an atomic upsert ({@code count = count + delta}) in
 * the transaction that inserts or updates a deal, and only when one of those values changes; the summary reads its
 * few rows. The deal's row is locked before its totals are touched, and a deal's two totals rows are changed in key
 * order, so that concurrent units of work that each save one deal wait for each other on a totals row (until commit)
 * but do not deadlock; units of work that save several deals (retiring a stage) may, which is a
 * {@link RetryableStorageException} like any deadlock.
 */
public final class JdbcDealStore implements DealStore {

    private static final String VALUE_COLUMNS = "name, customer_id, owner, amount, currency, weighted_amount, "
            + "expected_close_date, pipeline_id, stage_id, status, probability, probability_overridden, "
            + "stage_entered_at, source_lead_id, campaign, closed_at, lost_reason, lost_note, created_at, updated_at";
    private static final String COLUMNS = "tenant_id, id, version, " + VALUE_COLUMNS;
    private static final String D_COLUMNS = "d." + COLUMNS.replace(", ", ", d.");
    private static final String SNAPSHOT_COLUMNS = "stage_id, status, amount, currency, probability, "
            + "probability_overridden, close_date, owner";
    private static final String HISTORY_COLUMNS = "tenant_id, deal_id, version, kind, changed_at, changed_by, "
            + ("before_" + SNAPSHOT_COLUMNS.replace(", ", ", before_")) + ", "
            + ("after_" + SNAPSHOT_COLUMNS.replace(", ", ", after_")) + ", lost_reason, lost_note";
    private static final String TOTAL_COLUMNS = "tenant_id, pipeline_id, stage_id, currency, deal_count, amount, "
            + "weighted_amount";
    private static final int H2_ATTEMPTS = 20;

    private final Transactions tx;
    private final Dialect dialect;
    private final Tables tables;
    private final String insertSql;
    private final String updateSql;

    public JdbcDealStore(Transactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
        this.insertSql = "INSERT INTO " + tables.deal + " (" + COLUMNS + ") VALUES (" + placeholders(23) + ")"
                + (dialect.failedStatementAbortsTransaction() ? " ON CONFLICT (tenant_id, id) DO NOTHING" : "");
        this.updateSql = "UPDATE " + tables.deal + " SET version = ?, " + String.join(" = ?, ",
                VALUE_COLUMNS.split(", ")) + " = ? WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    private static String placeholders(int n) {
        StringBuilder sql = new StringBuilder();
        for (int k = 0; k < n; k++) {
            sql.append(k == 0 ? "?" : ", ?");
        }
        return sql.toString();
    }

    // ---- writes --------------------------------------------------------------------------------------------------

    @Override
    public void insert(TenantId tenant, Deal deal) {
        JdbcPipelineStore.requireTenant(tenant, deal.tenantId(), "Deal " + deal.id());
        tx.write(tenant, "insert deal " + deal.id() + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, deal.id().value());
                ps.setLong(3, deal.version());
                bindValues(ps, 4, deal);
                if (ps.executeUpdate() == 0) {
                    throw alreadyExists(deal, null);
                }
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw alreadyExists(deal, e);
                }
                throw e;
            }
            changeTotals(c, tenant, Totals.of(null, deal));
            return null;
        });
    }

    private static StorageException alreadyExists(Deal deal, SQLException cause) {
        return new StorageException("Deal " + deal.id() + " already exists", cause);
    }

    @Override
    public void update(TenantId tenant, Deal deal) {
        JdbcPipelineStore.requireTenant(tenant, deal.tenantId(), "Deal " + deal.id());
        tx.write(tenant, "update deal " + deal.id() + " of tenant " + tenant, c -> {
            // Locked first: concurrent saves of this deal queue here, and a stale one is refused before it touches
            // the totals. The stored values are what the totals subtract.
            Stored before = lock(c, tenant, deal.id());
            if (before == null) {
                throw new NotFoundException("Deal", deal.id());
            }
            if (before.version != deal.version() - 1) {
                throw new ConcurrentModificationException("Deal", deal.id(), deal.version() - 1);
            }
            int updated;
            try (PreparedStatement ps = c.prepareStatement(updateSql)) {
                ps.setLong(1, deal.version());
                int i = bindValues(ps, 2, deal);
                ps.setString(i++, tenant.value());
                dialect.setUuid(ps, i++, deal.id().value());
                ps.setLong(i, deal.version() - 1);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                throw new ConcurrentModificationException("Deal", deal.id(), deal.version() - 1);
            }
            changeTotals(c, tenant, Totals.of(before, deal));
            return null;
        });
    }

    /** What the totals need of a stored deal, and its version. */
    private static final class Stored {
        long version;
        UUID pipeline;
        UUID stage;
        String currency;
        BigDecimal amount;
        BigDecimal weighted;
    }

    /** Locks the deal's row and reads its version and totalled values; null if there is no such deal. */
    private Stored lock(Connection c, TenantId tenant, DealId id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version, pipeline_id, stage_id, currency, amount, "
                + "weighted_amount FROM " + tables.deal + " WHERE tenant_id = ? AND id = ? FOR UPDATE")) {
            ps.setString(1, tenant.value());
            dialect.setUuid(ps, 2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Stored stored = new Stored();
                stored.version = rs.getLong("version");
                stored.pipeline = dialect.getUuid(rs, "pipeline_id");
                stored.stage = dialect.getUuid(rs, "stage_id");
                stored.currency = rs.getString("currency").trim();
                stored.amount = rs.getBigDecimal("amount");
                stored.weighted = rs.getBigDecimal("weighted_amount");
                return stored;
            }
        }
    }

    /** Binds every column from {@code name} on; returns the next parameter index. */
    private int bindValues(PreparedStatement ps, int i, Deal d) throws SQLException {
        ps.setString(i++, d.name());
        dialect.setUuid(ps, i++, d.customerId().value());
        ps.setString(i++, d.owner().value());
        ps.setBigDecimal(i++, d.amount().amount());
        ps.setString(i++, d.amount().currency().getCurrencyCode());
        ps.setBigDecimal(i++, d.weightedAmount().amount());
        dialect.setDate(ps, i++, d.expectedCloseDate());
        dialect.setUuid(ps, i++, d.pipelineId().value());
        dialect.setUuid(ps, i++, d.stageId().value());
        ps.setString(i++, d.status().name());
        ps.setInt(i++, d.probability());
        ps.setBoolean(i++, d.probabilityOverridden());
        dialect.setInstant(ps, i++, d.stageEnteredAt());
        dialect.setUuid(ps, i++, d.sourceLeadId() == null ? null : d.sourceLeadId().value());
        setText(ps, i++, d.campaign());
        dialect.setInstant(ps, i++, d.closedAt());
        setText(ps, i++, d.lostReason());
        setText(ps, i++, d.lostNote());
        dialect.setInstant(ps, i++, d.createdAt());
        dialect.setInstant(ps, i++, d.updatedAt());
        return i;
    }

    private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    // ---- running totals per stage --------------------------------------------------------------------------------

    /** The row of the totals table a deal counts in. */
    private record TotalKey(UUID pipeline, UUID stage, String currency) {
    }

    /** What a save adds to one totals row: deals, amount and weighted amount (negative to subtract). */
    private static final class Delta {
        long count;
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal weighted = BigDecimal.ZERO;

        boolean isZero() {
            return count == 0 && amount.signum() == 0 && weighted.signum() == 0;
        }
    }

    /** The change a save makes to the totals rows, in key order. */
    private static final class Totals {
        private static final Comparator<TotalKey> ORDER = Comparator.<TotalKey, UUID>comparing(TotalKey::pipeline,
                Ids::compare).thenComparing(TotalKey::stage, Ids::compare).thenComparing(TotalKey::currency);

        final TreeMap<TotalKey, Delta> deltas = new TreeMap<>(ORDER);

        /** The change from {@code before} (null for a new deal) to {@code after}; empty if no total changes. */
        static Totals of(Stored before, Deal after) {
            Totals totals = new Totals();
            if (before != null) {
                totals.add(new TotalKey(before.pipeline, before.stage, before.currency), -1, before.amount.negate(),
                        before.weighted.negate());
            }
            totals.add(new TotalKey(after.pipelineId().value(), after.stageId().value(),
                    after.amount().currency().getCurrencyCode()), 1, after.amount().amount(),
                    after.weightedAmount().amount());
            totals.deltas.values().removeIf(Delta::isZero);
            return totals;
        }

        private void add(TotalKey key, long count, BigDecimal amount, BigDecimal weighted) {
            Delta delta = deltas.computeIfAbsent(key, k -> new Delta());
            delta.count += count;
            delta.amount = delta.amount.add(amount);
            delta.weighted = delta.weighted.add(weighted);
        }
    }

    /** Adds the deltas to the totals rows, creating missing rows: one statement (on H2 a batch), rows in key order. */
    private void changeTotals(Connection c, TenantId tenant, Totals totals) throws SQLException {
        if (totals.deltas.isEmpty()) {
            return;
        }
        if (dialect.family() == Dialect.Family.H2) {
            h2Retrying(c, tenant, () -> {
                try (PreparedStatement ps = c.prepareStatement(h2TotalsMerge())) {
                    for (Map.Entry<TotalKey, Delta> delta : totals.deltas.entrySet()) {
                        bindTotal(ps, 1, tenant, delta.getKey(), delta.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(totalsUpsert(totals.deltas.size()))) {
            int i = 1;
            for (Map.Entry<TotalKey, Delta> delta : totals.deltas.entrySet()) {
                i = bindTotal(ps, i, tenant, delta.getKey(), delta.getValue());
            }
            ps.executeUpdate();
        }
    }

    private int bindTotal(PreparedStatement ps, int i, TenantId tenant, TotalKey key, Delta delta)
            throws SQLException {
        ps.setString(i++, tenant.value());
        dialect.setUuid(ps, i++, key.pipeline());
        dialect.setUuid(ps, i++, key.stage());
        ps.setString(i++, key.currency());
        ps.setLong(i++, delta.count);
        ps.setBigDecimal(i++, delta.amount);
        ps.setBigDecimal(i++, delta.weighted);
        return i;
    }

    private String totalsUpsert(int rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.dealStageTotal);
        boolean postgres = dialect.family() == Dialect.Family.POSTGRESQL;
        if (postgres) {
            sql.append(" AS s");
        }
        sql.append(" (").append(TOTAL_COLUMNS).append(") VALUES ");
        for (int k = 0; k < rows; k++) {
            sql.append(k == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
        }
        if (postgres) {
            sql.append(" ON CONFLICT (tenant_id, pipeline_id, stage_id, currency) DO UPDATE SET"
                    + " deal_count = s.deal_count + EXCLUDED.deal_count, amount = s.amount + EXCLUDED.amount,"
                    + " weighted_amount = s.weighted_amount + EXCLUDED.weighted_amount");
        } else {
            sql.append(" ON DUPLICATE KEY UPDATE deal_count = deal_count + VALUES(deal_count),"
                    + " amount = amount + VALUES(amount), weighted_amount = weighted_amount + VALUES(weighted_amount)");
        }
        return sql.toString();
    }

    private String h2TotalsMerge() {
        return "MERGE INTO " + tables.dealStageTotal + " s USING (SELECT CAST(? AS VARCHAR(64)) tenant_id,"
                + " CAST(? AS UUID) pipeline_id, CAST(? AS UUID) stage_id, CAST(? AS CHAR(3)) currency,"
                + " CAST(? AS BIGINT) deal_count, CAST(? AS NUMERIC(65,4)) amount,"
                + " CAST(? AS NUMERIC(65,4)) weighted_amount FROM DUAL) v"
                + " ON s.tenant_id = v.tenant_id AND s.pipeline_id = v.pipeline_id AND s.stage_id = v.stage_id"
                + " AND s.currency = v.currency"
                + " WHEN MATCHED THEN UPDATE SET deal_count = s.deal_count + v.deal_count,"
                + " amount = s.amount + v.amount, weighted_amount = s.weighted_amount + v.weighted_amount"
                + " WHEN NOT MATCHED THEN INSERT (" + TOTAL_COLUMNS + ") VALUES (v.tenant_id, v.pipeline_id,"
                + " v.stage_id, v.currency, v.deal_count, v.amount, v.weighted_amount)";
    }

    /** SQL work that {@link #h2Retrying} may run more than once. */
    @FunctionalInterface
    private interface Step {
        void run() throws SQLException;
    }

    /**
     * Runs {@code step} inside a savepoint, again after a unique violation: H2's MERGE is not atomic, so a concurrent
     * transaction can insert the same totals row between MERGE's look-up and its insert. Run again, that row is
     * visible and updated.
     */
    private void h2Retrying(Connection c, TenantId tenant, Step step) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try {
                step.run();
                c.releaseSavepoint(savepoint);
                return;
            } catch (SQLException e) {
                c.rollback(savepoint);
                if (!tx.errors().isUniqueViolation(e) && !tx.errors().isRetryable(e)) {
                    throw e;
                }
                if (attempt == H2_ATTEMPTS) {
                    throw new RetryableStorageException("crmkit could not change the stage totals of tenant " + tenant
                            + ": concurrent transactions kept creating the same rows; run the unit of work again", e);
                }
                try {
                    Thread.sleep(Math.min(50, attempt * 2L));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StorageException("interrupted while changing stage totals", interrupted);
                }
            }
        }
    }

    // ---- history -------------------------------------------------------------------------------------------------

    @Override
    public void append(TenantId tenant, DealHistoryEntry entry) {
        JdbcPipelineStore.requireTenant(tenant, entry.tenantId(), "History entry of deal " + entry.dealId());
        tx.write(tenant, "append to the history of deal " + entry.dealId() + " of tenant " + tenant, c -> {
            // The deal's row lock makes appends to one history take turns, so the check below cannot go stale.
            if (lock(c, tenant, entry.dealId()) == null) {
                throw new NotFoundException("Deal", entry.dealId());
            }
            Long last;
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(version) FROM " + tables.dealHistory
                    + " WHERE tenant_id = ? AND deal_id = ?" + dialect.latestCommittedReadSuffix())) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, entry.dealId().value());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long max = rs.getLong(1);
                    last = rs.wasNull() ? null : max;
                }
            }
            if (last != null && last >= entry.version()) {
                throw appendOnly(entry, last, null);
            }
            String sql = "INSERT INTO " + tables.dealHistory + " (" + HISTORY_COLUMNS + ") VALUES ("
                    + placeholders(24) + ")" + (dialect.failedStatementAbortsTransaction()
                    ? " ON CONFLICT (tenant_id, deal_id, version) DO NOTHING" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, entry.dealId().value());
                ps.setLong(3, entry.version());
                ps.setString(4, entry.kind().name());
                dialect.setInstant(ps, 5, entry.at());
                ps.setString(6, entry.by().value());
                int i = bindSnapshot(ps, 7, entry.before());
                i = bindSnapshot(ps, i, entry.after());
                setText(ps, i++, entry.reason());
                setText(ps, i, entry.note());
                if (ps.executeUpdate() == 0) {
                    throw appendOnly(entry, entry.version(), null);
                }
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw appendOnly(entry, entry.version(), e);
                }
                throw e;
            }
            return null;
        });
    }

    private static StorageException appendOnly(DealHistoryEntry entry, long stored, SQLException cause) {
        return new StorageException("the history of deal " + entry.dealId() + " already has an entry of version "
                + stored + "; history is append-only", cause);
    }

    private int bindSnapshot(PreparedStatement ps, int i, DealSnapshot s) throws SQLException {
        if (s == null) {
            dialect.setUuid(ps, i++, null);
            ps.setNull(i++, Types.VARCHAR);
            ps.setNull(i++, Types.DECIMAL);
            ps.setNull(i++, Types.CHAR);
            ps.setNull(i++, Types.INTEGER);
            ps.setNull(i++, Types.BOOLEAN);
            dialect.setDate(ps, i++, null);
            ps.setNull(i++, Types.VARCHAR);
            return i;
        }
        dialect.setUuid(ps, i++, s.stageId().value());
        ps.setString(i++, s.status().name());
        ps.setBigDecimal(i++, s.amount().amount());
        ps.setString(i++, s.amount().currency().getCurrencyCode());
        ps.setInt(i++, s.probability());
        ps.setBoolean(i++, s.probabilityOverridden());
        dialect.setDate(ps, i++, s.expectedCloseDate());
        ps.setString(i++, s.owner().value());
        return i;
    }

    @Override
    public Slice<DealHistoryEntry> history(TenantId tenant, DealId deal, Long beforeVersion, int limit) {
        Rows.requireLimit(limit);
        Transactions.requireTenant(tenant);
        if (deal == null) {
            return Slice.empty();
        }
        Query q = historyQuery(tenant, deal, beforeVersion, limit);
        return tx.read(tenant, "read the history of deal " + deal + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                List<DealHistoryEntry> entries = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        entries.add(readEntry(rs));
                    }
                }
                return Slice.of(entries, limit);
            }
        });
    }

    /** Newest first: the primary key (tenant_id, deal_id, version) read backwards. */
    Query historyQuery(TenantId tenant, DealId deal, Long beforeVersion, int limit) {
        Query q = new Query(dialect, "SELECT " + HISTORY_COLUMNS + " FROM " + tables.dealHistory
                + dialect.indexHint("PRIMARY") + " WHERE tenant_id = ?").text(tenant.value())
                .and("deal_id = ?").uuid(deal.value());
        if (beforeVersion != null) {
            q.and("version < ?").number(beforeVersion);
        }
        return q.sql(dialect.orderBy("tenant_id DESC, deal_id DESC", "version DESC") + " LIMIT ?")
                .integer(limit + 1);
    }

    private DealHistoryEntry readEntry(ResultSet rs) throws SQLException {
        DealId id = new DealId(dialect.getUuid(rs, "deal_id"));
        long version = rs.getLong("version");
        try {
            return new DealHistoryEntry(new TenantId(rs.getString("tenant_id")), id, version,
                    DealChangeKind.valueOf(rs.getString("kind")), dialect.getInstant(rs, "changed_at"),
                    new UserId(rs.getString("changed_by")), readSnapshot(rs, "before_"), readSnapshot(rs, "after_"),
                    rs.getString("lost_reason"), rs.getString("lost_note"));
        } catch (CrmException | IllegalArgumentException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException("the stored history entry " + version + " of deal " + id + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private DealSnapshot readSnapshot(ResultSet rs, String prefix) throws SQLException {
        UUID stage = dialect.getUuid(rs, prefix + "stage_id");
        if (stage == null) {
            return null;
        }
        return new DealSnapshot(new StageId(stage), DealStatus.valueOf(rs.getString(prefix + "status")),
                new Money(rs.getBigDecimal(prefix + "amount"),
                        Money.currency(rs.getString(prefix + "currency").trim())),
                rs.getInt(prefix + "probability"), rs.getBoolean(prefix + "probability_overridden"),
                dialect.getDate(rs, prefix + "close_date"), new UserId(rs.getString(prefix + "owner")));
    }

    // ---- reads and lists -----------------------------------------------------------------------------------------

    @Override
    public Optional<Deal> find(TenantId tenant, DealId id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx.read(tenant, "read deal " + id + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + D_COLUMNS + " FROM " + tables.deal
                    + " d WHERE d.tenant_id = ? AND d.id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Slice<Deal> inStage(TenantId tenant, PipelineId pipeline, StageId stage, DealId after, int limit) {
        Rows.requireLimit(limit);
        Transactions.requireTenant(tenant);
        if (pipeline == null || stage == null) {
            return Slice.empty();
        }
        return list(tenant, "list the deals in stage " + stage + " of tenant " + tenant,
                inStageQuery(tenant, pipeline, stage, after, limit), limit);
    }

    /** The board: a range of (tenant_id, pipeline_id, stage_id, id). */
    Query inStageQuery(TenantId tenant, PipelineId pipeline, StageId stage, DealId after, int limit) {
        Query q = select("deal_stage_ix").text(tenant.value()).and("d.pipeline_id = ?").uuid(pipeline.value())
                .and("d.stage_id = ?").uuid(stage.value());
        return byId(q, "d.tenant_id, d.pipeline_id, d.stage_id", after, limit);
    }

    @Override
    public Slice<Deal> ofOwner(TenantId tenant, UserId owner, DealStatus status, DealId after, int limit) {
        Rows.requireLimit(limit);
        Transactions.requireTenant(tenant);
        if (owner == null) {
            return Slice.empty();
        }
        return list(tenant, "list the deals of owner " + owner + " of tenant " + tenant,
                ofOwnerQuery(tenant, owner, status, after, limit), limit);
    }

    /** A range of (tenant_id, owner, id), or of (tenant_id, owner, status, id) for one status. */
    Query ofOwnerQuery(TenantId tenant, UserId owner, DealStatus status, DealId after, int limit) {
        if (status == null) {
            Query q = select("deal_owner_ix").text(tenant.value()).and("d.owner = ?").text(owner.value());
            return byId(q, "d.tenant_id, d.owner", after, limit);
        }
        Query q = select("deal_owner_status_ix").text(tenant.value()).and("d.owner = ?").text(owner.value())
                .and("d.status = ?").text(status.name());
        return byId(q, "d.tenant_id, d.owner, d.status", after, limit);
    }

    @Override
    public Slice<Deal> ofCustomer(TenantId tenant, CustomerId customer, DealId after, int limit) {
        Rows.requireLimit(limit);
        Transactions.requireTenant(tenant);
        if (customer == null) {
            return Slice.empty();
        }
        Query q = select("deal_customer_ix").text(tenant.value()).and("d.customer_id = ?").uuid(customer.value());
        return list(tenant, "list the deals of customer " + customer + " of tenant " + tenant,
                byId(q, "d.tenant_id, d.customer_id", after, limit), limit);
    }

    @Override
    public Slice<Deal> byExpectedCloseDate(TenantId tenant, LocalDate from, LocalDate to, DealStatus status,
                                           DealDatePosition after, int limit) {
        Rows.requireLimit(limit);
        return list(tenant, "list the deals of tenant " + tenant + " by expected close date",
                byExpectedCloseDateQuery(tenant, from, to, status, after, limit), limit);
    }

    /** A range of (tenant_id, expected_close_date, id), or of (tenant_id, status, expected_close_date, id). */
    Query byExpectedCloseDateQuery(TenantId tenant, LocalDate from, LocalDate to, DealStatus status,
                                   DealDatePosition after, int limit) {
        Query q = select(status == null ? "deal_close_date_ix" : "deal_status_close_date_ix").text(tenant.value());
        if (status != null) {
            q.and("d.status = ?").text(status.name());
        }
        if (from != null) {
            q.onOrAfter("d.expected_close_date", from);
        }
        if (to != null) {
            q.onOrBefore("d.expected_close_date", to);
        }
        if (after != null) {
            q.beyond("d.expected_close_date", "d.id", after.expectedCloseDate(), after.id().value());
        }
        return q.sql(dialect.orderBy(status == null ? "d.tenant_id" : "d.tenant_id, d.status",
                "d.expected_close_date, d.id") + " LIMIT ?").integer(limit + 1);
    }

    @Override
    public Slice<Deal> enteredStageBefore(TenantId tenant, PipelineId pipeline, StageId stage, Instant enteredBefore,
                                          StageEntryPosition after, int limit) {
        Rows.requireLimit(limit);
        Transactions.requireTenant(tenant);
        if (pipeline == null || stage == null || enteredBefore == null) {
            return Slice.empty();
        }
        return list(tenant, "list the stalled deals in stage " + stage + " of tenant " + tenant,
                enteredStageBeforeQuery(tenant, pipeline, stage, enteredBefore, after, limit), limit);
    }

    /** Stalled deals: a range of (tenant_id, pipeline_id, stage_id, stage_entered_at, id). */
    Query enteredStageBeforeQuery(TenantId tenant, PipelineId pipeline, StageId stage, Instant enteredBefore,
                                  StageEntryPosition after, int limit) {
        Query q = select("deal_stage_entry_ix").text(tenant.value()).and("d.pipeline_id = ?").uuid(pipeline.value())
                .and("d.stage_id = ?").uuid(stage.value()).below("d.stage_entered_at", enteredBefore);
        if (after != null) {
            q.beyond("d.stage_entered_at", "d.id", after.stageEnteredAt(), after.id().value());
        }
        return q.sql(dialect.orderBy("d.tenant_id, d.pipeline_id, d.stage_id", "d.stage_entered_at, d.id")
                + " LIMIT ?").integer(limit + 1);
    }

    /** SELECT of deals through {@code index}, its WHERE clause begun with the tenant's condition. */
    private Query select(String index) {
        return new Query(dialect, "SELECT " + D_COLUMNS + " FROM " + tables.deal + " d"
                + dialect.indexHint(tables.index(index)) + " WHERE d.tenant_id = ?");
    }

    /** Ordered by id after the equality-bound columns {@code prefix}, from {@code after} on. */
    private Query byId(Query q, String prefix, DealId after, int limit) {
        if (after != null) {
            q.and("d.id > ?").uuid(after.value());
        }
        return q.sql(dialect.orderBy(prefix, "d.id") + " LIMIT ?").integer(limit + 1);
    }

    private Slice<Deal> list(TenantId tenant, String doing, Query q, int limit) {
        return tx.read(tenant, doing, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                return Slice.of(readAll(ps), limit);
            }
        });
    }

    private List<Deal> readAll(PreparedStatement ps) throws SQLException {
        return Rows.readAll(ps, this::read);
    }

    private Deal read(ResultSet rs) throws SQLException {
        DealId id = new DealId(dialect.getUuid(rs, "id"));
        try {
            UUID lead = dialect.getUuid(rs, "source_lead_id");
            return new Deal(id, new TenantId(rs.getString("tenant_id")), rs.getLong("version"), rs.getString("name"),
                    new CustomerId(dialect.getUuid(rs, "customer_id")), new UserId(rs.getString("owner")),
                    new Money(rs.getBigDecimal("amount"), Money.currency(rs.getString("currency").trim())),
                    dialect.getDate(rs, "expected_close_date"), new PipelineId(dialect.getUuid(rs, "pipeline_id")),
                    new StageId(dialect.getUuid(rs, "stage_id")), DealStatus.valueOf(rs.getString("status")),
                    rs.getInt("probability"), rs.getBoolean("probability_overridden"),
                    dialect.getInstant(rs, "stage_entered_at"), lead == null ? null : new LeadId(lead),
                    rs.getString("campaign"), dialect.getInstant(rs, "closed_at"), rs.getString("lost_reason"),
                    rs.getString("lost_note"), dialect.getInstant(rs, "created_at"),
                    dialect.getInstant(rs, "updated_at"));
        } catch (CrmException | IllegalArgumentException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException("the stored deal " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    // ---- figures -------------------------------------------------------------------------------------------------

    @Override
    public Map<StageId, DealTotals> stageTotals(TenantId tenant, PipelineId pipeline) {
        return tx.read(tenant, "read the stage totals of pipeline " + pipeline + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT stage_id, currency, deal_count, amount, "
                    + "weighted_amount FROM " + tables.dealStageTotal
                    + " WHERE tenant_id = ? AND pipeline_id = ? AND deal_count > 0")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, pipeline.value());
                Map<StageId, List<MoneyTotal>> byStage = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StageId stage = new StageId(dialect.getUuid(rs, "stage_id"));
                        byStage.computeIfAbsent(stage, s -> new ArrayList<>()).add(readTotal(rs, "deal_count"));
                    }
                }
                Map<StageId, DealTotals> totals = new HashMap<>();
                byStage.forEach((stage, list) -> totals.put(stage, dealTotals(list)));
                return totals;
            }
        });
    }

    @Override
    public DealTotals openTotals(TenantId tenant, PipelineId pipeline, LocalDate from, LocalDate to) {
        return totals(tenant, "add up the open deals of pipeline " + pipeline + " of tenant " + tenant,
                openTotalsQuery(tenant, pipeline, from, to));
    }

    /** The open deals of a range of (tenant_id, pipeline_id, status, expected_close_date), added up per currency. */
    Query openTotalsQuery(TenantId tenant, PipelineId pipeline, LocalDate from, LocalDate to) {
        Query q = totalsSelect("deal_open_totals_ix").text(tenant.value()).and("pipeline_id = ?")
                .uuid(pipeline.value()).and("status = ?").text(DealStatus.OPEN.name());
        if (from != null) {
            q.onOrAfter("expected_close_date", from);
        }
        if (to != null) {
            q.onOrBefore("expected_close_date", to);
        }
        return q.sql(" GROUP BY currency");
    }

    @Override
    public DealTotals closedTotals(TenantId tenant, PipelineId pipeline, DealStatus status, Instant from,
                                   Instant until) {
        if (status == null || from == null || until == null) {
            return DealTotals.NONE;
        }
        return totals(tenant, "add up the " + status + " deals of pipeline " + pipeline + " of tenant " + tenant,
                closedTotalsQuery(tenant, pipeline, status, from, until));
    }

    /** The deals of a range of (tenant_id, pipeline_id, status, closed_at), added up per currency. */
    Query closedTotalsQuery(TenantId tenant, PipelineId pipeline, DealStatus status, Instant from, Instant until) {
        return totalsSelect("deal_closed_totals_ix").text(tenant.value()).and("pipeline_id = ?")
                .uuid(pipeline.value()).and("status = ?").text(status.name()).atLeast("closed_at", from)
                .below("closed_at", until).sql(" GROUP BY currency");
    }

    private Query totalsSelect(String index) {
        return new Query(dialect, "SELECT currency, COUNT(*) AS deals, SUM(amount) AS amount, SUM(weighted_amount)"
                + " AS weighted_amount FROM " + tables.deal + dialect.indexHint(tables.index(index))
                + " WHERE tenant_id = ?");
    }

    private DealTotals totals(TenantId tenant, String doing, Query q) {
        return tx.read(tenant, doing, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                List<MoneyTotal> list = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        list.add(readTotal(rs, "deals"));
                    }
                }
                return dealTotals(list);
            }
        });
    }

    private static MoneyTotal readTotal(ResultSet rs, String countColumn) throws SQLException {
        String code = rs.getString("currency").trim();
        try {
            java.util.Currency currency = Money.currency(code);
            return new MoneyTotal(currency, rs.getLong(countColumn), new Money(rs.getBigDecimal("amount"), currency),
                    new Money(rs.getBigDecimal("weighted_amount"), currency));
        } catch (CrmException e) {
            throw new StorageException("the " + code + " total cannot be read: " + e.getMessage(), e);
        }
    }

    private static DealTotals dealTotals(List<MoneyTotal> list) {
        long count = 0;
        for (MoneyTotal t : list) {
            count += t.count();
        }
        return list.isEmpty() ? DealTotals.NONE : new DealTotals(count, list);
    }
}
