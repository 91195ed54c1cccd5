package io.crmkit.internal;

import io.crmkit.customer.Customer;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealAmountChanged;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DealCloseDateChanged;
import io.crmkit.pipeline.DealHistoryEntry;
import io.crmkit.pipeline.DealLoss;
import io.crmkit.pipeline.DealLost;
import io.crmkit.pipeline.DealOpened;
import io.crmkit.pipeline.DealOpening;
import io.crmkit.pipeline.DealOutcome;
import io.crmkit.pipeline.DealOwnerChanged;
import io.crmkit.pipeline.DealProbabilityChanged;
import io.crmkit.pipeline.DealReopened;
import io.crmkit.pipeline.DealStageChanged;
import io.crmkit.pipeline.DealStatus;
import io.crmkit.pipeline.DealTotals;
import io.crmkit.pipeline.DealWon;
import io.crmkit.pipeline.Deals;
import io.crmkit.pipeline.FollowUp;
import io.crmkit.pipeline.PeriodTotals;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.PipelineSummary;
import io.crmkit.pipeline.ProbabilityOnStageChange;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageKind;
import io.crmkit.pipeline.StageSummary;
import io.crmkit.pipeline.StalledThresholds;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TaskId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TextRules;
import io.crmkit.shared.UserId;
import io.crmkit.shared.Violations;
import io.crmkit.spi.DealDatePosition;
import io.crmkit.spi.DealStore;
import io.crmkit.spi.Slice;
import io.crmkit.spi.StageEntryPosition;
import io.crmkit.task.Task;
import io.crmkit.task.TaskCreated;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** {@link Deals} of one tenant. */
public final class DefaultDeals implements Deals {

    private final CrmRuntime rt;
    private final TenantId tenant;

    public DefaultDeals(CrmRuntime rt, TenantId tenant) {
        this.rt = rt;
        this.tenant = tenant;
    }

    private DealStore store() {
        return rt.storage().deals();
    }

    // ---------------------------------------------------------------------------------------------- changes

    @Override
    public DealOutcome open(DealOpening opening) {
        Violations violations = new Violations();
        rt.validator().validate("opening", opening, "", violations);
        if (opening != null) {
            if (opening.amount() != null && opening.amount().isNegative()) {
                violations.add("amount", "must not be negative");
            }
            LocalDate date = opening.expectedCloseDate();
            if (date != null && (date.isBefore(Deal.MIN_DATE) || date.isAfter(Deal.MAX_DATE))) {
                violations.add("expectedCloseDate", "must be between the years 1900 and 9999");
            }
            // Bean Validation checked blanks and lengths; what is left is control characters.
            if (opening.name() != null && !opening.name().isBlank()
                    && opening.name().length() <= Deal.MAX_NAME_LENGTH) {
                violations.capture("name", () -> TextRules.required("name", opening.name(), Deal.MAX_NAME_LENGTH));
            }
            if (opening.campaign() != null && !opening.campaign().isBlank()
                    && opening.campaign().length() <= Deal.MAX_CAMPAIGN_LENGTH) {
                violations.capture("campaign", () -> TextRules.required("campaign", opening.campaign(),
                        Deal.MAX_CAMPAIGN_LENGTH));
            }
        }
        violations.throwIfAny();
        DealId id = new DealId(rt.ids().next());
        return rt.write(tenant, events -> {
            Instant now = rt.now();
            Customer customer = rt.storage().customers().find(tenant, opening.customerId())
                    .orElseThrow(() -> new NotFoundException("Customer", opening.customerId()));
            if (customer.isArchived()) {
                throw new IllegalTransitionException("Customer", customer.id(),
                        "an archived customer cannot get a new deal; unarchive it first");
            }
            Pipeline pipeline = opening.pipelineId() != null ? pipeline(opening.pipelineId()) : defaultPipeline();
            Stage stage = opening.stageId() == null ? pipeline.firstStage(StageKind.OPEN)
                    : stageOf(pipeline, opening.stageId());
            Deal deal = Deal.open(id, tenant, opening.name(), opening.customerId(), opening.owner(), opening.amount(),
                    opening.expectedCloseDate(), pipeline.id(), stage, opening.probability(), opening.sourceLeadId(),
                    blankToNull(opening.campaign()), now);
            UserId by = opening.by() != null ? opening.by() : opening.owner();
            store().insert(tenant, deal);
            store().append(tenant, DealHistoryEntry.of(null, deal, DealChangeKind.OPENED, by));
            events.add(new DealOpened(events.nextId(), tenant, id, now, deal.customerId(), deal.pipelineId(),
                    deal.stageId(), deal.amount(), deal.probability(), deal.owner(), deal.sourceLeadId(),
                    deal.campaign(), by));
            LifecycleChange lifecycle = advance(customer, LifecycleStage.OPPORTUNITY, now, events);
            followUp(deal, stage, events);
            return new DealOutcome(deal, lifecycle);
        });
    }

