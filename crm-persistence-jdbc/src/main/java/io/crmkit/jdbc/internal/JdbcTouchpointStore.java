package io.crmkit.jdbc.internal;

import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.RetryableStorageException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.TouchpointId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.IngestOutcome;
import io.crmkit.spi.LapsedPosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TimelinePosition;
import io.crmkit.spi.TouchpointStore;
import io.crmkit.touchpoint.Channel;
import io.crmkit.touchpoint.CustomerActivity;
import io.crmkit.touchpoint.Direction;
import io.crmkit.touchpoint.Purchase;
import io.crmkit.touchpoint.SourceRef;
import io.crmkit.touchpoint.TimelineQuery;
import io.crmkit.touchpoint.Touchpoint;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Touchpoints and the per-customer activity table. Ingestion inserts a chunk of rows in one statement that skips
 * rows whose source is already stored (the unique constraint on the source decides, inside the database), and then
 * upserts the activity of the chunk's customers in one more statement.
 */
public final class JdbcTouchpointStore implements TouchpointStore {

    static final String COLUMNS = "tenant_id, id, customer_id, channel, direction, occurred_at, recorded_at, subject, "
            + "body, handled_by, deal_id, attributes, purchase_amount, purchase_currency, order_reference, "
            + "source_system, source_external_id, lead_id";
    private static final String T_COLUMNS = "t." + COLUMNS.replace(", ", ", t.");
    private static final int COLUMN_COUNT = 18;
    private static final String[] H2_TYPES = {"VARCHAR(64)", "UUID", "UUID", "VARCHAR(32)", "VARCHAR(16)",
        "TIMESTAMP(6) WITH TIME ZONE", "TIMESTAMP(6) WITH TIME ZONE", "VARCHAR(500)", "VARCHAR(100000)",
        "VARCHAR(128)", "UUID", "CHARACTER LARGE OBJECT", "NUMERIC(42,4)", "CHAR(3)", "VARCHAR(100)", "VARCHAR(64)",
        "VARCHAR(200)", "UUID"};
    private static final String ACTIVITY_COLUMNS;
    /** Touchpoints without a source first, then by source system and external id. */
    private static final java.util.Comparator<Touchpoint> BY_SOURCE = java.util.Comparator.comparing(
            (Touchpoint t) -> t.source() == null ? "" : t.source().system() + "\u0000" + t.source().externalId());
    private static final int H2_ATTEMPTS = 20;
    private static final int LOOKUP_CHUNK = 200;
    /** Characters of subject, body and attributes per chunk, so that a chunk stays well below packet limits. */
    private static final long CHUNK_CHARACTERS = 2_000_000;

    static {
        StringBuilder columns = new StringBuilder("tenant_id, customer_id");
        for (Channel channel : Channel.values()) {
            columns.append(", ").append(countColumn(channel));
        }
        ACTIVITY_COLUMNS = columns.append(", last_touchpoint_id, last_touchpoint_at, last_purchase_at").toString();
    }

    private final Transactions tx;
    private final Dialect dialect;
    private final Tables tables;
    private final int batchSize;

