package io.crmkit.examples.kvstore;

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
import java.util.Optional;
import java.util.Set;

/**
 * Tasks: {@code task|tenant|id → Task}, and indexes ending in {@code dueAt|id} (their value the task id): open tasks
 * of everybody ({@code task-open|tenant|…}) and of an assignee ({@code task-open-assignee|tenant|assignee|…}), which
 * a task leaves when it is done or cancelled; and the tasks of a customer, lead or deal, whatever their status.
 */
final class KvTaskStore implements TaskStore {

    private final KvCrmStorage storage;

    KvTaskStore(KvCrmStorage storage) {
        this.storage = storage;
    }

    private static String key(TenantId tenant, TaskId id) {
        return Key.of("task", tenant).id(id.value()).toString();
    }

    private static Key openPrefix(TenantId tenant, UserId assignee) {
        return assignee == null ? Key.of("task-open", tenant)
                : Key.of("task-open-assignee", tenant).text(assignee.value());
    }

    private static String due(Key prefix, Task task) {
        return prefix.instant(task.dueAt()).id(task.id().value()).toString();
    }

    private static List<String> indexKeys(Task task) {
        TenantId tenant = task.tenantId();
        List<String> keys = new ArrayList<>();
        if (task.status().isOpen()) {
            keys.add(due(openPrefix(tenant, null), task));
            if (task.assignee() != null) {
                keys.add(due(openPrefix(tenant, task.assignee()), task));
            }
        }
        if (task.customerId() != null) {
            keys.add(due(Key.of("task-customer", tenant).id(task.customerId().value()), task));
        }
        if (task.leadId() != null) {
            keys.add(due(Key.of("task-lead", tenant).id(task.leadId().value()), task));
        }
        if (task.dealId() != null) {
            keys.add(due(Key.of("task-deal", tenant).id(task.dealId().value()), task));
        }
        return keys;
    }

    @Override
    public void insert(TenantId tenant, Task task) {
        KvCrmStorage.requireTenant(tenant, task.tenantId(), "Task " + task.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, task.id());
            if (tx.get(key) != null) {
                throw new StorageException("Task " + task.id() + " already exists");
            }
            tx.put(key, task);
            Scans.reindex(tx, Set.of(), indexKeys(task), task.id());
            return null;
        });
    }

    @Override
    public void update(TenantId tenant, Task task) {
        KvCrmStorage.requireTenant(tenant, task.tenantId(), "Task " + task.id());
        storage.write(tenant, tx -> {
            String key = key(tenant, task.id());
            Task stored = (Task) tx.get(key);
            if (stored == null) {
                throw new NotFoundException("Task", task.id());
            }
            if (stored.version() != task.version() - 1) {
                throw new ConcurrentModificationException("Task", task.id(), task.version() - 1);
            }
            tx.put(key, task);
            Scans.reindex(tx, indexKeys(stored), indexKeys(task), task.id());
            return null;
        });
    }

    @Override
    public Optional<Task> find(TenantId tenant, TaskId id) {
        return storage.read(tenant, view -> Optional.ofNullable((Task) view.get(key(tenant, id))));
    }

    @Override
    public Slice<Task> open(TenantId tenant, UserId assignee, Instant dueFrom, Instant dueBefore, DuePosition after,
                            int limit) {
        return page(tenant, openPrefix(tenant, assignee), dueFrom, dueBefore, after, limit);
    }

    @Override
    public Slice<Task> ofCustomer(TenantId tenant, CustomerId customer, DuePosition after, int limit) {
        return page(tenant, Key.of("task-customer", tenant).id(customer.value()), null, null, after, limit);
    }

    @Override
    public Slice<Task> ofLead(TenantId tenant, LeadId lead, DuePosition after, int limit) {
        return page(tenant, Key.of("task-lead", tenant).id(lead.value()), null, null, after, limit);
    }

    @Override
    public Slice<Task> ofDeal(TenantId tenant, DealId deal, DuePosition after, int limit) {
        return page(tenant, Key.of("task-deal", tenant).id(deal.value()), null, null, after, limit);
    }

    /** A forward scan of an index by (due instant, id): from {@code dueFrom} on, before {@code dueBefore}. */
    private Slice<Task> page(TenantId tenant, Key prefix, Instant dueFrom, Instant dueBefore, DuePosition after,
                             int limit) {
        String p = prefix.toString();
        String lower = p;
        boolean lowerInclusive = true;
        if (dueFrom != null) {
            lower = p + Key.components().instant(dueFrom);
        }
        if (after != null) {
            String position = p + Key.components().instant(after.dueAt()).id(after.id().value());
            if (position.compareTo(lower) >= 0) {
                lower = position;
                lowerInclusive = false;
            }
        }
        String upper = dueBefore == null ? prefix.end() : p + Key.components().instant(dueBefore);
        String from = lower;
        boolean fromInclusive = lowerInclusive;
        return storage.read(tenant, view -> Scans.slice(view.scan(from, fromInclusive, upper, false, false),
                id -> (Task) view.get(key(tenant, (TaskId) id)), limit));
    }
}
