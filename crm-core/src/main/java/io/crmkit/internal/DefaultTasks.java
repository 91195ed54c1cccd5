package io.crmkit.internal;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TextRules;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.UserId;
import io.crmkit.shared.Violations;
import io.crmkit.spi.DuePosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TaskStore;
import io.crmkit.task.NewTask;
import io.crmkit.task.Task;
import io.crmkit.task.TaskCancelled;
import io.crmkit.task.TaskCompleted;
import io.crmkit.task.TaskCreated;
import io.crmkit.task.TaskReassigned;
import io.crmkit.task.TaskRescheduled;
import io.crmkit.task.Tasks;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** {@link Tasks} of one tenant. */
public final class DefaultTasks implements Tasks {

    private final CrmRuntime rt;
    private final TenantId tenant;

    public DefaultTasks(CrmRuntime rt, TenantId tenant) {
        this.rt = rt;
        this.tenant = tenant;
    }

    private TaskStore store() {
        return rt.storage().tasks();
    }

    @Override
    public Task create(NewTask input) {
        Violations violations = new Violations();
        rt.validator().validate("task", input, "", violations);
        if (input != null) {
            // Bean Validation checked blanks and lengths; what is left is control characters.
            if (input.subject() != null && !input.subject().isBlank()
                    && input.subject().length() <= Task.MAX_SUBJECT_LENGTH) {
                violations.capture("subject", () -> TextRules.required("subject", input.subject(),
                        Task.MAX_SUBJECT_LENGTH));
            }
            if (input.notes() != null && !input.notes().isBlank() && input.notes().length() <= Task.MAX_NOTES_LENGTH) {
                violations.capture("notes", () -> TextRules.required("notes", input.notes(), Task.MAX_NOTES_LENGTH));
            }
            if (input.dueAt() != null) {
                violations.capture("dueAt", () -> Timestamps.normalise("dueAt", input.dueAt()));
            }
        }
        violations.throwIfAny();
        TaskId id = new TaskId(rt.ids().next());
        return rt.write(tenant, events -> {
            if (input.customerId() != null
                    && rt.storage().customers().existing(tenant, List.of(input.customerId())).isEmpty()) {
                throw new NotFoundException("Customer", input.customerId());
            }
            if (input.dealId() != null && rt.storage().deals().find(tenant, input.dealId()).isEmpty()) {
                throw new NotFoundException("Deal", input.dealId());
            }
            Instant now = rt.now();
            String notes = input.notes() == null || input.notes().isBlank() ? null : input.notes();
            Task task = Task.create(id, tenant, input.subject(), notes, input.dueAt(), input.assignee(),
                    input.priority(), input.customerId(), input.leadId(), input.dealId(), now);
            store().insert(tenant, task);
            events.add(new TaskCreated(events.nextId(), tenant, id, now, task.subject(), task.assignee(),
                    task.dueAt(), task.priority(), task.customerId(), task.leadId(), task.dealId(), null));
            return task;
        });
    }

    @Override
    public Optional<Task> find(TaskId id) {
        requireId(id);
        return store().find(tenant, id);
    }

    @Override
    public Task get(TaskId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Task", id));
    }

    @Override
    public Task complete(TaskId id, long expectedVersion, UserId by) {
        requireUser(id, "by", by);
        return change(id, expectedVersion, (task, now) -> task.complete(by, now),
                (events, task) -> new TaskCompleted(events.nextId(), tenant, id, task.updatedAt(), by));
    }

    @Override
    public Task cancel(TaskId id, long expectedVersion, UserId by) {
        requireUser(id, "by", by);
        return change(id, expectedVersion, (task, now) -> task.cancel(by, now),
                (events, task) -> new TaskCancelled(events.nextId(), tenant, id, task.updatedAt(), by));
    }

    @Override
    public Task reschedule(TaskId id, long expectedVersion, Instant dueAt) {
        requireId(id);
        Instant due = Timestamps.normalise("dueAt", dueAt);
        Instant[] before = new Instant[1];
        return change(id, expectedVersion, (task, now) -> {
            before[0] = task.dueAt();
            return task.reschedule(due, now);
        }, (events, task) -> new TaskRescheduled(events.nextId(), tenant, id, task.updatedAt(), before[0], due));
    }

    @Override
    public Task reassign(TaskId id, long expectedVersion, UserId assignee) {
        requireUser(id, "assignee", assignee);
        UserId[] before = new UserId[1];
        return change(id, expectedVersion, (task, now) -> {
            before[0] = task.assignee();
            return task.reassign(assignee, now);
        }, (events, task) -> new TaskReassigned(events.nextId(), tenant, id, task.updatedAt(), before[0], assignee));
    }

