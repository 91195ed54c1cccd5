package io.crmkit.jdbc.internal;

import io.crmkit.pipeline.FollowUp;
import io.crmkit.pipeline.ForecastCategory;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CrmException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.Slice;
import io.crmkit.task.TaskPriority;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Pipelines: one row each, and one row per stage in board order, written whole with the pipeline (an update replaces
 * the stage rows); and one row of settings per tenant.
 */
public final class JdbcPipelineStore implements PipelineStore {

    private static final String COLUMNS = "tenant_id, id, version, name, policy, created_at, updated_at";
    private static final String STAGE_COLUMNS = "tenant_id, pipeline_id, position, stage_id, name, kind, probability, "
            + "forecast_category, follow_up_subject, follow_up_seconds, follow_up_priority, retired";
    private static final String SETTINGS_COLUMNS = "tenant_id, version, default_pipeline_id, lost_reasons, "
            + "updated_at";

    private final Transactions tx;
    private final Dialect dialect;
    private final Tables tables;

    public JdbcPipelineStore(Transactions tx, Dialect dialect, Tables tables) {
        this.tx = tx;
        this.dialect = dialect;
        this.tables = tables;
    }

    @Override
    public void insert(TenantId tenant, Pipeline pipeline) {
        requireTenant(tenant, pipeline.tenantId(), "Pipeline " + pipeline.id());
        tx.write(tenant, "insert pipeline " + pipeline.id() + " of tenant " + tenant, c -> {
            String sql = "INSERT INTO " + tables.pipeline + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + (dialect.failedStatementAbortsTransaction() ? " ON CONFLICT (tenant_id, id) DO NOTHING" : "");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, pipeline.id().value());
                ps.setLong(3, pipeline.version());
                bindValues(ps, 4, pipeline);
                if (ps.executeUpdate() == 0) {
                    throw alreadyExists(pipeline, null);
                }
            } catch (SQLException e) {
                if (tx.errors().isUniqueViolation(e)) {
                    throw alreadyExists(pipeline, e);
                }
                throw e;
            }
            insertStages(c, tenant, pipeline);
            return null;
        });
    }

    private static StorageException alreadyExists(Pipeline pipeline, SQLException cause) {
        return new StorageException("Pipeline " + pipeline.id() + " already exists", cause);
    }

    @Override
    public void update(TenantId tenant, Pipeline pipeline) {
        requireTenant(tenant, pipeline.tenantId(), "Pipeline " + pipeline.id());
        tx.write(tenant, "update pipeline " + pipeline.id() + " of tenant " + tenant, c -> {
            int updated;
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.pipeline + " SET version = ?, name = ?,"
                    + " policy = ?, created_at = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND version = ?")) {
                ps.setLong(1, pipeline.version());
                int i = bindValues(ps, 2, pipeline);
                ps.setString(i++, tenant.value());
                dialect.setUuid(ps, i++, pipeline.id().value());
                ps.setLong(i, pipeline.version() - 1);
                updated = ps.executeUpdate();
            }
            if (updated == 0) {
                if (!exists(c, tenant, pipeline.id())) {
                    throw new NotFoundException("Pipeline", pipeline.id());
                }
                throw new ConcurrentModificationException("Pipeline", pipeline.id(), pipeline.version() - 1);
            }
            // The pipeline's row is locked now: its stage rows are replaced by one writer at a time.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + tables.pipelineStage
                    + " WHERE tenant_id = ? AND pipeline_id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, pipeline.id().value());
                ps.executeUpdate();
            }
            insertStages(c, tenant, pipeline);
            return null;
        });
    }

    private boolean exists(Connection c, TenantId tenant, PipelineId id) throws SQLException {
        // the latest committed row, also under REPEATABLE READ: the UPDATE that found no row at the version saw it
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM " + tables.pipeline
                + " WHERE tenant_id = ? AND id = ?" + dialect.latestCommittedReadSuffix())) {
            ps.setString(1, tenant.value());
            dialect.setUuid(ps, 2, id.value());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Binds name, policy, created_at and updated_at; returns the next parameter index. */
    private int bindValues(PreparedStatement ps, int i, Pipeline pipeline) throws SQLException {
        ps.setString(i++, pipeline.name());
        ps.setString(i++, pipeline.policy().name());
        dialect.setInstant(ps, i++, pipeline.createdAt());
        dialect.setInstant(ps, i++, pipeline.updatedAt());
        return i;
    }

    /** The pipeline's stages as rows, in one statement. */
    private void insertStages(Connection c, TenantId tenant, Pipeline pipeline) throws SQLException {
        List<Stage> stages = pipeline.stages();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(tables.pipelineStage).append(" (")
                .append(STAGE_COLUMNS).append(") VALUES ");
        for (int k = 0; k < stages.size(); k++) {
            sql.append(k == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            for (int position = 0; position < stages.size(); position++) {
                Stage stage = stages.get(position);
                FollowUp followUp = stage.followUp();
                ps.setString(i++, tenant.value());
                dialect.setUuid(ps, i++, pipeline.id().value());
                ps.setInt(i++, position);
                dialect.setUuid(ps, i++, stage.id().value());
                ps.setString(i++, stage.name());
                ps.setString(i++, stage.kind().name());
                ps.setInt(i++, stage.probability());
                ps.setString(i++, stage.forecastCategory().name());
                if (followUp == null) {
                    ps.setNull(i++, Types.VARCHAR);
                    ps.setNull(i++, Types.BIGINT);
                    ps.setNull(i++, Types.VARCHAR);
                } else {
                    ps.setString(i++, followUp.subject());
                    ps.setLong(i++, followUp.dueAfter().getSeconds());
                    ps.setString(i++, followUp.priority().name());
                }
                ps.setBoolean(i++, stage.retired());
            }
            ps.executeUpdate();
        }
    }

    @Override
    public Optional<Pipeline> find(TenantId tenant, PipelineId id) {
        if (id == null) {
            return Optional.empty();
        }
        return tx.read(tenant, "read pipeline " + id + " of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + tables.pipeline
                    + " WHERE tenant_id = ? AND id = ?")) {
                ps.setString(1, tenant.value());
                dialect.setUuid(ps, 2, id.value());
                return withStages(c, tenant, readRows(ps)).stream().findFirst();
            }
        });
    }

    @Override
    public Slice<Pipeline> list(TenantId tenant, PipelineId after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return tx.read(tenant, "list the pipelines of tenant " + tenant, c -> {
            String sql = "SELECT " + COLUMNS + " FROM " + tables.pipeline + dialect.indexHint("PRIMARY")
                    + " WHERE tenant_id = ?" + (after == null ? "" : " AND id > ?")
                    + dialect.orderBy("tenant_id", "id") + " LIMIT ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                ps.setString(i++, tenant.value());
                if (after != null) {
                    dialect.setUuid(ps, i++, after.value());
                }
                ps.setInt(i, limit + 1);
                return Slice.of(withStages(c, tenant, readRows(ps)), limit);
            }
        });
    }

    /** A pipeline's row, before its stages are read. */
    private static final class Row {
        UUID id;
        TenantId tenantId;
        long version;
        String name;
        String policy;
        Instant createdAt;
        Instant updatedAt;
    }

    private List<Row> readRows(PreparedStatement ps) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Row row = new Row();
                row.id = dialect.getUuid(rs, "id");
                row.tenantId = new TenantId(rs.getString("tenant_id"));
                row.version = rs.getLong("version");
                row.name = rs.getString("name");
                row.policy = rs.getString("policy");
                row.createdAt = dialect.getInstant(rs, "created_at");
                row.updatedAt = dialect.getInstant(rs, "updated_at");
                rows.add(row);
            }
        }
        return rows;
    }

    /** The pipelines of {@code rows}, in their order, with their stages read in one more statement. */
    private List<Pipeline> withStages(Connection c, TenantId tenant, List<Row> rows) throws SQLException {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Stage>> stages = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT ").append(STAGE_COLUMNS).append(" FROM ")
                .append(tables.pipelineStage).append(" WHERE tenant_id = ? AND pipeline_id IN (");
        for (int k = 0; k < rows.size(); k++) {
            sql.append(k == 0 ? "?" : ", ?");
        }
        sql.append(')').append(dialect.orderBy("tenant_id", "pipeline_id, position"));
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, tenant.value());
            for (int k = 0; k < rows.size(); k++) {
                dialect.setUuid(ps, k + 2, rows.get(k).id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID pipeline = dialect.getUuid(rs, "pipeline_id");
                    stages.computeIfAbsent(pipeline, p -> new ArrayList<>()).add(readStage(rs, pipeline));
                }
            }
        }
        List<Pipeline> pipelines = new ArrayList<>(rows.size());
        for (Row row : rows) {
            PipelineId id = new PipelineId(row.id);
            try {
                pipelines.add(new Pipeline(id, row.tenantId, row.version, row.name,
                        TransitionPolicy.valueOf(row.policy), stages.getOrDefault(row.id, List.of()), row.createdAt,
                        row.updatedAt));
            } catch (CrmException | IllegalArgumentException e) {
                throw new StorageException("the stored pipeline " + id + " cannot be read: " + e.getMessage(), e);
            }
        }
        return pipelines;
    }

    private Stage readStage(ResultSet rs, UUID pipeline) throws SQLException {
        StageId id = new StageId(dialect.getUuid(rs, "stage_id"));
        try {
            String subject = rs.getString("follow_up_subject");
            long seconds = rs.getLong("follow_up_seconds");
            String priority = rs.getString("follow_up_priority");
            FollowUp followUp = subject == null ? null : new FollowUp(subject, Duration.ofSeconds(seconds),
                    TaskPriority.valueOf(priority));
            return new Stage(id, rs.getString("name"), StageKind.valueOf(rs.getString("kind")),
                    rs.getInt("probability"), ForecastCategory.valueOf(rs.getString("forecast_category")), followUp,
                    rs.getBoolean("retired"));
        } catch (CrmException | IllegalArgumentException | NullPointerException e) {
            throw new StorageException("the stored stage " + id + " of pipeline " + pipeline + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    // ---- settings ------------------------------------------------------------------------------------------------

    @Override
    public Optional<PipelineSettings> settings(TenantId tenant) {
        return tx.read(tenant, "read the pipeline settings of tenant " + tenant, c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SETTINGS_COLUMNS + " FROM "
                    + tables.pipelineSettings + " WHERE tenant_id = ?")) {
                ps.setString(1, tenant.value());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try {
                        UUID defaultPipeline = dialect.getUuid(rs, "default_pipeline_id");
                        return Optional.of(new PipelineSettings(new TenantId(rs.getString("tenant_id")),
                                rs.getLong("version"), defaultPipeline == null ? null : new PipelineId(defaultPipeline),
                                JsonColumns.STRINGS.read(rs.getString("lost_reasons"),
                                        "lost reasons of tenant " + tenant), dialect.getInstant(rs, "updated_at")));
                    } catch (CrmException e) {
                        if (e instanceof StorageException) {
                            throw e;
                        }
                        throw new StorageException("the stored pipeline settings of tenant " + tenant
                                + " cannot be read: " + e.getMessage(), e);
                    }
                }
            }
        });
    }

    @Override
    public void saveSettings(TenantId tenant, PipelineSettings settings) {
        requireTenant(tenant, settings.tenantId(), "The pipeline settings");
        tx.write(tenant, "save the pipeline settings of tenant " + tenant, c -> {
            int saved;
            if (settings.version() == 1) {
                String sql = "INSERT INTO " + tables.pipelineSettings + " (" + SETTINGS_COLUMNS + ") VALUES (?, ?, ?, "
                        + dialect.jsonParameter() + ", ?)"
                        + (dialect.failedStatementAbortsTransaction() ? " ON CONFLICT (tenant_id) DO NOTHING" : "");
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, tenant.value());
                    ps.setLong(2, 1);
                    bindSettings(ps, 3, settings);
                    saved = ps.executeUpdate();
                } catch (SQLException e) {
                    if (!tx.errors().isUniqueViolation(e)) {
                        throw e;
                    }
                    saved = 0;
                }
            } else {
                try (PreparedStatement ps = c.prepareStatement("UPDATE " + tables.pipelineSettings + " SET version = ?,"
                        + " default_pipeline_id = ?, lost_reasons = " + dialect.jsonParameter() + ", updated_at = ?"
                        + " WHERE tenant_id = ? AND version = ?")) {
                    ps.setLong(1, settings.version());
                    int i = bindSettings(ps, 2, settings);
                    ps.setString(i++, tenant.value());
                    ps.setLong(i, settings.version() - 1);
                    saved = ps.executeUpdate();
                }
            }
            if (saved == 0) {
                throw new ConcurrentModificationException("PipelineSettings", tenant, settings.version() - 1);
            }
            return null;
        });
    }

    /** Binds default_pipeline_id, lost_reasons and updated_at; returns the next parameter index. */
    private int bindSettings(PreparedStatement ps, int i, PipelineSettings settings) throws SQLException {
        PipelineId defaultPipeline = settings.defaultPipelineId();
        dialect.setUuid(ps, i++, defaultPipeline == null ? null : defaultPipeline.value());
        dialect.setJson(ps, i++, JsonColumns.STRINGS.write(settings.lostReasons()));
        dialect.setInstant(ps, i++, settings.updatedAt());
        return i;
    }

    /** Refuses a missing tenant, and a record of another tenant than the one the call names. */
    static void requireTenant(TenantId tenant, TenantId recordTenant, String what) {
        if (tenant == null) {
            throw new TenantViolationException("a storage call must name its tenant");
        }
        if (!recordTenant.equals(tenant)) {
            throw new TenantViolationException(what + " belongs to tenant " + recordTenant + ", not to " + tenant);
        }
    }
}
