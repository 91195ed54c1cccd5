package io.crmkit.inmemory;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.UserId;
import io.crmkit.task.Task;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * One tenant's tasks and the indexes of the task queries, each a sorted set by (due instant, id). Part of
 * {@link TenantData}, guarded by its lock.
 */
final class TaskData {

    static final Comparator<DueKey> BY_DUE = Comparator.comparing(DueKey::dueAt).thenComparing(DueKey::id);

    final Map<TaskId, Task> tasks = new HashMap<>();
    final TreeSet<DueKey> openByDue = new TreeSet<>(BY_DUE);
    final Map<UserId, TreeSet<DueKey>> openByAssignee = new HashMap<>();
    final Map<CustomerId, TreeSet<DueKey>> byCustomer = new HashMap<>();
    final Map<LeadId, TreeSet<DueKey>> byLead = new HashMap<>();
    final Map<DealId, TreeSet<DueKey>> byDeal = new HashMap<>();

    /** Replaces {@code before} by {@code after} (either may be null) in the tasks and every index. */
    void replace(Task before, Task after) {
        if (before != null) {
            tasks.remove(before.id());
            index(before, false);
        }
        if (after != null) {
            tasks.put(after.id(), after);
            index(after, true);
        }
    }

    private void index(Task t, boolean add) {
        DueKey key = new DueKey(t.dueAt(), t.id());
        if (t.status().isOpen()) {
            if (add) {
                openByDue.add(key);
            } else {
                openByDue.remove(key);
            }
            update(openByAssignee, t.assignee(), key, add);
        }
        if (t.customerId() != null) {
            update(byCustomer, t.customerId(), key, add);
        }
        if (t.leadId() != null) {
            update(byLead, t.leadId(), key, add);
        }
        if (t.dealId() != null) {
            update(byDeal, t.dealId(), key, add);
        }
    }

    private static <K> void update(Map<K, TreeSet<DueKey>> index, K key, DueKey value, boolean add) {
        if (add) {
            index.computeIfAbsent(key, k -> new TreeSet<>(BY_DUE)).add(value);
        } else {
            TreeSet<DueKey> values = index.get(key);
            if (values != null) {
                values.remove(value);
                if (values.isEmpty()) {
                    index.remove(key);
                }
            }
        }
    }

    /** A task's place by due instant. */
    record DueKey(Instant dueAt, TaskId id) {
    }
}