    @Override
    public Optional<Deal> find(DealId id) {
        requireId(id);
        return store().find(tenant, id);
    }

    @Override
    public Deal get(DealId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Deal", id));
    }

    @Override
    public Deal moveStage(DealId id, long expectedVersion, StageId stage, UserId by) {
        return moveStage(id, expectedVersion, stage, ProbabilityOnStageChange.STAGE_DEFAULT, by);
    }

    @Override
    public Deal moveStage(DealId id, long expectedVersion, StageId stage, ProbabilityOnStageChange probability,
                          UserId by) {
        require(id, by, "stageId", stage, "probability", probability);
        return rt.write(tenant, events -> {
            Deal deal = current(id, expectedVersion);
            requireOpen(deal, "move");
            Pipeline pipeline = pipeline(deal.pipelineId());
            Stage target = stageOf(pipeline, stage);
            if (!target.isOpen()) {
                throw InvalidInputException.of("stageId", "stage '" + target.name() + "' is a " + target.kind()
                        + " stage: close a deal with win() or lose()");
            }
            if (target.id().equals(deal.stageId())) {
                return deal;
            }
            Stage from = pipeline.requireStage(deal.stageId());
            Optional<String> refusal = pipeline.refusalToMove(from, target);
            if (refusal.isPresent()) {
                throw new IllegalTransitionException("Deal", id, refusal.get());
            }
            Deal moved = deal.moveTo(target, probability, rt.now());
            save(rt, tenant, deal, moved, DealChangeKind.STAGE_CHANGED, by, events);
            followUp(moved, target, events);
            return moved;
        });
    }

    @Override
    public Deal overrideProbability(DealId id, long expectedVersion, int probability, UserId by) {
        require(id, by, null, null, null, null);
        if (probability < 0 || probability > 100) {
            throw InvalidInputException.of("probability", "must be between 0 and 100");
        }
        return update(id, expectedVersion, by, DealChangeKind.PROBABILITY_CHANGED, deal -> {
            requireOpen(deal, "override the probability of");
            return deal.probabilityOverridden() && deal.probability() == probability ? deal
                    : deal.withProbabilityOverride(probability, rt.now());
        });
    }

    @Override
    public Deal clearProbabilityOverride(DealId id, long expectedVersion, UserId by) {
        require(id, by, null, null, null, null);
        return rt.write(tenant, events -> {
            Deal deal = current(id, expectedVersion);
            requireOpen(deal, "clear the probability override of");
            if (!deal.probabilityOverridden()) {
                return deal;
            }
            Stage stage = pipeline(deal.pipelineId()).requireStage(deal.stageId());
            Deal cleared = deal.withoutProbabilityOverride(stage, rt.now());
            save(rt, tenant, deal, cleared, DealChangeKind.PROBABILITY_CHANGED, by, events);
            return cleared;
        });
    }

