package io.crmkit.testkit;

import static io.crmkit.testkit.KitAssertions.assertReadsBack;
import static io.crmkit.testkit.SalesFixtures.ALICE;
import static io.crmkit.testkit.SalesFixtures.BOB;
import static io.crmkit.testkit.SalesFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.Ids;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.StorageException;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantViolationException;
import io.crmkit.shared.UserId;
import io.crmkit.spi.DuePosition;
import io.crmkit.spi.Slice;
import io.crmkit.spi.TaskStore;
import io.crmkit.task.Task;
import io.crmkit.task.TaskPriority;
import io.crmkit.task.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TaskStore}: every value of a {@link Task} round-trips unchanged; saves are optimistic; the
 * open lists (of an assignee or of everybody, with an inclusive lower and an exclusive upper bound on the due instant)
 * and the lists of a customer, lead or deal are ordered by due instant then id, follow the tasks as they change, and
 * are paged by keyset without skipping or repeating; tenants never see each other's tasks.
 *
 * <pre>{@code
 * class JdbcTaskStoreContractTest extends TaskStoreContract {
 *     @Override
 *     protected CrmStorage createStorage() {
 *         return JdbcCrmStorage.create(dataSource);
 *     }
 * }
 * }</pre>
 *
 * See {@link AbstractStorageContract} for the life cycle of the storage and of the tenants the checks use.
 */
