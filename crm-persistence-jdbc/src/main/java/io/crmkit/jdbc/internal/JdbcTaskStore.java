package io.crmkit.jdbc.internal;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.spi.DuePosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TaskStore;
import io.crmkit.task.Task;
import io.crmkit.task.TaskPriority;
import io.crmkit.task.TaskStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Tasks: one row each; every list is a range of an index ordered by (due_at, id). */
public final class JdbcTaskStore implements TaskStore {

    private static final String VALUE_COLUMNS = "subject, notes, due_at, assignee, priority, customer_id, lead_id, "
            + "deal_id, status, completed_at, completed_by, created_at, updated_at";
    private static final String COLUMNS = "tenant_id, id, version, " + VALUE_COLUMNS;
    private static final String T_COLUMNS = "t." + COLUMNS.replace(", ", ", t.");

    private final Transactions tx;
    private final Dialect dialect;
    private final Tables tables;
    private final String insertSql;
    private final String updateSql;

    public JdbcTaskStore(Transactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
        this.insertSql = "INSERT INTO " + tables.task + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?, ?, ?)"
                + (dialect.failedStatementAbortsTransaction() ? " ON CONFLICT (tenant_id, id) DO NOTHING" : "");
        this.updateSql = "UPDATE " + tables.task + " SET version = ?, " + String.join(" = ?, ",
                VALUE_COLUMNS.split(", ")) + " = ? WHERE tenant_id = ? AND id = ? AND version = ?";
    }

    @Override
    public void insert(TenantId tenant, Task task) {
        JdbcPipelineStore.requireTenant(tenant, task.tenantId(), "Task " + task.id());
        tx.write(tenant, "insert task " + task.id() + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement(insertSql)) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, task.id().value());
                ps.setLong(3, task.version());
                bindValues(ps, 4, task);
                if (ps.executeUpdate() == 0) {
                    throw alreadyExists(task, null);
                }
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw alreadyExists(task, e);
                }
                throw e;
            }
            return null;
        });
    }

    private static StorageException alreadyExists(Task task, SQLException cause) {
        return new StorageException("Task " + task.id() + " already exists", cause);
    }

    @Override
    public void update(TenantId tenant, Task task) {
        JdbcPipelineStore.requireTenant(tenant, task.tenantId(), "Task " + task.id());
        tx.write(tenant, "update task " + task.id() + " of tenant " + tenant, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement(updateSql)) {
                ps.setLong(1, task.version());
                int i = bindValues(ps, 2, task);
                ps.setString(i++, tenant.value());
                dialect.setUuid(ps, i++, task.id().value());
                ps.setLong(i, task.version() - 1);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                if (!exists(c, tenant, task.id())) {
                    throw new NotFoundException("Task", task.id());
                }
                throw new ConcurrentModificationException("Task", task.id(), task.version() - 1);
            }
            return null;
        });
    }

    private boolean exists(Connection c, TenantId tenant, TaskId id) throws SQLException {
        // the latest committed row, also under REPEATABLE READ: the UPDATE that found no row at the version saw it
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + tables.task
                + " WHERE tenant_id = ? AND id = ?" + dialect.latestCommittedReadSuffix())) {
            ps.setString(1, tenant.value());
            dialect.setUuid(ps, 2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Binds every column from {@code subject} on; returns the next parameter index. */
    private int bindValues(PreparedStatement ps, int i, Task t) throws SQLException {
        ps.setString(i++, t.subject());
        setText(ps, i++, t.notes());
        dialect.setInstant(ps, i++, t.dueAt());
        ps.setString(i++, t.assignee().value());
        ps.setString(i++, t.priority().name());
        dialect.setUuid(ps, i++, t.customerId() == null ? null : t.customerId().value());
        dialect.setUuid(ps, i++, t.leadId() == null ? null : t.leadId().value());
        dialect.setUuid(ps, i++, t.dealId() == null ? null : t.dealId().value());
        ps.setString(i++, t.status().name());
        dialect.setInstant(ps, i++, t.completedAt());
        setText(ps, i++, t.completedBy() == null ? null : t.completedBy().value());
        dialect.setInstant(ps, i++, t.createdAt());
        dialect.setInstant(ps, i++, t.updatedAt());
        return i;
    }

    private static void setText(PreparedStatement ps, int i, String value) throws SQLException {
        if (value == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, value);
        }
    }

    @Override
    public Optional<Task> find(TenantId tenant, TaskId id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx.read(tenant, "read task " + id + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + T_COLUMNS + " FROM " + tables.task
                    + " t WHERE t.tenant_id = ? AND t.id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                return readAll(ps).stream().findFirst();
            }
        });
    }

    @Override
    public Slice<Task> open(TenantId tenant, UserId assignee, Instant dueFrom, Instant dueBefore, DuePosition after,
                            int limit) {
        Rows.requireLimit(limit);
        return list(tenant, "list the open tasks of " + (assignee == null ? "tenant " + tenant
                : assignee + " of tenant " + tenant), openQuery(tenant, assignee, dueFrom, dueBefore, after, limit),
                limit);
    }

    /** A range of (tenant_id, status, assignee, due_at, id), or of (tenant_id, status, due_at, id) for everybody. */
    Query openQuery(TenantId tenant, UserId assignee, Instant dueFrom, Instant dueBefore, DuePosition after,
                    int limit) {
        Query q = select(assignee == null ? "task_status_due_ix" : "task_status_assignee_ix").text(tenant.value())
                .and("t.status = ?").text(TaskStatus.OPEN.name());
        if (assignee != null) {
            q.and("t.assignee = ?").text(assignee.value());
        }
        if (dueFrom != null) {
            q.atLeast("t.due_at", dueFrom);
        }
        if (dueBefore != null) {
            q.below("t.due_at", dueBefore);
        }
        return byDue(q, assignee == null ? "t.tenant_id, t.status" : "t.tenant_id, t.status, t.assignee", after,
                limit);
    }

    @Override
    public Slice<Task> ofCustomer(TenantId tenant, CustomerId customer, DuePosition after, int limit) {
        Rows.requireLimit(limit);
        return related(tenant, "customer", "task_customer_ix", customer == null ? null : customer.value(), after,
                limit);
    }

    @Override
    public Slice<Task> ofLead(TenantId tenant, LeadId lead, DuePosition after, int limit) {
        Rows.requireLimit(limit);
        return related(tenant, "lead", "task_lead_ix", lead == null ? null : lead.value(), after, limit);
    }

    @Override
    public Slice<Task> ofDeal(TenantId tenant, DealId deal, DuePosition after, int limit) {
        Rows.requireLimit(limit);
        return related(tenant, "deal", "task_deal_ix", deal == null ? null : deal.value(), after, limit);
    }

    private Slice<Task> related(TenantId tenant, String what, String index, UUID id, DuePosition after, int limit) {
        Transactions.requireTenant(tenant);
        if (id == null) {
            return Slice.empty();
        }
        return list(tenant, "list the tasks of " + what + " " + id + " of tenant " + tenant,
                relatedQuery(tenant, what, index, id, after, limit), limit);
    }

    /** A range of (tenant_id, {@code what}_id, due_at, id). */
    Query relatedQuery(TenantId tenant, String what, String index, UUID id, DuePosition after, int limit) {
        String column = "t." + what + "_id";
        Query q = select(index).text(tenant.value()).and(column + " = ?").uuid(id);
        return byDue(q, "t.tenant_id, " + column, after, limit);
    }

    private Query select(String index) {
        return new Query(dialect, "SELECT " + T_COLUMNS + " FROM " + tables.task + " t"
                + dialect.indexHint(tables.index(index)) + " WHERE t.tenant_id = ?");
    }

    /** Ordered by (due_at, id) after the equality-bound columns {@code prefix}, strictly after {@code after}. */
    private Query byDue(Query q, String prefix, DuePosition after, int limit) {
        if (after != null) {
            q.beyond("t.due_at", "t.id", after.dueAt(), after.id().value());
        }
        return q.sql(dialect.orderBy(prefix, "t.due_at, t.id") + " LIMIT ?").integer(limit + 1);
    }

    private Slice<Task> list(TenantId tenant, String doing, Query q, int limit) {
        return tx.read(tenant, doing, c -> {
            try (PreparedStatement ps = q.prepare(c)) {
                return Slice.of(readAll(ps), limit);
            }
        });
    }

    private List<Task> readAll(PreparedStatement ps) throws SQLException {
        return Rows.readAll(ps, this::read);
    }

    private Task read(ResultSet rs) throws SQLException {
        TaskId id = new TaskId(dialect.getUuid(rs, "id"));
        try {
            UUID customer = dialect.getUuid(rs, "customer_id");
            UUID lead = dialect.getUuid(rs, "lead_id");
            UUID deal = dialect.getUuid(rs, "deal_id");
            String completedBy = rs.getString("completed_by");
            return new Task(id, new TenantId(rs.getString("tenant_id")), rs.getLong("version"),
                    rs.getString("subject"), rs.getString("notes"), dialect.getInstant(rs, "due_at"),
                    new UserId(rs.getString("assignee")), TaskPriority.valueOf(rs.getString("priority")),
                    customer == null ? null : new CustomerId(customer), lead == null ? null : new LeadId(lead),
                    deal == null ? null : new DealId(deal), TaskStatus.valueOf(rs.getString("status")),
                    dialect.getInstant(rs, "completed_at"), completedBy == null ? null : new UserId(completedBy),
                    dialect.getInstant(rs, "created_at"), dialect.getInstant(rs, "updated_at"));
        } catch (CrmException | IllegalArgumentException e) {
            if (e instanceof StorageException) {
                throw e;
            }
            throw new StorageException("the stored task " + id + " cannot be read: " + e.getMessage(), e);
        }
    }
}