    @Override
    public Deal changeAmount(DealId id, long expectedVersion, Money amount, UserId by) {
        require(id, by, "amount", amount, null, null);
        if (amount.isNegative()) {
            throw InvalidInputException.of("amount", "must not be negative");
        }
        return update(id, expectedVersion, by, DealChangeKind.AMOUNT_CHANGED,
                deal -> deal.amount().equals(amount) ? deal : deal.withAmount(amount, rt.now()));
    }

    @Override
    public Deal changeExpectedCloseDate(DealId id, long expectedVersion, LocalDate expectedCloseDate, UserId by) {
        require(id, by, "expectedCloseDate", expectedCloseDate, null, null);
        if (expectedCloseDate.isBefore(Deal.MIN_DATE) || expectedCloseDate.isAfter(Deal.MAX_DATE)) {
            throw InvalidInputException.of("expectedCloseDate", "must be between the years 1900 and 9999");
        }
        return update(id, expectedVersion, by, DealChangeKind.CLOSE_DATE_CHANGED,
                deal -> deal.expectedCloseDate().equals(expectedCloseDate) ? deal
                        : deal.withExpectedCloseDate(expectedCloseDate, rt.now()));
    }

    @Override
    public Deal changeOwner(DealId id, long expectedVersion, UserId owner, UserId by) {
        require(id, by, "owner", owner, null, null);
        return update(id, expectedVersion, by, DealChangeKind.OWNER_CHANGED,
                deal -> deal.owner().equals(owner) ? deal : deal.withOwner(owner, rt.now()));
    }

    /** Applies a change that keeps the stage; {@code change} returns the deal itself when nothing changes. */
    private Deal update(DealId id, long expectedVersion, UserId by, DealChangeKind kind, Function<Deal, Deal> change) {
        return rt.write(tenant, events -> {
            Deal deal = current(id, expectedVersion);
            Deal changed = change.apply(deal);
            if (changed == deal) {
                return deal;
            }
            save(rt, tenant, deal, changed, kind, by, events);
            return changed;
        });
    }

    @Override
    public DealOutcome win(DealId id, long expectedVersion, UserId by) {
        return win(id, expectedVersion, null, by);
    }

    @Override
    public DealOutcome win(DealId id, long expectedVersion, StageId stage, UserId by) {
        require(id, by, null, null, null, null);
        return rt.write(tenant, events -> {
            Deal deal = current(id, expectedVersion);
            requireOpen(deal, "win");
            Pipeline pipeline = pipeline(deal.pipelineId());
            Stage target = stage == null ? pipeline.firstStage(StageKind.WON) : stageOf(pipeline, stage);
            Instant now = rt.now();
            Deal won = deal.win(target, now);
            save(rt, tenant, deal, won, DealChangeKind.WON, by, events);
            Customer customer = rt.storage().customers().find(tenant, deal.customerId())
                    .orElseThrow(() -> new NotFoundException("Customer", deal.customerId()));
            LifecycleChange lifecycle = advance(customer, LifecycleStage.CUSTOMER, now, events);
            followUp(won, target, events);
            return new DealOutcome(won, lifecycle);
        });
    }

    @Override
    public Deal lose(DealId id, long expectedVersion, DealLoss loss) {
        requireId(id);
        rt.validator().validate("loss", loss);
        return rt.write(tenant, events -> {
            Deal deal = current(id, expectedVersion);
            requireOpen(deal, "lose");
            PipelineSettings settings = rt.storage().pipelines().settings(tenant).orElse(null);
            List<String> reasons = settings != null ? settings.lostReasons() : PipelineSettings.DEFAULT_LOST_REASONS;
            String reason = reasons.stream().filter(r -> r.equalsIgnoreCase(loss.reason().strip())).findFirst()
                    .orElseThrow(() -> InvalidInputException.of("reason", "'" + loss.reason().strip()
                            + "' is not one of the tenant's lost reasons " + reasons));
            Pipeline pipeline = pipeline(deal.pipelineId());
            Stage target = loss.stageId() == null ? pipeline.firstStage(StageKind.LOST)
                    : stageOf(pipeline, loss.stageId());
            Deal lost = deal.lose(target, reason, blankToNull(loss.note()), rt.now());
            save(rt, tenant, deal, lost, DealChangeKind.LOST, loss.by(), events);
            followUp(lost, target, events);
            return lost;
        });
    }