@DisplayName("TaskStore contract")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TaskStoreContract extends AbstractStorageContract {

    /** For subclasses. */
    protected TaskStoreContract() {
    }

    private TaskStore tasks() {
        return storage.tasks();
    }

    private Task insert(Task task) {
        tasks().insert(tenant, task);
        return task;
    }

    private Task due(UserId assignee, Instant dueAt) {
        return insert(SalesFixtures.task(tenant, SalesFixtures.taskId(), assignee, dueAt));
    }

    private Task related(Instant dueAt, CustomerId customer, LeadId lead, DealId deal) {
        Task t = SalesFixtures.task(tenant, SalesFixtures.taskId(), ALICE, dueAt);
        return insert(new Task(t.id(), tenant, 1, t.subject(), null, dueAt, ALICE, TaskPriority.LOW, customer, lead,
                deal, TaskStatus.OPEN, null, null, T0, T0));
    }

    private static List<TaskId> ids(List<Task> tasks) {
        return tasks.stream().map(Task::id).toList();
    }

    /** The ids of {@code tasks} in (dueAt, id) order. */
    private static List<TaskId> byDue(Task... tasks) {
        return java.util.Arrays.stream(tasks).sorted(Comparator.comparing(Task::dueAt)
                .thenComparing((a, b) -> Ids.compare(a.id().value(), b.id().value()))).map(Task::id).toList();
    }

    @Nested
    @DisplayName("round trip: every value reads back unchanged")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class RoundTrip {

        @Test
        void a_done_task_with_every_value_set_reads_back_equal() {
            Task full = insert(SalesFixtures.fullDoneTask(tenant, SalesFixtures.taskId()));

            assertReadsBack(tasks().find(tenant, full.id()), full);
        }

        @Test
        void an_open_task_with_nothing_optional_reads_back_equal() {
            Task plain = due(ALICE, T0);

            assertReadsBack(tasks().find(tenant, plain.id()), plain);
            assertThat(tasks().find(tenant, plain.id()).orElseThrow().completedBy()).isNull();
        }

        @Test
        void an_unknown_id_is_not_found_and_a_second_insert_of_an_id_fails_keeping_the_first() {
            Task first = due(ALICE, T0);

            assertThat(tasks().find(tenant, SalesFixtures.taskId())).isEmpty();
            assertThatThrownBy(() -> tasks().insert(tenant, SalesFixtures.task(tenant, first.id(), BOB, T0)))
                    .isInstanceOf(StorageException.class);
            assertReadsBack(tasks().find(tenant, first.id()), first);
        }
    }

    @Nested
    @DisplayName("optimistic locking")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class OptimisticLocking {

        @Test
        void an_update_at_the_next_version_is_stored_and_a_stale_one_fails_changing_nothing() {
            Task v1 = due(ALICE, T0);
            Task v2 = SalesFixtures.finished(v1, TaskStatus.DONE, T0.plusSeconds(5));
            tasks().update(tenant, v2);

            assertThatThrownBy(() -> tasks().update(tenant,
                    SalesFixtures.finished(v1, TaskStatus.CANCELLED, T0.plusSeconds(6))))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertReadsBack(tasks().find(tenant, v1.id()), v2);
        }

        @Test
        void updating_a_task_that_does_not_exist_fails_with_not_found() {
            Task never = SalesFixtures.task(tenant, SalesFixtures.taskId(), ALICE, T0);

            assertThatThrownBy(() -> tasks().update(tenant, SalesFixtures.finished(never, TaskStatus.DONE, T0)))
                    .isInstanceOf(NotFoundException.class);
            assertThat(tasks().find(tenant, never.id())).isEmpty();
        }
    }

    @Nested
    @DisplayName("lists by due instant")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Lists {

        @Test
        void open_tasks_of_an_assignee_are_ordered_by_due_instant_then_id_and_paged() {
            Task late = due(ALICE, T0.plusSeconds(300));
            Task tie1 = due(ALICE, T0.plusSeconds(100));
            Task tie2 = due(ALICE, T0.plusSeconds(100));
            Task tie3 = due(ALICE, T0.plusSeconds(100));
            Task early = due(ALICE, T0.minusSeconds(100));
            due(BOB, T0);

            assertThat(ids(SpiPaging.openTasks(storage, tenant, ALICE, null, null, 2)))
                    .containsExactlyElementsOf(byDue(late, tie1, tie2, tie3, early));
        }

        @Test
        void the_due_bounds_are_inclusive_below_and_exclusive_above_for_one_assignee_or_everybody() {
            Task before = due(ALICE, T0.minusNanos(1000));
            Task atFrom = due(ALICE, T0);
            Task inside = due(BOB, T0.plusSeconds(30));
            Task atUntil = due(ALICE, T0.plusSeconds(60));
            Instant until = T0.plusSeconds(60);

            assertThat(ids(SpiPaging.openTasks(storage, tenant, ALICE, T0, until, 1)))
                    .containsExactly(atFrom.id());
            assertThat(ids(SpiPaging.openTasks(storage, tenant, null, T0, until, 1)))
                    .containsExactly(atFrom.id(), inside.id());
            assertThat(ids(SpiPaging.openTasks(storage, tenant, null, null, T0, 5)))
                    .containsExactly(before.id());
            assertThat(ids(SpiPaging.openTasks(storage, tenant, ALICE, until, null, 5)))
                    .containsExactly(atUntil.id());
        }

        @Test
        void a_finished_task_leaves_the_open_lists_and_a_reassigned_or_rescheduled_one_moves() {
            Task done = due(ALICE, T0);
            Task moved = due(ALICE, T0.plusSeconds(10));
            tasks().update(tenant, SalesFixtures.finished(done, TaskStatus.DONE, T0.plusSeconds(1)));
            Task toBob = new Task(moved.id(), tenant, 2, moved.subject(), null, T0.minusSeconds(10), BOB,
                    moved.priority(), null, null, null, TaskStatus.OPEN, null, null, T0, T0.plusSeconds(2));
            tasks().update(tenant, toBob);

            assertThat(tasks().open(tenant, ALICE, null, null, null, 10).items()).isEmpty();
            assertThat(tasks().open(tenant, BOB, null, T0, null, 10).items()).extracting(Task::id)
                    .containsExactly(moved.id());
            assertThat(tasks().open(tenant, null, null, null, null, 10).items()).extracting(Task::id)
                    .containsExactly(moved.id());
        }

        @Test
        void tasks_of_a_customer_lead_or_deal_are_listed_whatever_their_status() {
            CustomerId customer = SalesFixtures.customerId();
            LeadId lead = new LeadId(UUID.randomUUID());
            DealId deal = SalesFixtures.dealId();
            Task a = related(T0.plusSeconds(20), customer, null, deal);
            Task b = related(T0.plusSeconds(10), customer, lead, null);
            Task c = related(T0, null, lead, deal);
            tasks().update(tenant, SalesFixtures.finished(b, TaskStatus.CANCELLED, T0.plusSeconds(1)));

            assertThat(ids(SpiPaging.tasksOfCustomer(storage, tenant, customer, 1)))
                    .containsExactly(b.id(), a.id());
            assertThat(ids(SpiPaging.tasksOfLead(storage, tenant, lead, 1)))
                    .containsExactly(c.id(), b.id());
            assertThat(ids(SpiPaging.tasksOfDeal(storage, tenant, deal, 1)))
                    .containsExactly(c.id(), a.id());
            assertThat(tasks().ofCustomer(tenant, SalesFixtures.customerId(), null, 10).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("tenant isolation")
    @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
    class Tenants {

        @Test
        void another_tenant_sees_nothing_of_a_task_and_cannot_change_it() {
            Task task = related(T0, SalesFixtures.customerId(), new LeadId(UUID.randomUUID()), SalesFixtures.dealId());

            assertThat(tasks().find(otherTenant, task.id())).isEmpty();
            assertThat(tasks().open(otherTenant, null, null, null, null, 10).items()).isEmpty();
            assertThat(tasks().open(otherTenant, ALICE, null, null, null, 10).items()).isEmpty();
            assertThat(tasks().ofCustomer(otherTenant, task.customerId(), null, 10).items()).isEmpty();
            assertThat(tasks().ofLead(otherTenant, task.leadId(), null, 10).items()).isEmpty();
            assertThat(tasks().ofDeal(otherTenant, task.dealId(), null, 10).items()).isEmpty();
            Task theirs = SalesFixtures.finished(new Task(task.id(), otherTenant, 1, task.subject(), null,
                    task.dueAt(), ALICE, task.priority(), null, null, null, TaskStatus.OPEN, null, null, T0, T0),
                    TaskStatus.DONE, T0.plusSeconds(1));
            assertThatThrownBy(() -> tasks().update(otherTenant, theirs)).isInstanceOf(NotFoundException.class);
            assertReadsBack(tasks().find(tenant, task.id()), task);
        }

        @Test
        void a_task_of_another_tenant_is_refused_and_nothing_is_stored() {
            Task theirs = SalesFixtures.task(otherTenant, SalesFixtures.taskId(), ALICE, T0);

            assertThatThrownBy(() -> tasks().insert(tenant, theirs)).isInstanceOf(TenantViolationException.class);

            assertThat(tasks().find(tenant, theirs.id())).isEmpty();
            assertThat(tasks().find(otherTenant, theirs.id())).isEmpty();
        }
    }

    @Test
    void a_task_written_in_a_rolled_back_unit_of_work_is_gone_from_every_list() {
        CustomerId customer = SalesFixtures.customerId();
        Task t = SalesFixtures.task(tenant, SalesFixtures.taskId(), ALICE, T0);
        Task gone = new Task(t.id(), tenant, 1, "Gone", null, T0, ALICE, TaskPriority.NORMAL, customer, null, null,
                TaskStatus.OPEN, null, null, T0, T0);

        assertThatThrownBy(() -> storage.inTransaction(tenant, tx -> {
            tasks().insert(tenant, gone);
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(tasks().find(tenant, gone.id())).isEmpty();
        assertThat(tasks().open(tenant, ALICE, null, null, null, 10).items()).isEmpty();
        assertThat(tasks().ofCustomer(tenant, customer, null, 10).items()).isEmpty();
    }
}
