package io.crmkit.spi;

import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.TenantId;
import java.util.Optional;

/**
 * Stores pipelines (each whole, stages included, retired ones too) and each tenant's pipeline settings. Every value of
 * a {@link Pipeline} and of {@link PipelineSettings} round-trips unchanged, the order of the stages included.
 */
public interface PipelineStore {

    /**
     * Stores a new pipeline (version 1).
     *
     * @throws io.crmkit.shared.StorageException         if a pipeline with this id exists
     * @throws io.crmkit.shared.TenantViolationException if {@code pipeline.tenantId()} is not {@code tenant}
     */
    void insert(TenantId tenant, Pipeline pipeline);

    /**
     * Replaces a stored pipeline with {@code pipeline}, whose version must be exactly one more than the stored one.
     *
     * @throws io.crmkit.shared.ConcurrentModificationException if the stored version is not
     *                                                          {@code pipeline.version() - 1}
     * @throws io.crmkit.shared.NotFoundException               if there is no such pipeline in {@code tenant}
     * @throws io.crmkit.shared.TenantViolationException        if {@code pipeline.tenantId()} is not {@code tenant}
     */
    void update(TenantId tenant, Pipeline pipeline);

    /** The pipeline, if it exists in {@code tenant}. */
    Optional<Pipeline> find(TenantId tenant, PipelineId id);

    /**
     * The pipelines of {@code tenant} ordered by id ascending (unsigned), after {@code after} (null for the start), at
     * most {@code limit}.
     */
    Slice<Pipeline> list(TenantId tenant, PipelineId after, int limit);

    /** The tenant's settings, if it ever saved any. */
    Optional<PipelineSettings> settings(TenantId tenant);

    /**
     * Saves the tenant's settings: version 1 stores them for the first time (refused if settings are stored already);
     * a later version replaces the stored settings, whose version must be exactly one less.
     *
     * @throws io.crmkit.shared.ConcurrentModificationException if the stored settings are not at
     *                                                          {@code settings.version() - 1} (or exist, for version 1)
     * @throws io.crmkit.shared.TenantViolationException        if {@code settings.tenantId()} is not {@code tenant}
     */
    void saveSettings(TenantId tenant, PipelineSettings settings);
}