    @Override
    public Deal reopen(DealId id, long expectedVersion, StageId stage, UserId by) {
        require(id, by, "stageId", stage, null, null);
        return rt.write(tenant, events -> {
            Deal deal = current(id, expectedVersion);
            if (deal.isOpen()) {
                throw new IllegalTransitionException("Deal", id, "is open; only a won or lost deal can be reopened");
            }
            Stage target = stageOf(pipeline(deal.pipelineId()), stage);
            Deal reopened = deal.reopen(target, rt.now());
            save(rt, tenant, deal, reopened, DealChangeKind.REOPENED, by, events);
            followUp(reopened, target, events);
            return reopened;
        });
    }

    /**
     * Saves a changed deal, appends its history entry and adds its events: the one write path of every deal change
     * but opening (shared with the retirement of stages).
     */
    static void save(CrmRuntime rt, TenantId tenant, Deal before, Deal after, DealChangeKind kind, UserId by,
                     EventBuffer events) {
        DealStore store = rt.storage().deals();
        store.update(tenant, after);
        store.append(tenant, DealHistoryEntry.of(before, after, kind, by));
        Instant at = after.updatedAt();
        DealId id = after.id();
        if (kind.isStageChange()) {
            events.add(new DealStageChanged(events.nextId(), tenant, id, at, after.pipelineId(), before.stageId(),
                    after.stageId(), after.status(), after.amount(), after.probability(), by));
        }
        switch (kind) {
            case WON:
                events.add(new DealWon(events.nextId(), tenant, id, at, after.customerId(), after.pipelineId(),
                        after.stageId(), after.amount(), by));
                break;
            case LOST:
                events.add(new DealLost(events.nextId(), tenant, id, at, after.customerId(), after.pipelineId(),
                        after.stageId(), after.lostReason(), after.lostNote(), by));
                break;
            case REOPENED:
                events.add(new DealReopened(events.nextId(), tenant, id, at, after.pipelineId(), before.status(),
                        after.stageId(), by));
                break;
            case AMOUNT_CHANGED:
                events.add(new DealAmountChanged(events.nextId(), tenant, id, at, before.amount(), after.amount(), by));
                break;
            case PROBABILITY_CHANGED:
                events.add(new DealProbabilityChanged(events.nextId(), tenant, id, at, before.probability(),
                        after.probability(), after.probabilityOverridden(), by));
                break;
            case CLOSE_DATE_CHANGED:
                events.add(new DealCloseDateChanged(events.nextId(), tenant, id, at, before.expectedCloseDate(),
                        after.expectedCloseDate(), by));
                break;
            case OWNER_CHANGED:
                events.add(new DealOwnerChanged(events.nextId(), tenant, id, at, before.owner(), after.owner(), by));
                break;
            default:
                break;
        }
    }

    /** Moves the customer's lifecycle stage forward to {@code target}, in the open unit of work. */
    private LifecycleChange advance(Customer customer, LifecycleStage target, Instant now, EventBuffer events) {
        if (customer.isArchived()) {
            return new LifecycleChange.Refused(customer, customer.lifecycleStage(), target,
                    "the customer is archived; its lifecycle stage is not moved");
        }
        LifecycleChange change = customer.moveLifecycleTo(target, now);
        if (change instanceof LifecycleChange.Advanced advanced) {
            rt.storage().customers().update(tenant, advanced.customer());
            events.add(new LifecycleStageChanged(events.nextId(), tenant, customer.id(), now, advanced.from(),
                    advanced.to(), false, null));
        }
        return change;
    }