    private Task change(TaskId id, long expectedVersion, BiFunction<Task, Instant, Task> change,
                        BiFunction<EventBuffer, Task, io.crmkit.shared.DomainEvent> event) {
        return rt.write(tenant, events -> {
            Task current = get(id);
            if (current.version() != expectedVersion) {
                throw new ConcurrentModificationException("Task", id, expectedVersion);
            }
            Task changed = change.apply(current, rt.now());
            store().update(tenant, changed);
            events.add(event.apply(events, changed));
            return changed;
        });
    }

    @Override
    public Page<Task> openTasks(UserId assignee, PageRequest page) {
        requireAssignee(assignee);
        return byDue("open|" + tenant + "|" + assignee, page,
                (after, limit) -> store().open(tenant, assignee, null, null, after, limit));
    }

    @Override
    public Page<Task> overdue(UserId assignee, PageRequest page) {
        requireAssignee(assignee);
        Instant now = rt.now();
        return byDue("overdue|" + tenant + "|" + assignee, page,
                (after, limit) -> store().open(tenant, assignee, null, now, after, limit));
    }

    @Override
    public Page<Task> overdue(PageRequest page) {
        Instant now = rt.now();
        return byDue("overdue|" + tenant + "|*", page,
                (after, limit) -> store().open(tenant, null, null, now, after, limit));
    }

    @Override
    public Page<Task> dueBetween(UserId assignee, Instant from, Instant until, PageRequest page) {
        Violations violations = new Violations();
        violations.capture("from", () -> Timestamps.normalise("from", from));
        violations.capture("until", () -> Timestamps.normalise("until", until));
        if (from != null && until != null && until.isBefore(from)) {
            violations.add("until", "must not be before from");
        }
        violations.throwIfAny();
        // Due instants are kept to the microsecond: bounds are rounded up to it, which selects the same tasks.
        Instant start = Timestamps.ceilToMicros(from);
        Instant end = Timestamps.ceilToMicros(until);
        return byDue("due|" + tenant + "|" + assignee + "|" + start + "|" + end, page,
                (after, limit) -> store().open(tenant, assignee, start, end, after, limit));
    }

    @Override
    public Page<Task> dueToday(UserId assignee, ZoneId zone, PageRequest page) {
        requireAssignee(assignee);
        if (zone == null) {
            throw InvalidInputException.of("zone", "must not be null");
        }
        Instant now = rt.now();
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant end = today.plusDays(1).atStartOfDay(zone).toInstant();
        return byDue("today|" + tenant + "|" + assignee + "|" + today + "|" + zone, page,
                (after, limit) -> store().open(tenant, assignee, now, end, after, limit));
    }

    @Override
    public Page<Task> ofCustomer(CustomerId customerId, PageRequest page) {
        if (customerId == null) {
            throw InvalidInputException.of("customerId", "must not be null");
        }
        return byDue("customer|" + tenant + "|" + customerId, page,
                (after, limit) -> store().ofCustomer(tenant, customerId, after, limit));
    }

    @Override
    public Page<Task> ofLead(LeadId leadId, PageRequest page) {
        if (leadId == null) {
            throw InvalidInputException.of("leadId", "must not be null");
        }
        return byDue("lead|" + tenant + "|" + leadId, page,
                (after, limit) -> store().ofLead(tenant, leadId, after, limit));
    }

    @Override
    public Page<Task> ofDeal(DealId dealId, PageRequest page) {
        if (dealId == null) {
            throw InvalidInputException.of("dealId", "must not be null");
        }
        return byDue("deal|" + tenant + "|" + dealId, page,
                (after, limit) -> store().ofDeal(tenant, dealId, after, limit));
    }

    private Page<Task> byDue(String scope, PageRequest page, BiFunction<DuePosition, Integer, Slice<Task>> fetch) {
        Function<Task, byte[]> position = task -> {
            ByteBuffer buffer = ByteBuffer.allocate(28);
            Positions.putInstant(buffer, task.dueAt());
            Positions.putUuid(buffer, task.id().value());
            return buffer.array();
        };
        return Paging.page(rt.cursors(), scope, page,
                buffer -> new DuePosition(Positions.getInstant(buffer), new TaskId(Positions.getUuid(buffer))),
                fetch, position);
    }

    private static void requireId(TaskId id) {
        if (id == null) {
            throw InvalidInputException.of("taskId", "must not be null");
        }
    }

    private static void requireUser(TaskId id, String path, UserId user) {
        Violations violations = new Violations();
        if (id == null) {
            violations.add("taskId", "must not be null");
        }
        if (user == null) {
            violations.add(path, "must not be null");
        }
        violations.throwIfAny();
    }

    private static void requireAssignee(UserId assignee) {
        if (assignee == null) {
            throw InvalidInputException.of("assignee", "must not be null");
        }
    }
}
