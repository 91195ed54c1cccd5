package io.crmkit.examples.kvstore;

import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.Slice;
import java.util.Optional;

/**
 * Pipelines, each whole with its stages: {@code pipeline|tenant|id → Pipeline}; the tenant's settings at
 * {@code pipeline-settings|tenant}.
 */
final class KvPipelineStore implements PipelineStore {

    private final KvCrmStorage storage;

    KvPipelineStore(KvCrmStorage storage) {
        this.storage = storage;
    }

    private static String key(TenantId tenant, PipelineId id) {
        return Key.of("pipeline", tenant).id(id.value()).toString();
    }

    private static String settingsKey(TenantId tenant) {
        return Key.of("pipeline-settings", tenant).toString();
    }

    @Override
    public void insert(TenantId tenant, Pipeline pipeline) {
        KvCrmStorage.requireTenant(tenant, pipeline.tenantId(), "Pipeline " + pipeline.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, pipeline.id());
            if (tx.get(key) != null) {
                throw new StorageException("Pipeline " + pipeline.id() + " already exists");
            }
            tx.put(key, pipeline);
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Pipeline pipeline) {
        KvCrmStorage.requireTenant(tenant, pipeline.tenantId(), "Pipeline " + pipeline.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, pipeline.id());
            Pipeline stored = (Pipeline) tx.get(key);
            if (stored == null) {
                throw new NotFoundException("Pipeline", pipeline.id());
            }
            if (stored.version() != pipeline.version() - 1) {
                throw new ConcurrentModificationException("Pipeline", pipeline.id(), pipeline.version() - 1);
            }
            tx.put(key, pipeline);
            return null;
        });
    }

    @Override
    public Optional<Pipeline> find(TenantId tenant, PipelineId id) {
        return storage.read(tenant, view -> Optional.ofNullable((Pipeline) view.get(key(tenant, id))));
    }

    @Override
    public Slice<Pipeline> list(TenantId tenant, PipelineId after, int limit) {
        return storage.read(tenant, view -> {
            Key all = Key.of("pipeline", tenant);
            String from = after == null ? all.toString() : key(tenant, after);
            return Scans.slice(view.scan(from, after == null, all.end(), false, false), Pipeline.class::cast, limit);
        });
    }

    @Override
    public Optional<PipelineSettings> settings(TenantId tenant) {
        return storage.read(tenant, view -> Optional.ofNullable((PipelineSettings) view.get(settingsKey(tenant))));
    }

    @Override
    public void saveSettings(TenantId tenant, PipelineSettings settings) {
        KvCrmStorage.requireTenant(tenant, settings.tenantId(), "The pipeline settings");
        storage.write(tenant, tx -> {
            PipelineSettings stored = (PipelineSettings) tx.get(settingsKey(tenant));
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != settings.version() - 1) {
                throw new ConcurrentModificationException("PipelineSettings", tenant, settings.version() - 1);
            }
            tx.put(settingsKey(tenant), settings);
            return null;
        });
    }
}