    /** Creates the follow-up task {@code stage} declares, if it declares one, for the deal that entered it. */
    private void followUp(Deal deal, Stage stage, EventBuffer events) {
        FollowUp followUp = stage.followUp();
        if (followUp == null) {
            return;
        }
        Instant now = deal.stageEnteredAt();
        Task task = Task.create(new TaskId(rt.ids().next()), tenant, followUp.subject(), null,
                now.plus(followUp.dueAfter()), deal.owner(), followUp.priority(), deal.customerId(), null, deal.id(),
                now);
        rt.storage().tasks().insert(tenant, task);
        events.add(new TaskCreated(events.nextId(), tenant, task.id(), now, task.subject(), task.assignee(),
                task.dueAt(), task.priority(), task.customerId(), task.leadId(), task.dealId(), stage.id()));
    }

    // ---------------------------------------------------------------------------------------------- queries

    @Override
    public Page<DealHistoryEntry> history(DealId id, PageRequest page) {
        get(id);
        return Paging.page(rt.cursors(), "history|" + tenant + "|" + id, page,
                ByteBuffer::getLong,
                (before, limit) -> store().history(tenant, id, before, limit),
                entry -> ByteBuffer.allocate(8).putLong(entry.version()).array());
    }

    @Override
    public Page<Deal> board(PipelineId pipelineId, StageId stageId, PageRequest page) {
        requirePipelineId(pipelineId);
        if (stageId == null) {
            throw InvalidInputException.of("stageId", "must not be null");
        }
        pipeline(pipelineId).requireStage(stageId);
        return byId("board|" + tenant + "|" + pipelineId + "|" + stageId, page,
                (after, limit) -> store().inStage(tenant, pipelineId, stageId, after, limit));
    }

    @Override
    public Page<Deal> ofOwner(UserId owner, DealStatus status, PageRequest page) {
        if (owner == null) {
            throw InvalidInputException.of("owner", "must not be null");
        }
        return byId("owner|" + tenant + "|" + owner + "|" + status, page,
                (after, limit) -> store().ofOwner(tenant, owner, status, after, limit));
    }

    @Override
    public Page<Deal> ofCustomer(CustomerId customer, PageRequest page) {
        if (customer == null) {
            throw InvalidInputException.of("customerId", "must not be null");
        }
        if (rt.storage().customers().existing(tenant, List.of(customer)).isEmpty()) {
            throw new NotFoundException("Customer", customer);
        }
        return byId("customer|" + tenant + "|" + customer, page,
                (after, limit) -> store().ofCustomer(tenant, customer, after, limit));
    }

    private Page<Deal> byId(String scope, PageRequest page,
                            java.util.function.BiFunction<DealId, Integer, Slice<Deal>> fetch) {
        return Paging.page(rt.cursors(), scope, page, buffer -> new DealId(Positions.getUuid(buffer)), fetch,
                deal -> Positions.uuid(deal.id().value()));
    }

    @Override
    public Page<Deal> closingIn(YearMonth month, DealStatus status, PageRequest page) {
        if (month == null) {
            throw InvalidInputException.of("month", "must not be null");
        }
        return byDate("closing|" + tenant + "|" + month + "|" + status, page, month.atDay(1), month.atEndOfMonth(),
                status);
    }

    @Override
    public Page<Deal> overdue(ZoneId zone, PageRequest page) {
        if (zone == null) {
            throw InvalidInputException.of("zone", "must not be null");
        }
        LocalDate today = LocalDate.ofInstant(rt.now(), zone);
        return byDate("overdue|" + tenant, page, null, today.minusDays(1), DealStatus.OPEN);
    }

    private Page<Deal> byDate(String scope, PageRequest page, LocalDate from, LocalDate to, DealStatus status) {
        return Paging.page(rt.cursors(), scope, page,
                buffer -> new DealDatePosition(Positions.getDate(buffer), new DealId(Positions.getUuid(buffer))),
                (after, limit) -> store().byExpectedCloseDate(tenant, from, to, status, after, limit),
                deal -> {
                    ByteBuffer buffer = ByteBuffer.allocate(24);
                    Positions.putDate(buffer, deal.expectedCloseDate());
                    Positions.putUuid(buffer, deal.id().value());
                    return buffer.array();
                });
    }

