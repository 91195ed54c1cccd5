package io.crmkit.testkit;

import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealSnapshot;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.FollowUp;
import io.crmkit.pipeline.ForecastCategory;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IdGenerator;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.task.Task;
import io.crmkit.task.TaskPriority;
import io.crmkit.task.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Pipelines, deals, history entries and tasks the sales contracts write. */
final class SalesFixtures {

    /** An instant with microseconds, which every adapter must keep. */
    static final Instant T0 = Instant.parse("2026-03-02T09:30:00.123456Z");
    static final UserId ALICE = UserId.of("alice");
    static final UserId BOB = UserId.of("bob");

    private static final IdGenerator IDS = IdGenerator.uuidV7(Clock.systemUTC());

    private SalesFixtures() {
    }

    static PipelineId pipelineId() {
        return new PipelineId(IDS.next());
    }

    static StageId stageId() {
        return new StageId(IDS.next());
    }

    static DealId dealId() {
        return new DealId(IDS.next());
    }

    static TaskId taskId() {
        return new TaskId(IDS.next());
    }

    static CustomerId customerId() {
        return new CustomerId(IDS.next());
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    /**
     * A pipeline using every value: the forward-only policy, a follow-up of high priority, every forecast category,
     * a retired stage in the middle, two WON stages, names with non-ASCII letters.
     */
    static Pipeline fullPipeline(TenantId tenant, PipelineId id) {
        return new Pipeline(id, tenant, 1, "Großhandel – Ústí", TransitionPolicy.FORWARD_ONLY_NO_SKIP, List.of(
                new Stage(stageId(), "Erstkontakt", StageKind.OPEN, 10, ForecastCategory.PIPELINE,
                        new FollowUp("Anrufen ☎", Duration.ofDays(3).plusMinutes(7), TaskPriority.HIGH), false),
                new Stage(stageId(), "Demo", StageKind.OPEN, 25, ForecastCategory.OMITTED, null, true),
                new Stage(stageId(), "Angebot", StageKind.OPEN, 50, ForecastCategory.BEST_CASE, null, false),
                new Stage(stageId(), "Verhandlung", StageKind.OPEN, 75, ForecastCategory.COMMIT, null, false),
                new Stage(stageId(), "Gewonnen", StageKind.WON, 100, ForecastCategory.CLOSED,
                        FollowUp.of("Welcome pack", Duration.ofMinutes(1)), false),
                new Stage(stageId(), "Gewonnen (Rahmen)", StageKind.WON, 100, ForecastCategory.CLOSED, null, false),
                new Stage(stageId(), "Verloren", StageKind.LOST, 0, ForecastCategory.OMITTED, null, false)),
                T0, T0.plusSeconds(1));
    }

    /** The smallest valid pipeline. */
    static Pipeline minimalPipeline(TenantId tenant, PipelineId id, String name) {
        return new Pipeline(id, tenant, 1, name, TransitionPolicy.FREE, List.of(
                new Stage(stageId(), "Open", StageKind.OPEN, 20, ForecastCategory.PIPELINE, null, false),
                new Stage(stageId(), "Won", StageKind.WON, 100, ForecastCategory.CLOSED, null, false),
                new Stage(stageId(), "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED, null, false)),
                T0, T0);
    }

    static PipelineSettings settings(TenantId tenant, long version, PipelineId defaultPipeline,
                                     List<String> reasons) {
        return new PipelineSettings(tenant, version, defaultPipeline, reasons, T0.plusSeconds(version));
    }

    /** An open deal with nothing optional, entered its stage at {@code T0}. */
    static Deal openDeal(TenantId tenant, DealId id, PipelineId pipeline, StageId stage, Money amount) {
        return new Deal(id, tenant, 1, "Deal " + amount, customerId(), ALICE, amount, LocalDate.of(2026, 6, 30),
                pipeline, stage, DealStatus.OPEN, 25, false, T0, null, null, null, null, null, T0, T0);
    }

    /** {@code deal} with another stage (an open one), entered at {@code at}, at the next version. */
    static Deal moved(Deal deal, StageId stage, int probability, Instant at) {
        return new Deal(deal.id(), deal.tenantId(), deal.version() + 1, deal.name(), deal.customerId(), deal.owner(),
                deal.amount(), deal.expectedCloseDate(), deal.pipelineId(), stage, DealStatus.OPEN, probability,
                false, at, deal.sourceLeadId(), deal.campaign(), null, null, null, deal.createdAt(), at);
    }

    /** {@code deal} closed as {@code status} in {@code stage} at {@code at}, at the next version. */
    static Deal closed(Deal deal, StageId stage, DealStatus status, Instant at) {
        boolean lost = status == DealStatus.LOST;
        return new Deal(deal.id(), deal.tenantId(), deal.version() + 1, deal.name(), deal.customerId(), deal.owner(),
                deal.amount(), deal.expectedCloseDate(), deal.pipelineId(), stage, status, lost ? 0 : 100, false, at,
                deal.sourceLeadId(), deal.campaign(), at, lost ? "Price" : null, lost ? "went elsewhere" : null,
                deal.createdAt(), at);
    }

    /** A lost deal with every value set: source lead, campaign, reason and note, several versions. */
    static Deal fullLostDeal(TenantId tenant, DealId id, PipelineId pipeline, StageId lostStage) {
        return new Deal(id, tenant, 7, "Kerzen für Café Łuna – Hochzeit 🎉", customerId(), UserId.of("u".repeat(128)),
                Money.of("1234567.891", "BHD"), LocalDate.of(9999, 12, 31), pipeline, lostStage, DealStatus.LOST, 0,
                false, T0.plusSeconds(30), new LeadId(IDS.next()), "christmas-fair/2026", T0.plusSeconds(30),
                "No decision", "They will decide\nnext year", T0, T0.plusSeconds(40));
    }

    /** The OPENED entry of {@code deal} (at version 1). */
    static DealHistoryEntry opened(Deal deal) {
        return new DealHistoryEntry(deal.tenantId(), deal.id(), 1, DealChangeKind.OPENED, deal.createdAt(),
                deal.owner(), null, deal.snapshot(), null, null);
    }

    /** The entry of a change from {@code before} to {@code after}. */
    static DealHistoryEntry change(Deal before, Deal after, DealChangeKind kind) {
        return DealHistoryEntry.of(before, after, kind, BOB);
    }

    /** A snapshot with every value set. */
    static DealSnapshot snapshot(StageId stage, DealStatus status, String amount, int probability) {
        return new DealSnapshot(stage, status, eur(amount), probability, false, LocalDate.of(2026, 6, 30), ALICE);
    }

    /** An open task of {@code assignee} due at {@code dueAt}, with nothing optional. */
    static Task task(TenantId tenant, TaskId id, UserId assignee, Instant dueAt) {
        return new Task(id, tenant, 1, "Call", null, dueAt, assignee, TaskPriority.NORMAL, null, null, null,
                TaskStatus.OPEN, null, null, T0, T0);
    }

    /** A done task with every value set. */
    static Task fullDoneTask(TenantId tenant, TaskId id) {
        return new Task(id, tenant, 3, "Nachfassen: Angebot ☎", "Notizen\n\tmit Tab", T0.plusSeconds(3600), BOB,
                TaskPriority.HIGH, customerId(), new LeadId(IDS.next()), dealId(), TaskStatus.DONE,
                T0.plusSeconds(120), ALICE, T0, T0.plusSeconds(120));
    }

    /** {@code task} with its status changed to {@code status} by {@code by} at {@code at}, at the next version. */
    static Task finished(Task task, TaskStatus status, Instant at) {
        return new Task(task.id(), task.tenantId(), task.version() + 1, task.subject(), task.notes(), task.dueAt(),
                task.assignee(), task.priority(), task.customerId(), task.leadId(), task.dealId(), status, at, BOB,
                task.createdAt(), at);
    }
}
