package io.crmkit.task;

import static io.crmkit.pipeline.SalesFixture.ALICE;
import static io.crmkit.pipeline.SalesFixture.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.SalesFixture;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Tasks")
class TasksTest {

    private static final Instant NOW = SalesFixture.START;   // 2026-03-02T09:00Z, a Monday

    private final SalesFixture f = new SalesFixture();
    private final Tasks tasks = f.crm.tasks();
    private final Customer sarah = f.customer("Miller");

    {
        f.sales();
    }

    private Task task(String subject, Duration dueIn) {
        return tasks.create(NewTask.builder(subject, ALICE, NOW.plus(dueIn)).build());
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> query) {
        List<T> out = new ArrayList<>();
        Page<T> page = query.apply(PageRequest.first(2));
        out.addAll(page.items());
        while (page.hasNext()) {
            page = query.apply(page.nextRequest().orElseThrow());
            out.addAll(page.items());
        }
        return out;
    }

    @Nested
    @DisplayName("creating")
    class Creating {

        @Test
        @DisplayName("stores an open task with every value and publishes TaskCreated")
        void create() {
            Deal deal = f.open(sarah, "10.00");
            LeadId lead = new LeadId(new UUID(8, 8));
            Task task = tasks.create(NewTask.builder("Call Sarah", ALICE, NOW.plus(Duration.ofHours(2)))
                    .notes("about the wedding order").priority(TaskPriority.HIGH).customer(sarah.id()).lead(lead)
                    .deal(deal.id()).build());
            assertThat(task.version()).isEqualTo(1);
            assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
            assertThat(task.priority()).isEqualTo(TaskPriority.HIGH);
            assertThat(task.notes()).isEqualTo("about the wedding order");
            assertThat(task.completedAt()).isNull();
            assertThat(tasks.get(task.id())).isEqualTo(task);
            assertThat(f.events(TaskCreated.class)).singleElement().satisfies(e -> {
                assertThat(e.taskId()).isEqualTo(task.id());
                assertThat(e.followUpOf()).isNull();
            });
            assertThat(tasks.ofLead(lead, PageRequest.first()).items()).containsExactly(task);
        }

        @Test
        @DisplayName("refuses bad input listing every problem, and stores nothing")
        void bad() {
            assertThatThrownBy(() -> tasks.create(new NewTask(" ", "x".repeat(10_001), null, null, null, null, null,
                    null))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::path)
                    .containsExactly("assignee", "dueAt", "notes", "subject"));
            assertThatThrownBy(() -> tasks.create(NewTask.builder("Call", ALICE, Instant.parse("1800-01-01T00:00:00Z"))
                    .build())).isInstanceOf(InvalidInputException.class).hasMessageContaining("dueAt");
            assertThatThrownBy(() -> tasks.create(null)).isInstanceOf(InvalidInputException.class);
            assertThat(tasks.openTasks(ALICE, PageRequest.first()).items()).isEmpty();
            assertThat(f.events(TaskCreated.class)).isEmpty();
        }

        @Test
        @DisplayName("refuses an unknown customer or deal")
        void unknown() {
            assertThatThrownBy(() -> tasks.create(NewTask.builder("Call", ALICE, NOW)
                    .customer(new CustomerId(new UUID(1, 1))).build())).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> tasks.create(NewTask.builder("Call", ALICE, NOW)
                    .deal(new DealId(new UUID(1, 1))).build())).isInstanceOf(NotFoundException.class);
            assertThat(tasks.openTasks(ALICE, PageRequest.first()).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("finishing")
    class Finishing {

        @Test
        @DisplayName("completing records the instant and user and takes the task off the open lists")
        void complete() {
            Task task = task("Call", Duration.ofHours(1));
            f.clock.advance(Duration.ofMinutes(30));
            Task done = tasks.complete(task.id(), 1, BOB);
            assertThat(done.status()).isEqualTo(TaskStatus.DONE);
            assertThat(done.completedAt()).isEqualTo(f.clock.instant());
            assertThat(done.completedBy()).isEqualTo(BOB);
            assertThat(tasks.openTasks(ALICE, PageRequest.first()).items()).isEmpty();
            assertThat(f.events(TaskCompleted.class)).hasSize(1);
        }

        @Test
        @DisplayName("a finished task cannot be completed, cancelled, rescheduled or reassigned")
        void finished() {
            Task task = task("Call", Duration.ofHours(1));
            Task cancelled = tasks.cancel(task.id(), 1, ALICE);
            assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
            assertThatThrownBy(() -> tasks.complete(task.id(), 2, ALICE))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("CANCELLED");
            assertThatThrownBy(() -> tasks.cancel(task.id(), 2, ALICE)).isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> tasks.reschedule(task.id(), 2, NOW))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> tasks.reassign(task.id(), 2, BOB)).isInstanceOf(IllegalTransitionException.class);
            assertThat(tasks.get(task.id())).isEqualTo(cancelled);
        }

