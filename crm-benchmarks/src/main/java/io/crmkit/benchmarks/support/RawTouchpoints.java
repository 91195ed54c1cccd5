package io.crmkit.benchmarks.support;

import io.crmkit.benchmarks.support.BenchDatabase.Kind;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The reference point "raw JDBC": hand-written SQL on a touchpoint table equivalent to crmkit's (same columns,
 * types, primary key, unique source constraint and timeline index), with the best plain JDBC a careful developer
 * writes: prepared statements, a JDBC batch per chunk in one transaction, keyset reads along the index.
 */
public final class RawTouchpoints {

    /** The columns, in crmkit's order. */
    public static final String COLUMNS = "tenant_id, id, customer_id, channel, direction, occurred_at, recorded_at, "
            + "subject, body, handled_by, deal_id, attributes, purchase_amount, purchase_currency, order_reference, "
            + "source_system, source_external_id, lead_id";

    private RawTouchpoints() {
    }

    /**
     * Creates {@code table} like crmkit's {@code crm_touchpoint} (its migrations V1 and V3: the same columns, keys,
     * check and indexes, the lead timeline index included).
     */
    public static void create(BenchDatabase db, String table) {
        boolean pg = db.kind() == Kind.POSTGRESQL;
        db.execute("CREATE TABLE " + table + " ("
                + " tenant_id varchar(64) NOT NULL,"
                + " id uuid NOT NULL,"
                + " customer_id uuid,"
                + " channel varchar(32) NOT NULL,"
                + " direction varchar(16) NOT NULL,"
                + " occurred_at timestamp(6) with time zone NOT NULL,"
                + " recorded_at timestamp(6) with time zone NOT NULL,"
                + " subject varchar(500),"
                + " body " + (pg ? "text" : "character varying(100000)") + ","
                + " handled_by varchar(128),"
                + " deal_id uuid,"
                + " attributes " + (pg ? "jsonb" : "character large object") + ","
                + " purchase_amount numeric(38,4),"
                + " purchase_currency char(3),"
                + " order_reference varchar(100),"
                + " source_system varchar(64),"
                + " source_external_id varchar(200),"
                + " lead_id uuid,"
                + " CONSTRAINT " + table + "_pk PRIMARY KEY (tenant_id, id),"
                + " CONSTRAINT " + table + "_source_uq UNIQUE (tenant_id, source_system, source_external_id),"
                + " CONSTRAINT " + table + "_party_ck CHECK ((customer_id IS NULL) <> (lead_id IS NULL)))",
                "CREATE INDEX " + table + "_timeline_ix ON " + table
                        + " (tenant_id, customer_id, occurred_at DESC, id DESC)",
                "CREATE INDEX " + table + "_lead_timeline_ix ON " + table
                        + " (tenant_id, lead_id, occurred_at DESC, id DESC)" + (pg ? " WHERE lead_id IS NOT NULL" : ""));
    }

    /** The INSERT of one row; a JDBC batch of it is what the driver may rewrite into multi-row statements. */
    public static String insert(String table) {
        return "INSERT INTO " + table + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    }

    /** Binds one row to {@link #insert}'s statement: every column, as crmkit binds them. */
    public static void bind(PreparedStatement ps, String tenant, UUID id, UUID customer, TouchpointRows.Row row,
                            OffsetDateTime recordedAt) throws SQLException {
        ps.setString(1, tenant);
        ps.setObject(2, id);
        ps.setObject(3, customer);
        ps.setString(4, row.channel().name());
        ps.setString(5, row.direction().name());
        ps.setObject(6, row.occurredAt().atOffset(ZoneOffset.UTC));
        ps.setObject(7, recordedAt);
        text(ps, 8, row.subject());
        text(ps, 9, row.body());
        text(ps, 10, row.handledBy());
        ps.setNull(11, Types.OTHER);
        ps.setNull(12, Types.OTHER);
        if (row.amount() == null) {
            ps.setNull(13, Types.DECIMAL);
            ps.setNull(14, Types.VARCHAR); // as setString binds it: a changing type makes PostgreSQL parse again
            ps.setNull(15, Types.VARCHAR);
        } else {
            ps.setBigDecimal(13, row.amount());
            ps.setString(14, row.currency());
            text(ps, 15, row.orderReference());
        }
        text(ps, 16, row.sourceSystem());
        text(ps, 17, row.externalId());
        ps.setNull(18, Types.OTHER);
    }

    private static void text(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    /** A touchpoint as the raw reads return it: every column in a plain object. */
    public record Read(String tenant, UUID id, UUID customer, String channel, String direction, Instant occurredAt,
                       Instant recordedAt, String subject, String body, String handledBy, UUID deal, String attributes,
                       BigDecimal amount, String currency, String orderReference, String sourceSystem,
                       String externalId, UUID lead) {
    }

    /**
     * The keyset page query on {@code table}: one customer's touchpoints newest first, after a position or from the
     * start, written as DESIGN.md §5 found each database needs it (a row-value comparison on PostgreSQL; on H2 the
     * equality-bound columns named in the ORDER BY, or H2 sorts instead of reading the index in order).
     */
    public static String keysetQuery(Kind kind, String table, boolean afterPosition) {
        String select = "SELECT " + COLUMNS + " FROM " + table + " WHERE tenant_id = ? AND customer_id = ?";
        if (kind == Kind.POSTGRESQL) {
            return select + (afterPosition ? " AND (occurred_at, id) < (?, ?)" : "")
                    + " ORDER BY occurred_at DESC, id DESC LIMIT ?";
        }
        return select + (afterPosition ? " AND occurred_at <= ? AND (occurred_at < ? OR id < ?)" : "")
                + " ORDER BY tenant_id, customer_id, occurred_at DESC, id DESC LIMIT ?";
    }

    /** Runs {@link #keysetQuery} for one page. */
    public static List<Read> page(Connection c, Kind kind, String table, String tenant, UUID customer,
                                  Instant afterAt, UUID afterId, int size) throws SQLException {
        boolean after = afterAt != null;
        try (PreparedStatement ps = c.prepareStatement(keysetQuery(kind, table, after))) {
            int i = 1;
            ps.setString(i++, tenant);
            ps.setObject(i++, customer);
            if (after) {
                OffsetDateTime at = afterAt.atOffset(ZoneOffset.UTC);
                ps.setObject(i++, at);
                if (kind == Kind.H2) {
                    ps.setObject(i++, at);
                }
                ps.setObject(i++, afterId);
            }
            ps.setInt(i, size);
            List<Read> page = new ArrayList<>(size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new Read(rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class).toInstant(),
                            rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8), rs.getString(9),
                            rs.getString(10), rs.getObject(11, UUID.class), rs.getString(12), rs.getBigDecimal(13),
                            rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
                            rs.getObject(18, UUID.class)));
                }
            }
            return page;
        }
    }
}