    public JdbcTouchpointStore(Transactions tx, Dialect dialect, Tables tables, int batchSize) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
        this.batchSize = batchSize;
    }

    static String countColumn(Channel channel) {
        return "count_" + channel.name().toLowerCase(Locale.ROOT);
    }

    // ---- ingestion -----------------------------------------------------------------------------------------------

    @Override
    public List<IngestOutcome> insertAll(TenantId tenant, List<Touchpoint> touchpoints) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
        for (Touchpoint t : touchpoints) {
            if (!t.tenantId().equals(tenant)) {
                throw new TenantViolationException("Touchpoint " + t.id() + " belongs to tenant " + t.tenantId()
                        + ", not to " + tenant);
            }
        }
        if (touchpoints.isEmpty()) {
            return List.of();
        }
        // Duplicates within the list are resolved here; duplicates of stored rows by the database.
        int[] firstWithSource = new int[touchpoints.size()];
        Map<SourceRef, Integer> seen = new HashMap<>();
        List<Touchpoint> unique = new ArrayList<>();
        for (int i = 0; i < touchpoints.size(); i++) {
            SourceRef source = touchpoints.get(i).source();
            Integer earlier = source == null ? null : seen.putIfAbsent(source, i);
            firstWithSource[i] = earlier == null ? -1 : earlier;
            if (earlier == null) {
                unique.add(touchpoints.get(i));
            }
        }
        // Rows are written in source order, and the activity rows after all of them in customer order: concurrent
        // ingests then take their locks in one order and do not deadlock each other.
        unique.sort(BY_SOURCE);
        Map<TouchpointId, IngestOutcome> outcomes = tx.write(tenant, "record " + touchpoints.size()
                + " touchpoints of tenant " + tenant, c -> {
            Map<TouchpointId, IngestOutcome> byId = new HashMap<>();
            PostgresInsert postgres = new PostgresInsert();
            for (List<Touchpoint> chunk : chunks(unique)) {
                byId.putAll(h2Retrying(c, tenant, () -> {
                    Set<UUID> inserted = switch (dialect.family()) {
                        case H2 -> insertSkippingDuplicatesH2(c, chunk);
                        case POSTGRESQL -> postgres.insert(c, tenant, chunk);
                        default -> insertSkippingDuplicatesMySql(c, chunk);
                    };
                    return resolve(c, tenant, chunk, inserted);
                }));
            }
            h2Retrying(c, tenant, () -> {
                upsertActivity(c, tenant, byId.values());
                return null;
            });
            return byId;
        });
        List<IngestOutcome> result = new ArrayList<>(touchpoints.size());
        for (int i = 0; i < touchpoints.size(); i++) {
            if (firstWithSource[i] >= 0) {
                IngestOutcome first = outcomes.get(touchpoints.get(firstWithSource[i]).id());
                result.add(new IngestOutcome(first.stored(), true));
            } else {
                result.add(outcomes.get(touchpoints.get(i).id()));
            }
        }
        return result;
    }

    private List<List<Touchpoint>> chunks(List<Touchpoint> all) {
        List<List<Touchpoint>> chunks = new ArrayList<>();
        List<Touchpoint> chunk = new ArrayList<>();
        long characters = 0;
        for (Touchpoint t : all) {
            long size = 200 + length(t.subject()) + length(t.body()) + 100L * t.attributes().size();
            if (!chunk.isEmpty() && (chunk.size() >= batchSize || characters + size > CHUNK_CHARACTERS)) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                characters = 0;
            }
            chunk.add(t);
            characters += size;
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    /** SQL work that {@link #h2Retrying} may run more than once. */
    @FunctionalInterface
    private interface Step<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code step}; on H2 inside a savepoint, again after a unique violation. H2 has no insert that skips
     * duplicates atomically: a concurrent transaction can store the same source (or activity row) between the NOT
     * EXISTS check and the insert, and the unique constraint then fails the statement. Run again, the other
     * transaction's row is visible and skipped (or updated).
     */
    private <T> T h2Retrying(Connection c, TenantId tenant, Step<T> step) throws SQLException {
        if (dialect.family() != Dialect.Family.H2) {
            return step.run();
        }
        for (int attempt = 1; ; attempt++) {
            Savepoint savepoint = c.setSavepoint();
            try {
                T result = step.run();
                c.releaseSavepoint(savepoint);
                return result;
            } catch (SQLException e) {
                c.rollback(savepoint);
                boolean unique = tx.errors().isUniqueViolation(e);
                if (unique && !String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains("SOURCE_UQ")
                        && !String.valueOf(e.getMessage()).toUpperCase(Locale.ROOT).contains("CUSTOMER_ACTIVITY")) {
                    throw new StorageException("Touchpoint already exists: " + e.getMessage(), e);
                }
                if (!unique && !tx.errors().isRetryable(e)) {
                    throw e;
                }
                if (attempt == H2_ATTEMPTS) {
                    throw new RetryableStorageException("crmkit could not record touchpoints of tenant " + tenant
                            + ": concurrent transactions kept storing the same sources; run the unit of work again",
                            e);
                }
                pause(attempt);
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, attempt * 2L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while recording touchpoints", e);
        }
    }

    /**
     * MariaDB/MySQL: one multi-row INSERT IGNORE that skips source duplicates; the ids it stored where the database
     * can say (MariaDB's RETURNING), else null.
     */
    private Set<UUID> insertSkippingDuplicatesMySql(Connection c, List<Touchpoint> chunk) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT IGNORE INTO ").append(tables.touchpoint).append(" (")
                .append(COLUMNS).append(") VALUES ");
        String row = row();
        for (int k = 0; k < chunk.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append(row);
        }
        boolean returning = dialect.insertReturnsIds();
        if (returning) {
            sql.append(" RETURNING id");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (Touchpoint t : chunk) {
                i = bindRow(ps, i, t);
            }
            Set<UUID> inserted = null;
            if (returning) {
                inserted = new HashSet<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inserted.add(dialect.getUuid(rs, "id"));
                    }
                }
            } else {
                ps.executeUpdate();
            }
            requireOnlyDuplicateWarnings(ps);
            return inserted;
        }
    }

    /**
     * PostgreSQL's insert of one call's chunks. A chunk is first inserted plainly, inside a savepoint: most chunks
     * hold no duplicate, and an insert with ON CONFLICT costs PostgreSQL about 1.4 times a plain one (every row is
     * inserted speculatively and then confirmed). When the plain insert meets a unique violation, it is rolled back
     * to the savepoint and the chunk is inserted again with ON CONFLICT DO NOTHING, which skips the duplicates inside
     * the database; the rest of the call's chunks then go straight to ON CONFLICT, since a call that re-delivers
     * touchpoints usually re-delivers many. A concurrent transaction storing the same source is caught the same way.
     */
    private final class PostgresInsert {
        private boolean duplicatesSeen;

        Set<UUID> insert(Connection c, TenantId tenant, List<Touchpoint> chunk) throws SQLException {
            if (duplicatesSeen) {
                return insertPostgres(c, tenant, chunk, true);
            }
            boolean sourced = false;
            for (Touchpoint t : chunk) {
                sourced |= t.source() != null;
            }
            if (!sourced) {
                // nothing in the chunk can be a duplicate: a unique violation is an error, as with ON CONFLICT
                return insertPostgres(c, tenant, chunk, false);
            }
            Savepoint savepoint = c.setSavepoint();
            try {
                Set<UUID> inserted = insertPostgres(c, tenant, chunk, false);
                c.releaseSavepoint(savepoint);
                return inserted;
            } catch (SQLException e) {
                if (!tx.errors().isUniqueViolation(e)) {
                    throw e; // the unit of work fails and is rolled back whole (the connection may be gone)
                }
                c.rollback(savepoint);
                duplicatesSeen = true;
                return insertPostgres(c, tenant, chunk, true);
            }
        }
    }

    /**
     * PostgreSQL: one INSERT of the chunk's columns passed as 17 arrays and {@code unnest}ed into rows; with {@code
     * skipDuplicates}, it skips source duplicates and returns the ids it stored, without, it stores every row or
     * fails. Against a multi-row VALUES list of 18 parameters per row, the statement is the same for every chunk size
     * (one server-side prepared statement), and the server parses and binds 18 parameters instead of 18,000.
     */
    private Set<UUID> insertPostgres(Connection c, TenantId tenant, List<Touchpoint> chunk,
                                   boolean skipDuplicates) throws SQLException {
        int n = chunk.size();
        UUID[] id = new UUID[n];
        UUID[] customer = new UUID[n];
        String[] channel = new String[n];
        String[] direction = new String[n];
        String[] occurred = new String[n];
        String[] recorded = new String[n];
        String[] subject = new String[n];
        String[] body = new String[n];
        String[] handledBy = new String[n];
        UUID[] deal = new UUID[n];
        String[] attributes = new String[n];
        BigDecimal[] amount = new BigDecimal[n];
        String[] currency = new String[n];
        String[] orderReference = new String[n];
        String[] sourceSystem = new String[n];
        String[] sourceExternalId = new String[n];
        UUID[] lead = new UUID[n];
        for (int k = 0; k < n; k++) {
            Touchpoint t = chunk.get(k);
            id[k] = t.id().value();
            customer[k] = t.customerId() == null ? null : t.customerId().value();
            channel[k] = t.channel().name();
            direction[k] = t.direction().name();
            occurred[k] = t.occurredAt().toString();
            recorded[k] = t.recordedAt().toString();
            subject[k] = t.subject();
            body[k] = t.body();
            handledBy[k] = t.handledBy() == null ? null : t.handledBy().value();
            deal[k] = t.dealId() == null ? null : t.dealId().value();
            attributes[k] = t.attributes().isEmpty() ? null : JsonColumns.ATTRIBUTES.write(t.attributes());
            if (t.purchase() != null) {
                amount[k] = t.purchase().amount().amount();
                currency[k] = t.purchase().amount().currency().getCurrencyCode();
                orderReference[k] = t.purchase().orderReference();
            }
            sourceSystem[k] = t.source() == null ? null : t.source().system();
            sourceExternalId[k] = t.source() == null ? null : t.source().externalId();
            lead[k] = t.leadId() == null ? null : t.leadId().value();
        }
        String sql = "INSERT INTO " + tables.touchpoint + " (" + COLUMNS + ") SELECT ?, u.id, u.customer_id,"
                + " u.channel, u.direction, u.occurred_at, u.recorded_at, u.subject, u.body, u.handled_by, u.deal_id,"
                + " CAST(u.attributes AS jsonb), u.purchase_amount, u.purchase_currency, u.order_reference,"
                + " u.source_system, u.source_external_id, u.lead_id"
                + " FROM unnest(CAST(? AS uuid[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS text[]),"
                + " CAST(? AS timestamptz[]), CAST(? AS timestamptz[]), CAST(? AS text[]), CAST(? AS text[]),"
                + " CAST(? AS text[]), CAST(? AS uuid[]), CAST(? AS text[]), CAST(? AS numeric[]),"
                + " CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS uuid[]))"
                + " AS u(id, customer_id, channel, direction, occurred_at, recorded_at, subject, body, handled_by,"
                + " deal_id, attributes, purchase_amount, purchase_currency, order_reference, source_system,"
                + " source_external_id, lead_id)"
                + (skipDuplicates
                        ? " ON CONFLICT (tenant_id, source_system, source_external_id) DO NOTHING RETURNING id" : "");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, tenant.value());
            ps.setArray(i++, c.createArrayOf("uuid", id));
            ps.setArray(i++, c.createArrayOf("uuid", customer));
            ps.setArray(i++, c.createArrayOf("text", channel));
            ps.setArray(i++, c.createArrayOf("text", direction));
            ps.setArray(i++, c.createArrayOf("text", occurred));
            ps.setArray(i++, c.createArrayOf("text", recorded));
            ps.setArray(i++, c.createArrayOf("text", subject));
            ps.setArray(i++, c.createArrayOf("text", body));
            ps.setArray(i++, c.createArrayOf("text", handledBy));
            ps.setArray(i++, c.createArrayOf("uuid", deal));
            ps.setArray(i++, c.createArrayOf("text", attributes));
            ps.setArray(i++, c.createArrayOf("numeric", amount));
            ps.setArray(i++, c.createArrayOf("text", currency));
            ps.setArray(i++, c.createArrayOf("text", orderReference));
            ps.setArray(i++, c.createArrayOf("text", sourceSystem));
            ps.setArray(i++, c.createArrayOf("text", sourceExternalId));
            ps.setArray(i, c.createArrayOf("uuid", lead));
            Set<UUID> inserted = new HashSet<>();
            if (!skipDuplicates) {
                ps.executeUpdate();
                for (UUID stored : id) {
                    inserted.add(stored);
                }
                return inserted;
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(dialect.getUuid(rs, "id"));
                }
            }
            return inserted;
        }
    }

    /** INSERT IGNORE turns every error into a warning: only duplicate keys are expected, anything else fails. */
    private static void requireOnlyDuplicateWarnings(Statement statement) throws SQLException {
        for (SQLWarning w = statement.getWarnings(); w != null; w = w.getNextWarning()) {
            if (w.getErrorCode() != 1062) {
                throw new SQLException("INSERT IGNORE reported " + w.getMessage(), w.getSQLState(),
                        w.getErrorCode());
            }
        }
    }

    /**
     * H2: a batch of single-row inserts guarded by NOT EXISTS; the update counts say which were stored. Rows without a
     * source (which nothing can duplicate) are a batch of plain inserts: H2 does not read the source index for
     * {@code source_system = NULL}, and the guard would read the tenant's whole range of it for every row.
     */
    private Set<UUID> insertSkippingDuplicatesH2(Connection c, List<Touchpoint> chunk) throws SQLException {
        List<Touchpoint> unsourced = new ArrayList<>();
        List<Touchpoint> sourced = new ArrayList<>();
        for (Touchpoint t : chunk) {
            (t.source() == null ? unsourced : sourced).add(t);
        }
        Set<UUID> inserted = new HashSet<>();
        if (!unsourced.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + tables.touchpoint + " (" + COLUMNS
                    + ") VALUES " + row())) {
                for (Touchpoint t : unsourced) {
                    bindRow(ps, 1, t);
                    ps.addBatch();
                }
                ps.executeBatch();
                for (Touchpoint t : unsourced) {
                    inserted.add(t.id().value());
                }
            }
        }
        if (sourced.isEmpty()) {
            return inserted;
        }
        StringBuilder select = new StringBuilder();
        for (int k = 0; k < COLUMN_COUNT; k++) {
            select.append(k == 0 ? "" : ", ").append("CAST(? AS ").append(H2_TYPES[k]).append(')');
        }
        String sql = "INSERT INTO " + tables.touchpoint + " (" + COLUMNS + ") SELECT " + select + " FROM DUAL"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + tables.touchpoint + " x WHERE x.tenant_id = ?"
                + " AND x.source_system = ? AND x.source_external_id = ?)";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Touchpoint t : sourced) {
                int i = bindRow(ps, 1, t);
                ps.setString(i++, t.tenantId().value());
                setText(ps, i++, t.source().system());
                setText(ps, i, t.source().externalId());
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int k = 0; k < counts.length; k++) {
                if (counts[k] > 0) {
                    inserted.add(sourced.get(k).id().value());
                }
            }
            return inserted;
        }
    }

    private String row() {
        StringBuilder row = new StringBuilder("(");
        for (int k = 0; k < COLUMN_COUNT; k++) {
            row.append(k == 0 ? "" : ", ").append(k == 11 ? dialect.jsonParameter() : "?");
        }
        return row.append(')').toString();
    }

    private int bindRow(PreparedStatement ps, int i, Touchpoint t) throws SQLException {
        ps.setString(i++, t.tenantId().value());
        dialect.setUuid(ps, i++, t.id().value());
        dialect.setUuid(ps, i++, t.customerId() == null ? null : t.customerId().value());
        ps.setString(i++, t.channel().name());
        ps.setString(i++, t.direction().name());
        dialect.setInstant(ps, i++, t.occurredAt());
        dialect.setInstant(ps, i++, t.recordedAt());
        setText(ps, i++, t.subject());
        setText(ps, i++, t.body());
        setText(ps, i++, t.handledBy() == null ? null : t.handledBy().value());
        dialect.setUuid(ps, i++, t.dealId() == null ? null : t.dealId().value());
        dialect.setJson(ps, i++, t.attributes().isEmpty() ? null : JsonColumns.ATTRIBUTES.write(t.attributes()));
        Purchase purchase = t.purchase();
        if (purchase == null) {
            // Nulls are bound with the type the values are bound with (setString: VARCHAR, not CHAR): on PostgreSQL a
            // parameter whose type changes from one execution to the next makes the driver parse the whole
            // statement again, and a chunk's statement has 17 parameters per row.
            ps.setNull(i++, Types.DECIMAL);
            ps.setNull(i++, Types.VARCHAR);
            ps.setNull(i++, Types.VARCHAR);
        } else {
            ps.setBigDecimal(i++, purchase.amount().amount());
            ps.setString(i++, purchase.amount().currency().getCurrencyCode());
            setText(ps, i++, purchase.orderReference());
        }
        setText(ps, i++, t.source() == null ? null : t.source().system());
        setText(ps, i++, t.source() == null ? null : t.source().externalId());
        dialect.setUuid(ps, i++, t.leadId() == null ? null : t.leadId().value());
        return i;
    }

    private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    /**
     * The outcome of each element of a chunk: stored, or a duplicate of the touchpoint stored earlier with its source
     * (read with a read that sees the latest committed rows). {@code inserted} is null where the insert could not
     * say which rows it stored.
     */
    private Map<TouchpointId, IngestOutcome> resolve(Connection c, TenantId tenant, List<Touchpoint> chunk,
                                                     Set<UUID> inserted) throws SQLException {
        Map<TouchpointId, IngestOutcome> outcomes = new HashMap<>();
        List<Touchpoint> unresolved = new ArrayList<>();
        for (Touchpoint t : chunk) {
            if (inserted != null && inserted.contains(t.id().value())) {
                outcomes.put(t.id(), new IngestOutcome(t, false));
            } else if (t.source() == null) {
                if (inserted != null) {
                    throw new StorageException("Touchpoint " + t.id() + " already exists");
                }
                outcomes.put(t.id(), new IngestOutcome(t, false));
            } else {
                unresolved.add(t);
            }
        }
        for (int from = 0; from < unresolved.size(); from += LOOKUP_CHUNK) {
            List<Touchpoint> part = unresolved.subList(from, Math.min(unresolved.size(), from + LOOKUP_CHUNK));
            Map<SourceRef, Touchpoint> stored = findBySource(c, tenant, part);
            for (Touchpoint t : part) {
                Touchpoint earlier = stored.get(t.source());
                if (earlier == null) {
                    throw new StorageException("Touchpoint " + t.id() + " already exists");
                }
                outcomes.put(t.id(), earlier.id().equals(t.id()) ? new IngestOutcome(t, false)
                        : new IngestOutcome(earlier, true));
            }
        }
        return outcomes;
    }

    private Map<SourceRef, Touchpoint> findBySource(Connection c, TenantId tenant, List<Touchpoint> part)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(T_COLUMNS).append(" FROM ")
                .append(tables.touchpoint).append(" t WHERE t.tenant_id = ? AND (");
        for (int k = 0; k < part.size(); k++) {
            sql.append(k == 0 ? "" : " OR ").append("(t.source_system = ? AND t.source_external_id = ?)");
        }
        sql.append(')').append(dialect.latestCommittedReadSuffix());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setString(i++, tenant.value());
            for (Touchpoint t : part) {
                ps.setString(i++, t.source().system());
                ps.setString(i++, t.source().externalId());
            }
            Map<SourceRef, Touchpoint> found = new HashMap<>();
            for (Touchpoint t : readAll(ps)) {
                found.put(t.source(), t);
            }
            return found;
        }
    }

    /** The activity a chunk (or a move) adds to one customer. */
    private static final class Delta {
        final long[] counts = new long[Channel.values().length];
        UUID lastId;
        Instant lastAt;
        Instant lastPurchaseAt;

        /** Counts one touchpoint in. */
        void add(UUID id, Channel channel, Instant occurredAt) {
            counts[channel.ordinal()]++;
            if (lastId == null || newer(occurredAt, id, lastAt, lastId)) {
                lastId = id;
                lastAt = occurredAt;
            }
            if (channel == Channel.PURCHASE && (lastPurchaseAt == null || occurredAt.isAfter(lastPurchaseAt))) {
                lastPurchaseAt = occurredAt;
            }
        }
    }

    private void upsertActivity(Connection c, TenantId tenant, Iterable<IngestOutcome> outcomes)
            throws SQLException {
        // Sorted by customer id: concurrent ingests lock activity rows in the same order.
        TreeMap<CustomerId, Delta> deltas = new TreeMap<>();
        for (IngestOutcome outcome : outcomes) {
            Touchpoint t = outcome.stored();
            if (outcome.duplicate() || t.customerId() == null) {
                continue; // a lead's touchpoint counts in no customer's activity until it is moved
            }
            deltas.computeIfAbsent(t.customerId(), id -> new Delta()).add(t.id().value(), t.channel(),
                    t.occurredAt());
        }
        writeActivity(c, tenant, deltas);
    }

    /** Adds {@code deltas} to the customers' activity rows, creating the rows that do not exist yet. */
    private void writeActivity(Connection c, TenantId tenant, TreeMap<CustomerId, Delta> deltas)
            throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        if (dialect.family() == Dialect.Family.H2) {
            try (PreparedStatement ps = c.prepareStatement(h2ActivityMerge())) {
                for (Map.Entry<CustomerId, Delta> entry : deltas.entrySet()) {
                    bindActivity(ps, 1, tenant, entry.getKey(), entry.getValue());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return;
        }
        if (dialect.family() == Dialect.Family.POSTGRESQL) {
            writeActivityPostgres(c, tenant, deltas);
            return;
        }
        List<Map.Entry<CustomerId, Delta>> entries = new ArrayList<>(deltas.entrySet());
        for (int from = 0; from < entries.size(); from += batchSize) {
            List<Map.Entry<CustomerId, Delta>> part = entries.subList(from, Math.min(entries.size(), from + batchSize));
            try (PreparedStatement ps = c.prepareStatement(activityUpsert(part.size()))) {
                int i = 1;
                for (Map.Entry<CustomerId, Delta> entry : part) {
                    i = bindActivity(ps, i, tenant, entry.getKey(), entry.getValue());
                }
                ps.executeUpdate();
            }
        }
    }

    /**
     * PostgreSQL: one upsert of every customer's delta, passed as arrays (one per column) and {@code unnest}ed in
     * customer order, so that concurrent ingests lock activity rows in one order.
     */
    private void writeActivityPostgres(Connection c, TenantId tenant, TreeMap<CustomerId, Delta> deltas)
            throws SQLException {
        int n = deltas.size();
        int channels = Channel.values().length;
        UUID[] customer = new UUID[n];
        Long[][] counts = new Long[channels][n];
        UUID[] lastId = new UUID[n];
        String[] lastAt = new String[n];
        String[] lastPurchaseAt = new String[n];
        int k = 0;
        for (Map.Entry<CustomerId, Delta> entry : deltas.entrySet()) {
            Delta delta = entry.getValue();
            customer[k] = entry.getKey().value();
            for (int ch = 0; ch < channels; ch++) {
                counts[ch][k] = delta.counts[ch];
            }
            lastId[k] = delta.lastId;
            lastAt[k] = delta.lastAt.toString();
            lastPurchaseAt[k] = delta.lastPurchaseAt == null ? null : delta.lastPurchaseAt.toString();
            k++;
        }
        StringBuilder arrays = new StringBuilder("CAST(? AS uuid[])");
        StringBuilder names = new StringBuilder("customer_id");
        StringBuilder set = new StringBuilder();
        for (Channel channel : Channel.values()) {
            String col = countColumn(channel);
            arrays.append(", CAST(? AS bigint[])");
            names.append(", ").append(col);
            set.append(col).append(" = a.").append(col).append(" + EXCLUDED.").append(col).append(", ");
        }
        arrays.append(", CAST(? AS uuid[]), CAST(? AS timestamptz[]), CAST(? AS timestamptz[])");
        names.append(", last_touchpoint_id, last_touchpoint_at, last_purchase_at");
        String sql = "INSERT INTO " + tables.activity + " AS a (" + ACTIVITY_COLUMNS + ") SELECT ?, u.*"
                + " FROM unnest(" + arrays + ") AS u(" + names + ") ORDER BY u.customer_id"
                + " ON CONFLICT (tenant_id, customer_id) DO UPDATE SET " + set
                + activityLastColumns("a.", "EXCLUDED.");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, tenant.value());
            ps.setArray(i++, c.createArrayOf("uuid", customer));
            for (Long[] count : counts) {
                ps.setArray(i++, c.createArrayOf("int8", count));
            }
            ps.setArray(i++, c.createArrayOf("uuid", lastId));
            ps.setArray(i++, c.createArrayOf("text", lastAt));
            ps.setArray(i, c.createArrayOf("text", lastPurchaseAt));
            ps.executeUpdate();
        }
    }

    /** Whether (at, id) is newer than (otherAt, otherId) in timeline order. */
    private static boolean newer(Instant at, UUID id, Instant otherAt, UUID otherId) {
        int byTime = at.compareTo(otherAt);
        return byTime > 0 || (byTime == 0 && Ids.compare(id, otherId) > 0);
    }

    private int bindActivity(PreparedStatement ps, int i, TenantId tenant, CustomerId customer, Delta delta)
            throws SQLException {
        ps.setString(i++, tenant.value());
        dialect.setUuid(ps, i++, customer.value());
        for (long count : delta.counts) {
            ps.setLong(i++, count);
        }
        dialect.setUuid(ps, i++, delta.lastId);
        dialect.setInstant(ps, i++, delta.lastAt);
        dialect.setInstant(ps, i++, delta.lastPurchaseAt);
        return i;
    }

    /** MariaDB/MySQL: the upsert of {@code rows} customers' deltas as one multi-row INSERT ... ON DUPLICATE KEY. */
    private String activityUpsert(int rows) {
        int width = 2 + Channel.values().length + 3;
        StringBuilder row = new StringBuilder("(");
        for (int k = 0; k < width; k++) {
            row.append(k == 0 ? "?" : ", ?");
        }
        row.append(')');
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.activity).append(" (")
                .append(ACTIVITY_COLUMNS).append(") VALUES ");
        for (int k = 0; k < rows; k++) {
            sql.append(k == 0 ? "" : ", ").append(row);
        }
        // MariaDB/MySQL evaluate the assignments left to right, each seeing the ones before: the id is decided
        // before last_touchpoint_at changes.
        sql.append(" ON DUPLICATE KEY UPDATE ");
        for (Channel channel : Channel.values()) {
            String col = countColumn(channel);
            sql.append(col).append(" = ").append(col).append(" + VALUES(").append(col).append("), ");
        }
        sql.append("last_touchpoint_id = CASE WHEN VALUES(last_touchpoint_at) > last_touchpoint_at"
                + " OR (VALUES(last_touchpoint_at) = last_touchpoint_at"
                + " AND VALUES(last_touchpoint_id) > last_touchpoint_id)"
                + " THEN VALUES(last_touchpoint_id) ELSE last_touchpoint_id END, "
                + "last_touchpoint_at = CASE WHEN VALUES(last_touchpoint_at) > last_touchpoint_at"
                + " THEN VALUES(last_touchpoint_at) ELSE last_touchpoint_at END, "
                + "last_purchase_at = CASE WHEN last_purchase_at IS NULL"
                + " OR VALUES(last_purchase_at) > last_purchase_at"
                + " THEN VALUES(last_purchase_at) ELSE last_purchase_at END");
        return sql.toString();
    }

    /** The SET list for the last touchpoint and last purchase, where every expression sees the old row. */
    private static String activityLastColumns(String old, String incoming) {
        return "last_touchpoint_id = CASE WHEN " + incoming + "last_touchpoint_at > " + old + "last_touchpoint_at"
                + " OR (" + incoming + "last_touchpoint_at = " + old + "last_touchpoint_at"
                + " AND " + incoming + "last_touchpoint_id > " + old + "last_touchpoint_id)"
                + " THEN " + incoming + "last_touchpoint_id ELSE " + old + "last_touchpoint_id END, "
                + "last_touchpoint_at = CASE WHEN " + incoming + "last_touchpoint_at > " + old + "last_touchpoint_at"
                + " THEN " + incoming + "last_touchpoint_at ELSE " + old + "last_touchpoint_at END, "
                + "last_purchase_at = CASE WHEN " + old + "last_purchase_at IS NULL"
                + " OR " + incoming + "last_purchase_at > " + old + "last_purchase_at"
                + " THEN " + incoming + "last_purchase_at ELSE " + old + "last_purchase_at END";
    }

    private String h2ActivityMerge() {
        StringBuilder source = new StringBuilder("SELECT CAST(? AS VARCHAR(64)) tenant_id, CAST(? AS UUID) customer_id");
        StringBuilder set = new StringBuilder();
        StringBuilder values = new StringBuilder("v.tenant_id, v.customer_id");
        for (Channel channel : Channel.values()) {
            String col = countColumn(channel);
            source.append(", CAST(? AS BIGINT) ").append(col);
            set.append(col).append(" = a.").append(col).append(" + v.").append(col).append(", ");
            values.append(", v.").append(col);
        }
        source.append(", CAST(? AS UUID) last_touchpoint_id, CAST(? AS TIMESTAMP(6) WITH TIME ZONE) last_touchpoint_at,"
                + " CAST(? AS TIMESTAMP(6) WITH TIME ZONE) last_purchase_at FROM DUAL");
        values.append(", v.last_touchpoint_id, v.last_touchpoint_at, v.last_purchase_at");
        return "MERGE INTO " + tables.activity + " a USING (" + source + ") v"
                + " ON a.tenant_id = v.tenant_id AND a.customer_id = v.customer_id"
                + " WHEN MATCHED THEN UPDATE SET " + set + activityLastColumns("a.", "v.")
                + " WHEN NOT MATCHED THEN INSERT (" + ACTIVITY_COLUMNS + ") VALUES (" + values + ")";
    }

    // ---- reads ---------------------------------------------------------------------------------------------------

    @Override
    public java.util.Optional<Touchpoint> find(TenantId tenant, TouchpointId id) {
        return tx.read(tenant, "read touchpoint " + id + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + T_COLUMNS + " FROM " + tables.touchpoint
                    + " t WHERE t.tenant_id = ? AND t.id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Slice<Touchpoint> timeline(TenantId tenant, CustomerId customer, TimelineQuery query,
                                      TimelinePosition after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Query q = timelineQuery(tenant, customer, query, after, limit);
        return tx.read(tenant, "read the timeline of customer " + customer + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                return Slice.of(readAll(ps), limit);
            }
        });
    }

    /**
     * A range of the timeline index (tenant_id, customer_id, occurred_at DESC, id DESC), in its order; see
     * {@link Dialect#orderBy} for the ORDER BY.
     */
    Query timelineQuery(TenantId tenant, CustomerId customer, TimelineQuery query, TimelinePosition after,
                        int limit) {
        return partyTimeline(tenant, "customer_id", customer.value(), "touchpoint_timeline_ix", query, after, limit);
    }

    /**
     * A range of the lead timeline index (tenant_id, lead_id, occurred_at DESC, id DESC), in its order; see
     * {@link Dialect#orderBy} for the ORDER BY.
     */
    Query leadTimelineQuery(TenantId tenant, LeadId lead, TimelineQuery query, TimelinePosition after, int limit) {
        return partyTimeline(tenant, "lead_id", lead.value(), "touchpoint_lead_timeline_ix", query, after, limit);
    }

    /** The timeline of one party (a customer or a lead): a range of {@code index}, in its order. */
    private Query partyTimeline(TenantId tenant, String partyColumn, UUID party, String index, TimelineQuery query,
                                TimelinePosition after, int limit) {
        Query q = new Query(dialect, "SELECT " + T_COLUMNS + " FROM " + tables.touchpoint + " t"
                + dialect.indexHint(tables.index(index)) + " WHERE t.tenant_id = ?")
                .text(tenant.value()).and("t." + partyColumn + " = ?").uuid(party);
        if (!query.channels().isEmpty()) {
            StringBuilder in = new StringBuilder("t.channel IN (");
            for (int k = 0; k < query.channels().size(); k++) {
                in.append(k == 0 ? "?" : ", ?");
            }
            q.and(in.append(')').toString());
            for (Channel channel : sortedChannels(query)) {
                q.text(channel.name());
            }
        }
        if (query.direction() != null) {
            q.and("t.direction = ?").text(query.direction().name());
        }
        if (query.from() != null) {
            q.atLeast("t.occurred_at", query.from());
        }
        if (query.until() != null) {
            q.below("t.occurred_at", query.until());
        }
        if (after != null) {
            q.before("t.occurred_at", "t.id", after.occurredAt(), after.id().value());
        }
        return q.sql(dialect.orderBy("t.tenant_id, t." + partyColumn, "t.occurred_at DESC, t.id DESC") + " LIMIT ?")
                .integer(limit + 1);
    }

    @Override
    public Slice<Touchpoint> leadTimeline(TenantId tenant, LeadId lead, TimelineQuery query, TimelinePosition after,
                                          int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Query q = leadTimelineQuery(tenant, lead, query, after, limit);
        return tx.read(tenant, "read the timeline of lead " + lead + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                return Slice.of(readAll(ps), limit);
            }
        });
    }

    // ---- moving a lead's touchpoints -----------------------------------------------------------------------------

    /**
     * Moves the lead's touchpoints to the customer with one UPDATE, and adds exactly the rows it moved to the
     * customer's activity row (counts, last touchpoint, last purchase and so the lapsed-buyer index): nothing reads
     * the customer's own history. Which rows the UPDATE moved is told by the UPDATE itself on PostgreSQL
     * ({@code RETURNING}) and H2 ({@code FINAL TABLE}); on MariaDB/MySQL a locking read of the lead's rows comes
     * first, and an UPDATE that moves a different number of rows (one recorded in between under READ COMMITTED)
     * fails the unit of work as retryable.
     */
    @Override
    public long moveLeadTouchpoints(TenantId tenant, LeadId lead, CustomerId customer) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
        return tx.write(tenant, "move the touchpoints of lead " + lead + " to customer " + customer + " of tenant "
                + tenant, c -> {
            Delta delta = new Delta();
            long moved = moveRows(c, tenant, lead, customer, delta);
            if (moved > 0) {
                TreeMap<CustomerId, Delta> deltas = new TreeMap<>();
                deltas.put(customer, delta);
                h2Retrying(c, tenant, () -> {
                    writeActivity(c, tenant, deltas);
                    return null;
                });
            }
            return moved;
        });
    }

    /** Runs the UPDATE and counts every row it moved into {@code delta}; returns how many moved. */
    private long moveRows(Connection c, TenantId tenant, LeadId lead, CustomerId customer, Delta delta)
            throws SQLException {
        String update = "UPDATE " + tables.touchpoint + " SET customer_id = ?, lead_id = NULL"
                + " WHERE tenant_id = ? AND lead_id = ?";
        switch (dialect.family()) {
            case POSTGRESQL:
                return moveReturning(c, update + " RETURNING id, channel, occurred_at", tenant, lead, customer, delta);
            case H2:
                return moveReturning(c, "SELECT id, channel, occurred_at FROM FINAL TABLE (" + update + ")", tenant,
                        lead, customer, delta);
            default:
                long locked;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, channel, occurred_at FROM "
                        + tables.touchpoint + dialect.indexHint(tables.index("touchpoint_lead_timeline_ix"))
                        + " WHERE tenant_id = ? AND lead_id = ? FOR UPDATE")) {
                    ps.setString(1, tenant.value());
                    dialect.setUuid(ps, 2, lead.value());
                    locked = readMoved(ps, delta);
                }
                if (locked == 0) {
                    return 0;
                }
                int updated;
                try (PreparedStatement ps = c.prepareStatement(update)) {
                    bindMove(ps, tenant, lead, customer);
                    updated = ps.executeUpdate();
                }
                if (updated != locked) {
                    throw new RetryableStorageException("crmkit could not move the touchpoints of lead " + lead
                            + " of tenant " + tenant + ": a touchpoint of the lead was recorded while they moved"
                            + " (" + locked + " read, " + updated + " moved); run the unit of work again", null);
                }
                return updated;
        }
    }

    private long moveReturning(Connection c, String sql, TenantId tenant, LeadId lead, CustomerId customer,
                               Delta delta) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindMove(ps, tenant, lead, customer);
            return readMoved(ps, delta);
        }
    }

    private void bindMove(PreparedStatement ps, TenantId tenant, LeadId lead, CustomerId customer)
            throws SQLException {
        dialect.setUuid(ps, 1, customer.value());
        ps.setString(2, tenant.value());
        dialect.setUuid(ps, 3, lead.value());
    }

    private long readMoved(PreparedStatement ps, Delta delta) throws SQLException {
        long rows = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows++;
                delta.add(dialect.getUuid(rs, "id"), Channel.valueOf(rs.getString("channel")),
                        dialect.getInstant(rs, "occurred_at"));
            }
        }
        return rows;
    }

    private static List<Channel> sortedChannels(TimelineQuery query) {
        List<Channel> channels = new ArrayList<>(query.channels());
        channels.sort(null);
        return channels;
    }

    @Override
    public CustomerActivity activity(TenantId tenant, CustomerId customer) {
        return tx.read(tenant, "read the activity of customer " + customer + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + ACTIVITY_COLUMNS + " FROM " + tables.activity
                    + " WHERE tenant_id = ? AND customer_id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, customer.value());
                List<CustomerActivity> found = readActivities(ps);
                return found.isEmpty() ? CustomerActivity.none(customer) : found.get(0);
            }
        });
    }

    @Override
    public Slice<CustomerActivity> lapsedBuyers(TenantId tenant, Instant cutoff, LapsedPosition after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        Query q = lapsedQuery(tenant, cutoff, after, limit);
        return tx.read(tenant, "list the lapsed buyers of tenant " + tenant, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                return Slice.of(readActivities(ps), limit);
            }
        });
    }

    /** A range of the index (tenant_id, last_purchase_at, customer_id), in its order. */
    Query lapsedQuery(TenantId tenant, Instant cutoff, LapsedPosition after, int limit) {
        Query q = new Query(dialect, "SELECT " + ACTIVITY_COLUMNS + " FROM " + tables.activity
                + dialect.indexHint(tables.index("customer_activity_lapsed_ix")) + " WHERE tenant_id = ?")
                .text(tenant.value()).below("last_purchase_at", cutoff);
        if (after != null) {
            q.beyond("last_purchase_at", "customer_id", after.lastPurchaseAt(), after.customerId().value());
        }
        return q.sql(dialect.orderBy("tenant_id", "last_purchase_at, customer_id") + " LIMIT ?").integer(limit + 1);
    }

    private List<CustomerActivity> readActivities(PreparedStatement ps) throws SQLException {
        List<CustomerActivity> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<Channel, Long> counts = new EnumMap<>(Channel.class);
                for (Channel channel : Channel.values()) {
                    counts.put(channel, rs.getLong(countColumn(channel)));
                }
                found.add(new CustomerActivity(new CustomerId(dialect.getUuid(rs, "customer_id")), counts,
                        new TouchpointId(dialect.getUuid(rs, "last_touchpoint_id")),
                        dialect.getInstant(rs, "last_touchpoint_at"), dialect.getInstant(rs, "last_purchase_at")));
            }
        }
        return found;
    }

    private List<Touchpoint> readAll(PreparedStatement ps) throws SQLException {
        return Rows.readAll(ps, this::read);
    }

    private Touchpoint read(ResultSet rs) throws SQLException {
        TouchpointId id = new TouchpointId(dialect.getUuid(rs, "id"));
        try {
            UUID deal = dialect.getUuid(rs, "deal_id");
            String attributes = rs.getString("attributes");
            BigDecimal amount = rs.getBigDecimal("purchase_amount");
            String handledBy = rs.getString("handled_by");
            String system = rs.getString("source_system");
            UUID customer = dialect.getUuid(rs, "customer_id");
            UUID lead = dialect.getUuid(rs, "lead_id");
            return new Touchpoint(id, new TenantId(rs.getString("tenant_id")),
                    customer == null ? null : new CustomerId(customer), lead == null ? null : new LeadId(lead),
                    Channel.valueOf(rs.getString("channel")),
                    Direction.valueOf(rs.getString("direction")), dialect.getInstant(rs, "occurred_at"),
                    dialect.getInstant(rs, "recorded_at"), rs.getString("subject"), rs.getString("body"),
                    handledBy == null ? null : new UserId(handledBy), deal == null ? null : new DealId(deal),
                    attributes == null ? Map.of()
                            : JsonColumns.ATTRIBUTES.read(attributes, "attributes of touchpoint " + id),
                    amount == null ? null : new Purchase(new Money(amount, Money.currency(
                            rs.getString("purchase_currency").trim())), rs.getString("order_reference")),
                    system == null ? null : new SourceRef(system, rs.getString("source_external_id")));
        } catch (CrmException | IllegalArgumentException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException("the stored touchpoint " + id + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** For tests: the columns of the activity table in order. */
    static List<String> activityColumns() {
        return Arrays.asList(ACTIVITY_COLUMNS.split(", "));
    }
}
