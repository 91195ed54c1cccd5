package io.crmkit.inmemory;

import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.Slice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

final class InMemoryPipelineStore implements PipelineStore {

    private final InMemoryCrmStorage storage;

    InMemoryPipelineStore(InMemoryCrmStorage storage) {
        this.storage = storage;
    }

    @Override
    public void insert(TenantId tenant, Pipeline pipeline) {
        requireTenant(tenant, pipeline.tenantId(), "Pipeline " + pipeline.id());
        storage.write(tenant, (data, undo) -> {
            if (data.sales.pipelines.containsKey(pipeline.id())) {
                throw new StorageException("Pipeline " + pipeline.id() + " already exists");
            }
            data.sales.pipelines.put(pipeline.id(), pipeline);
            undo.push(() -> data.sales.pipelines.remove(pipeline.id()));
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Pipeline pipeline) {
        requireTenant(tenant, pipeline.tenantId(), "Pipeline " + pipeline.id());
        storage.write(tenant, (data, undo) -> {
            Pipeline stored = data.sales.pipelines.get(pipeline.id());
            if (stored == null) {
                throw new NotFoundException("Pipeline", pipeline.id());
            }
            if (stored.version() != pipeline.version() - 1) {
                throw new ConcurrentModificationException("Pipeline", pipeline.id(), pipeline.version() - 1);
            }
            data.sales.pipelines.put(pipeline.id(), pipeline);
            undo.push(() -> data.sales.pipelines.put(stored.id(), stored));
            return null;
        });
    }

    @Override
    public Optional<Pipeline> find(TenantId tenant, PipelineId id) {
        return storage.read(tenant, data -> Optional.ofNullable(data.sales.pipelines.get(id)));
    }

    @Override
    public Slice<Pipeline> list(TenantId tenant, PipelineId after, int limit) {
        return storage.read(tenant, data -> {
            var candidates = after == null ? data.sales.pipelines.values()
                    : data.sales.pipelines.tailMap(after, false).values();
            List<Pipeline> page = new ArrayList<>(limit + 1);
            for (Pipeline pipeline : candidates) {
                page.add(pipeline);
                if (page.size() > limit) {
                    break;
                }
            }
            return Slice.of(page, limit);
        });
    }

    @Override
    public Optional<PipelineSettings> settings(TenantId tenant) {
        return storage.read(tenant, data -> Optional.ofNullable(data.sales.settings));
    }

    @Override
    public void saveSettings(TenantId tenant, PipelineSettings settings) {
        requireTenant(tenant, settings.tenantId(), "The pipeline settings");
        storage.write(tenant, (data, undo) -> {
            PipelineSettings stored = data.sales.settings;
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != settings.version() - 1) {
                throw new ConcurrentModificationException("PipelineSettings", tenant, settings.version() - 1);
            }
            data.sales.settings = settings;
            undo.push(() -> data.sales.settings = stored);
            return null;
        });
    }

    static void requireTenant(TenantId tenant, TenantId recordTenant, String what) {
        if (!recordTenant.equals(tenant)) {
            throw new TenantViolationException(what + " belongs to tenant " + recordTenant + ", not to " + tenant);
        }
    }
}