        @Test
        @DisplayName("refuses a stale version, a missing user and an unknown task")
        void refusals() {
            Task task = task("Call", Duration.ofHours(1));
            tasks.reassign(task.id(), 1, BOB);
            assertThatThrownBy(() -> tasks.complete(task.id(), 1, ALICE))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThatThrownBy(() -> tasks.complete(task.id(), 2, null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("by");
            assertThatThrownBy(() -> tasks.complete(new TaskId(new UUID(1, 1)), 1, ALICE))
                    .isInstanceOf(NotFoundException.class);
            assertThat(tasks.get(task.id()).status()).isEqualTo(TaskStatus.OPEN);
        }

        @Test
        @DisplayName("rescheduling and reassigning move the task between the lists")
        void moves() {
            Task task = task("Call", Duration.ofHours(1));
            tasks.reschedule(task.id(), 1, NOW.minus(Duration.ofHours(1)));
            assertThat(tasks.overdue(ALICE, PageRequest.first()).items()).extracting(Task::id)
                    .containsExactly(task.id());
            tasks.reassign(task.id(), 2, BOB);
            assertThat(tasks.overdue(ALICE, PageRequest.first()).items()).isEmpty();
            assertThat(tasks.overdue(BOB, PageRequest.first()).items()).extracting(Task::id)
                    .containsExactly(task.id());
            assertThat(f.events(TaskRescheduled.class)).singleElement()
                    .satisfies(e -> assertThat(e.from()).isEqualTo(NOW.plus(Duration.ofHours(1))));
            assertThat(f.events(TaskReassigned.class)).singleElement()
                    .satisfies(e -> assertThat(e.to()).isEqualTo(BOB));
        }
    }

    @Nested
    @DisplayName("queries")
    class Queries {

        @Test
        @DisplayName("open tasks of an assignee, soonest due first, paged")
        void open() {
            Task later = task("Later", Duration.ofDays(2));
            Task soon = task("Soon", Duration.ofHours(1));
            Task past = task("Past", Duration.ofHours(-5));
            Task done = task("Done", Duration.ofHours(2));
            tasks.complete(done.id(), 1, ALICE);
            tasks.create(NewTask.builder("Bob's", BOB, NOW).build());
            assertThat(all(p -> tasks.openTasks(ALICE, p))).extracting(Task::id)
                    .containsExactly(past.id(), soon.id(), later.id());
        }

        @Test
        @DisplayName("overdue: open and due before now, for one assignee or everybody")
        void overdue() {
            Task a = task("A", Duration.ofDays(-2));
            Task b = tasks.create(NewTask.builder("B", BOB, NOW.minus(Duration.ofDays(1))).build());
            task("Future", Duration.ofMinutes(1));
            Task c = task("C", Duration.ofHours(-1));
            assertThat(all(p -> tasks.overdue(ALICE, p))).extracting(Task::id).containsExactly(a.id(), c.id());
            assertThat(all(tasks::overdue)).extracting(Task::id).containsExactly(a.id(), b.id(), c.id());
            f.clock.advance(Duration.ofMinutes(2));
            assertThat(all(p -> tasks.overdue(ALICE, p))).hasSize(3);
        }

        @Test
        @DisplayName("due today and due in a window")
        void window() {
            task("Yesterday", Duration.ofHours(-10));          // 2026-03-01T23:00Z
            Task earlier = task("Earlier today", Duration.ofHours(-1));
            Task tonight = task("Tonight", Duration.ofHours(14));   // 23:00Z
            Task tomorrow = task("Tomorrow", Duration.ofHours(16)); // 2026-03-03T01:00Z
            assertThat(all(p -> tasks.dueToday(ALICE, ZoneOffset.UTC, p))).extracting(Task::id)
                    .containsExactly(tonight.id());
            // In +03:00 it is 12:00 on 2 March; the day ends at 21:00Z.
            assertThat(all(p -> tasks.dueToday(ALICE, ZoneId.of("+03:00"), p))).isEmpty();
            assertThat(all(p -> tasks.dueBetween(ALICE, NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(1)),
                    p))).extracting(Task::id).containsExactly(earlier.id(), tonight.id(), tomorrow.id());
            assertThat(all(p -> tasks.dueBetween(null, NOW, NOW.plus(Duration.ofHours(14)), p))).isEmpty();
            assertThatThrownBy(() -> tasks.dueBetween(ALICE, NOW, NOW.minusSeconds(1), PageRequest.first()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("until");
        }

        @Test
        @DisplayName("a window bound finer than a microsecond selects as if rounded up to it")
        void nanos() {
            Task atNow = task("At now", Duration.ZERO);
            Task next = task("A microsecond later", Duration.ofNanos(1000));
            assertThat(all(p -> tasks.dueBetween(ALICE, NOW.plusNanos(1), NOW.plusSeconds(1), p)))
                    .extracting(Task::id).containsExactly(next.id());
            assertThat(all(p -> tasks.dueBetween(ALICE, NOW, NOW.plusNanos(999), p))).extracting(Task::id)
                    .containsExactly(atNow.id());
        }

        @Test
        @DisplayName("tasks of a customer and of a deal, whatever their status")
        void related() {
            Deal deal = f.open(sarah, "10.00");
            Task forCustomer = tasks.create(NewTask.builder("Send samples", ALICE, NOW).customer(sarah.id()).build());
            Task forDeal = tasks.create(NewTask.builder("Quote", BOB, NOW.plusSeconds(1)).deal(deal.id())
                    .customer(sarah.id()).build());
            tasks.complete(forDeal.id(), 1, BOB);
            assertThat(all(p -> tasks.ofCustomer(sarah.id(), p))).extracting(Task::id)
                    .containsExactly(forCustomer.id(), forDeal.id());
            assertThat(all(p -> tasks.ofDeal(deal.id(), p))).extracting(Task::id).containsExactly(forDeal.id());
        }

        @Test
        @DisplayName("are per tenant")
        void tenants() {
            Task task = task("Call", Duration.ofHours(1));
            var other = f.crm.tenant(TenantId.of("other")).tasks();
            assertThat(other.find(task.id())).isEmpty();
            assertThat(other.openTasks(ALICE, PageRequest.first()).items()).isEmpty();
            assertThatThrownBy(() -> other.complete(task.id(), 1, ALICE)).isInstanceOf(NotFoundException.class);
        }
    }
}
