package io.crmkit.inmemory;

import io.crmkit.inmemory.TaskData.DueKey;
import io.crmkit.shared.ConcurrentModificationException;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

final class InMemoryTaskStore implements TaskStore {

    private static final TaskId SMALLEST_ID = new TaskId(new UUID(0, 0));

    private final InMemoryCrmStorage storage;

    InMemoryTaskStore(InMemoryCrmStorage storage) {
        this.storage = storage;
    }

    @Override
    public void insert(TenantId tenant, Task task) {
        InMemoryPipelineStore.requireTenant(tenant, task.tenantId(), "Task " + task.id());
        storage.write(tenant, (data, undo) -> {
            if (data.tasks.tasks.containsKey(task.id())) {
                throw new StorageException("Task " + task.id() + " already exists");
            }
            data.tasks.replace(null, task);
            undo.push(() -> data.tasks.replace(task, null));
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Task task) {
        InMemoryPipelineStore.requireTenant(tenant, task.tenantId(), "Task " + task.id());
        storage.write(tenant, (data, undo) -> {
            Task stored = data.tasks.tasks.get(task.id());
            if (stored == null) {
                throw new NotFoundException("Task", task.id());
            }
            if (stored.version() != task.version() - 1) {
                throw new ConcurrentModificationException("Task", task.id(), task.version() - 1);
            }
            data.tasks.replace(stored, task);
            undo.push(() -> data.tasks.replace(task, stored));
            return null;
        });
    }

    @Override
    public Optional<Task> find(TenantId tenant, TaskId id) {
        return storage.read(tenant, data -> Optional.ofNullable(data.tasks.tasks.get(id)));
    }

    @Override
    public Slice<Task> open(TenantId tenant, UserId assignee, Instant dueFrom, Instant dueBefore, DuePosition after,
                            int limit) {
        return storage.read(tenant, data -> {
            TreeSet<DueKey> index = assignee == null ? data.tasks.openByDue : data.tasks.openByAssignee.get(assignee);
            return page(data.tasks, index, dueFrom, dueBefore, after, limit);
        });
    }

    @Override
    public Slice<Task> ofCustomer(TenantId tenant, CustomerId customer, DuePosition after, int limit) {
        return storage.read(tenant, data -> page(data.tasks, data.tasks.byCustomer.get(customer), null, null, after,
                limit));
    }

    @Override
    public Slice<Task> ofLead(TenantId tenant, LeadId lead, DuePosition after, int limit) {
        return storage.read(tenant, data -> page(data.tasks, data.tasks.byLead.get(lead), null, null, after, limit));
    }

    @Override
    public Slice<Task> ofDeal(TenantId tenant, DealId deal, DuePosition after, int limit) {
        return storage.read(tenant, data -> page(data.tasks, data.tasks.byDeal.get(deal), null, null, after, limit));
    }

    private static Slice<Task> page(TaskData tasks, TreeSet<DueKey> index, Instant dueFrom, Instant dueBefore,
                                    DuePosition after, int limit) {
        if (index == null) {
            return Slice.empty();
        }
        DueKey fromCursor = after == null ? null : new DueKey(after.dueAt(), after.id());
        DueKey fromBound = dueFrom == null ? null : new DueKey(dueFrom, SMALLEST_ID);
        NavigableSet<DueKey> range;
        if (fromCursor != null && (fromBound == null || TaskData.BY_DUE.compare(fromCursor, fromBound) >= 0)) {
            range = index.tailSet(fromCursor, false);
        } else if (fromBound != null) {
            range = index.tailSet(fromBound, true);
        } else {
            range = index;
        }
        List<Task> page = new ArrayList<>(limit + 1);
        for (DueKey key : range) {
            if (dueBefore != null && !key.dueAt().isBefore(dueBefore)) {
                break;
            }
            page.add(tasks.tasks.get(key.id()));
            if (page.size() > limit) {
                break;
            }
        }
        return Slice.of(page, limit);
    }
}
