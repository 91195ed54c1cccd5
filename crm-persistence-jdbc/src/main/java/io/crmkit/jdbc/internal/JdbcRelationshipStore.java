package io.crmkit.jdbc.internal;

import io.crmkit.customer.Relationship;
import io.crmkit.customer.RelationshipType;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.RelationshipId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.RelationshipStore;
import io.crmkit.spi.Slice;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Relationships: one row each, indexed from both ends. */
public final class JdbcRelationshipStore implements RelationshipStore {

    private static final String COLUMNS = "tenant_id, id, from_id, to_id, label, inverse_label, created_at";

    private final Transactions tx;
    private final Dialect dialect;
    private final Tables tables;

    public JdbcRelationshipStore(Transactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
    }

    @Override
    public void insert(TenantId tenant, Relationship relationship) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
        if (!relationship.tenantId().equals(tenant)) {
            throw new TenantViolationException("Relationship " + relationship.id() + " belongs to tenant "
                    + relationship.tenantId() + ", not to " + tenant);
        }
        tx.write(tenant, "insert relationship " + relationship.id() + " of tenant " + tenant, c -> {
            String sql = "INSERT INTO " + tables.relationship + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + (dialect.failedStatementAbortsTransaction() ? " ON CONFLICT (tenant_id, id) DO NOTHING" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, relationship.id().value());
                dialect.setUuid(ps, 3, relationship.from().value());
                dialect.setUuid(ps, 4, relationship.to().value());
                ps.setString(5, relationship.type().label());
                ps.setString(6, relationship.type().inverseLabel());
                dialect.setInstant(ps, 7, relationship.createdAt());
                if (ps.executeUpdate() == 0) {
                    throw alreadyExists(relationship, null);
                }
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw alreadyExists(relationship, e);
                }
                throw e;
            }
            return null;
        });
    }

    private static StorageException alreadyExists(Relationship relationship, SQLException cause) {
        return new StorageException("Relationship " + relationship.id() + " already exists", cause);
    }

    @Override
    public Optional<Relationship> find(TenantId tenant, RelationshipId id) {
        return tx.read(tenant, "read relationship " + id + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.relationship
                    + " WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Relationship> find(TenantId tenant, CustomerId from, RelationshipType type, CustomerId to) {
        return tx.read(tenant, "find a relationship of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.relationship
                    + " WHERE tenant_id = ? AND from_id = ? AND to_id = ? AND label = ? AND inverse_label = ?"
                    + dialect.orderBy("tenant_id, from_id", "id") + " LIMIT 1")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, from.value());
                dialect.setUuid(ps, 3, to.value());
                ps.setString(4, type.label());
                ps.setString(5, type.inverseLabel());
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public boolean delete(TenantId tenant, RelationshipId id) {
        return tx.write(tenant, "delete relationship " + id + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tables.relationship
                    + " WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Slice<Relationship> involving(TenantId tenant, CustomerId customer, RelationshipId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return tx.read(tenant, "list the relationships of customer " + customer + " of tenant " + tenant, c -> {
            // One range of each end's index, merged here. (One UNION ALL statement would save a round trip, but
            // H2 2.3 answers it from a stale cache when the same session runs it again with other parameters.)
            List<Relationship> merged = new ArrayList<>(side(c, tenant, "from_id", customer, after, limit));
            merged.addAll(side(c, tenant, "to_id", customer, after, limit));
            merged.sort((a, b) -> a.id().compareTo(b.id()));
            return Slice.of(merged.size() > limit + 1 ? merged.subList(0, limit + 1) : merged, limit);
        });
    }

    private List<Relationship> side(java.sql.Connection c, TenantId tenant, String end, CustomerId customer,
                                    RelationshipId after, int limit) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + tables.relationship + " WHERE tenant_id = ? AND " + end
                + " = ?" + (after == null ? "" : " AND id > ?") + dialect.orderBy("tenant_id, " + end, "id") + " LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setString(i++, tenant.value());
            dialect.setUuid(ps, i++, customer.value());
            if (after != null) {
                dialect.setUuid(ps, i++, after.value());
            }
            ps.setInt(i, limit + 1);
            return readAll(ps);
        }
    }

    private List<Relationship> readAll(PreparedStatement ps) throws SQLException {
        List<Relationship> found = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                RelationshipId id = new RelationshipId(dialect.getUuid(rs, "id"));
                try {
                    found.add(new Relationship(id, new TenantId(rs.getString("tenant_id")),
                            new CustomerId(dialect.getUuid(rs, "from_id")),
                            new RelationshipType(rs.getString("label"), rs.getString("inverse_label")),
                            new CustomerId(dialect.getUuid(rs, "to_id")), dialect.getInstant(rs, "created_at")));
                } catch (CrmException e) {
                    throw new StorageException("the stored relationship " + id + " cannot be read: "
                            + e.getMessage(), e);
                }
            }
        }
        return found;
    }
}