    @Override
    public Page<Deal> stalled(PipelineId pipelineId, StalledThresholds thresholds, PageRequest page) {
        requirePipelineId(pipelineId);
        if (thresholds == null) {
            throw InvalidInputException.of("thresholds", "must not be null");
        }
        Pipeline pipeline = pipeline(pipelineId);
        for (StageId stage : thresholds.stageDays().keySet()) {
            Stage known = pipeline.stage(stage).orElseThrow(() -> InvalidInputException.of("thresholds",
                    "stage " + stage + " is not a stage of pipeline " + pipelineId));
            if (!known.isOpen()) {
                throw InvalidInputException.of("thresholds", "stage '" + known.name()
                        + "' is not an OPEN stage: closed deals do not stall");
            }
        }
        Instant now = rt.now();
        List<Stage> stages = new ArrayList<>();
        List<Instant> cutoffs = new ArrayList<>();
        for (Stage stage : pipeline.activeStages()) {
            Optional<Integer> days = stage.isOpen() ? thresholds.daysFor(stage.id()) : Optional.empty();
            if (days.isPresent()) {
                stages.add(stage);
                cutoffs.add(now.minus(Duration.ofDays(days.get())));
            }
        }
        String scope = "stalled|" + tenant + "|" + pipelineId + "|" + thresholds;
        return Paging.page(rt.cursors(), scope, page,
                buffer -> new StalledPosition(new StageId(Positions.getUuid(buffer)), Positions.getInstant(buffer),
                        new DealId(Positions.getUuid(buffer))),
                (after, limit) -> stalled(pipelineId, stages, cutoffs, after, limit),
                deal -> {
                    ByteBuffer buffer = ByteBuffer.allocate(44);
                    Positions.putUuid(buffer, deal.stageId().value());
                    Positions.putInstant(buffer, deal.stageEnteredAt());
                    Positions.putUuid(buffer, deal.id().value());
                    return buffer.array();
                });
    }

    /** A place in the stalled list: the stage, then the (stageEnteredAt, id) in it. */
    private record StalledPosition(StageId stage, Instant enteredAt, DealId id) {
    }

    /** Fills a slice stage by stage, in board order, from the position on. */
    private Slice<Deal> stalled(PipelineId pipelineId, List<Stage> stages, List<Instant> cutoffs,
                                StalledPosition after, int limit) {
        int start = 0;
        if (after != null) {
            start = -1;
            for (int i = 0; i < stages.size(); i++) {
                if (stages.get(i).id().equals(after.stage())) {
                    start = i;
                }
            }
            if (start < 0) {
                throw InvalidInputException.of("cursor", "the pipeline's stages changed since this cursor was issued;"
                        + " start from the first page");
            }
        }
        List<Deal> items = new ArrayList<>();
        boolean more = false;
        for (int i = start; i < stages.size(); i++) {
            if (items.size() == limit) {
                // Full: is there anything after it?
                more = !store().enteredStageBefore(tenant, pipelineId, stages.get(i).id(), cutoffs.get(i), null, 1)
                        .items().isEmpty();
                if (more) {
                    break;
                }
                continue;
            }
            StageEntryPosition position = i == start && after != null
                    ? new StageEntryPosition(after.enteredAt(), after.id()) : null;
            Slice<Deal> slice = store().enteredStageBefore(tenant, pipelineId, stages.get(i).id(), cutoffs.get(i),
                    position, limit - items.size());
            items.addAll(slice.items());
            if (slice.hasMore()) {
                more = true;
                break;
            }
        }
        return new Slice<>(items, more);
    }

    @Override
    public PipelineSummary summary(PipelineId pipelineId) {
        requirePipelineId(pipelineId);
        Pipeline pipeline = pipeline(pipelineId);
        Map<StageId, DealTotals> totals = store().stageTotals(tenant, pipelineId);
        List<StageSummary> stages = new ArrayList<>();
        for (Stage stage : pipeline.stages()) {
            DealTotals stageTotals = totals.get(stage.id());
            if (stage.isActive() || stageTotals != null) {
                stages.add(new StageSummary(stage, stageTotals != null ? stageTotals : DealTotals.NONE));
            }
        }
        return new PipelineSummary(pipelineId, stages);
    }

    @Override
    public PeriodTotals totals(PipelineId pipelineId, LocalDate from, LocalDate to, ZoneId zone) {
        Violations violations = new Violations();
        if (pipelineId == null) {
            violations.add("pipelineId", "must not be null");
        }
        if (from == null) {
            violations.add("from", "must not be null");
        }
        if (to == null) {
            violations.add("to", "must not be null");
        }
        if (zone == null) {
            violations.add("zone", "must not be null");
        }
        if (from != null && to != null && to.isBefore(from)) {
            violations.add("to", "must not be before from");
        }
        if (from != null && (from.isBefore(Deal.MIN_DATE) || from.isAfter(Deal.MAX_DATE))) {
            violations.add("from", "must be between the years 1900 and 9999");
        }
        if (to != null && (to.isBefore(Deal.MIN_DATE) || to.isAfter(Deal.MAX_DATE))) {
            violations.add("to", "must be between the years 1900 and 9999");
        }
        violations.throwIfAny();
        pipeline(pipelineId);
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        return new PeriodTotals(from, to, store().openTotals(tenant, pipelineId, from, to),
                store().closedTotals(tenant, pipelineId, DealStatus.WON, start, end),
                store().closedTotals(tenant, pipelineId, DealStatus.LOST, start, end));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Deal current(DealId id, long expectedVersion) {
        Deal current = get(id);
        if (current.version() != expectedVersion) {
            throw new ConcurrentModificationException("Deal", id, expectedVersion);
        }
        return current;
    }

    private Pipeline pipeline(PipelineId id) {
        return rt.storage().pipelines().find(tenant, id).orElseThrow(() -> new NotFoundException("Pipeline", id));
    }

    private Pipeline defaultPipeline() {
        return rt.storage().pipelines().settings(tenant).map(PipelineSettings::defaultPipelineId)
                .flatMap(id -> rt.storage().pipelines().find(tenant, id))
                .orElseThrow(() -> new NotFoundException("Pipeline",
                        "(default: the tenant has none; define a pipeline or call installDefault())"));
    }

    private static Stage stageOf(Pipeline pipeline, StageId stageId) {
        return pipeline.stage(stageId).orElseThrow(() -> InvalidInputException.of("stageId",
                stageId + " is not a stage of pipeline '" + pipeline.name() + "'"));
    }

    private static void requireOpen(Deal deal, String action) {
        if (!deal.isOpen()) {
            throw new IllegalTransitionException("Deal", deal.id(), "cannot " + action + " a " + deal.status()
                    + " deal; reopen it first");
        }
    }

    /** Refuses a null deal id or acting user, and a null value at each named path (a null path is skipped). */
    private static void require(DealId id, UserId by, String path1, Object value1, String path2, Object value2) {
        Violations violations = new Violations();
        if (id == null) {
            violations.add("dealId", "must not be null");
        }
        if (by == null) {
            violations.add("by", "must not be null");
        }
        if (path1 != null && value1 == null) {
            violations.add(path1, "must not be null");
        }
        if (path2 != null && value2 == null) {
            violations.add(path2, "must not be null");
        }
        violations.throwIfAny();
    }

    private static void requireId(DealId id) {
        if (id == null) {
            throw InvalidInputException.of("dealId", "must not be null");
        }
    }

    private static void requirePipelineId(PipelineId id) {
        if (id == null) {
            throw InvalidInputException.of("pipelineId", "must not be null");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
