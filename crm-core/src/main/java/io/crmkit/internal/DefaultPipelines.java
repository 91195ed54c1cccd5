package io.crmkit.internal;

import io.crmkit.pipeline.Deal;
import io.crmkit.pipeline.DealChangeKind;
import io.crmkit.pipeline.DefaultPipelineChanged;
import io.crmkit.pipeline.Pipeline;
import io.crmkit.pipeline.PipelineChanged;
import io.crmkit.pipeline.PipelineDefined;
import io.crmkit.pipeline.PipelineDefinition;
import io.crmkit.pipeline.PipelineSettings;
import io.crmkit.pipeline.Pipelines;
import io.crmkit.pipeline.Stage;
import io.crmkit.pipeline.StageDefinition;
import io.crmkit.pipeline.StageRetired;
import io.crmkit.pipeline.TransitionPolicy;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import io.crmkit.shared.Violations;
import io.crmkit.spi.PipelineStore;
import io.crmkit.spi.Slice;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

/** {@link Pipelines} of one tenant. */
public final class DefaultPipelines implements Pipelines {

    /** How many deals a stage retirement moves per read. */
    private static final int RETIRE_BATCH = 500;

    private final CrmRuntime rt;
    private final TenantId tenant;

    public DefaultPipelines(CrmRuntime rt, TenantId tenant) {
        this.rt = rt;
        this.tenant = tenant;
    }

    private PipelineStore store() {
        return rt.storage().pipelines();
    }

    @Override
    public Pipeline define(PipelineDefinition definition) {
        Violations violations = new Violations();
        rt.validator().validate("definition", definition, "", violations);
        if (definition == null) {
            violations.throwIfAny();
        }
        Instant now = rt.now();
        Pipeline pipeline = null;
        InvalidInputException domain = null;
        try {
            pipeline = Pipeline.define(new PipelineId(rt.ids().next()), tenant, definition,
                    () -> new StageId(rt.ids().next()), now);
        } catch (InvalidInputException e) {
            domain = e;
        }
        throwAll(violations, domain);
        Pipeline defined = pipeline;
        return rt.write(tenant, events -> insert(defined, events));
    }

    /**
     * Refuses the input with every violation Bean Validation found and every violation the domain found at a path Bean
     * Validation did not already name (so that one problem is not reported twice in other words).
     */
    private static void throwAll(Violations bean, InvalidInputException domain) {
        List<InvalidInputException.Violation> all = new ArrayList<>();
        try {
            bean.throwIfAny();
        } catch (InvalidInputException e) {
            all.addAll(e.violations());
        }
        if (domain != null) {
            Set<String> named = new HashSet<>();
            all.forEach(v -> named.add(v.path()));
            domain.violations().stream().filter(v -> !named.contains(v.path())).forEach(all::add);
        }
        if (!all.isEmpty()) {
            Collections.sort(all);
            throw new InvalidInputException(all);
        }
    }

    private Pipeline insert(Pipeline pipeline, EventBuffer events) {
        store().insert(tenant, pipeline);
        events.add(new PipelineDefined(events.nextId(), tenant, pipeline.id(), pipeline.createdAt(), pipeline.name(),
                pipeline.stages().size()));
        Optional<PipelineSettings> settings = store().settings(tenant);
        if (settings.isEmpty() || settings.get().defaultPipelineId() == null) {
            saveDefault(settings, pipeline.id(), pipeline.createdAt(), events);
        }
        return pipeline;
    }

    private void saveDefault(Optional<PipelineSettings> settings, PipelineId pipelineId, Instant now,
                             EventBuffer events) {
        PipelineId previous = settings.map(PipelineSettings::defaultPipelineId).orElse(null);
        store().saveSettings(tenant, settings.isPresent() ? settings.get().withDefaultPipeline(pipelineId, now)
                : PipelineSettings.first(tenant, pipelineId, null, now));
        events.add(new DefaultPipelineChanged(events.nextId(), tenant, pipelineId, now, previous));
    }

    @Override
    public Pipeline installDefault() {
        return rt.write(tenant, events -> {
            Optional<Pipeline> current = defaultPipeline();
            if (current.isPresent()) {
                return current.get();
            }
            Instant now = rt.now();
            Pipeline pipeline = Pipeline.define(new PipelineId(rt.ids().next()), tenant,
                    PipelineDefinition.standard(), () -> new StageId(rt.ids().next()), now);
            return insert(pipeline, events);
        });
    }

    @Override
    public Optional<Pipeline> find(PipelineId id) {
        requireId(id);
        return store().find(tenant, id);
    }

    @Override
    public Pipeline get(PipelineId id) {
        return find(id).orElseThrow(() -> new NotFoundException("Pipeline", id));
    }

    @Override
    public Optional<Pipeline> defaultPipeline() {
        return store().settings(tenant).map(PipelineSettings::defaultPipelineId)
                .flatMap(id -> store().find(tenant, id));
    }

    @Override
    public Pipeline makeDefault(PipelineId id) {
        requireId(id);
        return rt.write(tenant, events -> {
            Pipeline pipeline = get(id);
            Optional<PipelineSettings> settings = store().settings(tenant);
            if (!settings.map(s -> id.equals(s.defaultPipelineId())).orElse(false)) {
                saveDefault(settings, id, rt.now(), events);
            }
            return pipeline;
        });
    }

    @Override
    public Page<Pipeline> list(PageRequest page) {
        return Paging.page(rt.cursors(), "pipelines|" + tenant, page,
                buffer -> new PipelineId(Positions.getUuid(buffer)),
                (after, limit) -> store().list(tenant, after, limit),
                pipeline -> Positions.uuid(pipeline.id().value()));
    }

    @Override
    public Pipeline rename(PipelineId id, long expectedVersion, String name) {
        requireId(id);
        if (name == null) {
            throw InvalidInputException.of("name", "must not be null");
        }
        return change(id, expectedVersion, PipelineChanged.Change.RENAMED, null, p -> p.rename(name, rt.now()));
    }

    @Override
    public Pipeline changePolicy(PipelineId id, long expectedVersion, TransitionPolicy policy) {
        requireId(id);
        if (policy == null) {
            throw InvalidInputException.of("policy", "must not be null");
        }
        return change(id, expectedVersion, PipelineChanged.Change.POLICY_CHANGED, null,
                p -> p.withPolicy(policy, rt.now()));
    }

    @Override
    public Pipeline addStage(PipelineId id, long expectedVersion, StageDefinition stage) {
        return add(id, expectedVersion, stage, null);
    }

    @Override
    public Pipeline addStage(PipelineId id, long expectedVersion, StageDefinition stage, int position) {
        return add(id, expectedVersion, stage, position);
    }

    private Pipeline add(PipelineId id, long expectedVersion, StageDefinition definition, Integer position) {
        requireId(id);
        Stage stage = stage(definition, new StageId(rt.ids().next()));
        return change(id, expectedVersion, PipelineChanged.Change.STAGE_ADDED, stage.id(),
                p -> p.addStage(stage, position, rt.now()));
    }

    @Override
    public Pipeline changeStage(PipelineId id, long expectedVersion, StageId stageId, StageDefinition definition) {
        requireId(id);
        if (stageId == null) {
            throw InvalidInputException.of("stageId", "must not be null");
        }
        stage(definition, stageId);
        return change(id, expectedVersion, PipelineChanged.Change.STAGE_CHANGED, stageId,
                p -> p.changeStage(stageId, definition, rt.now()));
    }

    /** The stage {@code definition} describes, or every problem of it at paths {@code stage.…}. */
    private Stage stage(StageDefinition definition, StageId id) {
        Violations violations = new Violations();
        rt.validator().validate("stage", definition, "stage", violations);
        if (definition == null) {
            violations.throwIfAny();
        }
        Stage stage = null;
        InvalidInputException domain = null;
        try {
            stage = Stage.of(id, definition);
        } catch (InvalidInputException e) {
            domain = new InvalidInputException(e.violations().stream().map(v -> new InvalidInputException.Violation(
                    v.path().isEmpty() ? "stage" : "stage." + v.path(), v.message())).toList());
        }
        throwAll(violations, domain);
        return stage;
    }

    @Override
    public Pipeline reorderStages(PipelineId id, long expectedVersion, List<StageId> order) {
        requireId(id);
        if (order == null) {
            throw InvalidInputException.of("order", "must not be null");
        }
        return change(id, expectedVersion, PipelineChanged.Change.STAGES_REORDERED, null,
                p -> p.reorder(order, rt.now()));
    }

    private Pipeline change(PipelineId id, long expectedVersion, PipelineChanged.Change what, StageId stageId,
                            Function<Pipeline, Pipeline> change) {
        return rt.write(tenant, events -> {
            Pipeline changed = change.apply(current(id, expectedVersion));
            store().update(tenant, changed);
            events.add(new PipelineChanged(events.nextId(), tenant, id, changed.updatedAt(), changed.version(), what,
                    stageId));
            return changed;
        });
    }

    @Override
    public Pipeline retireStage(PipelineId id, long expectedVersion, StageId stage, UserId by) {
        return retire(id, expectedVersion, stage, null, by);
    }

    @Override
    public Pipeline retireStage(PipelineId id, long expectedVersion, StageId stage, StageId moveDealsTo, UserId by) {
        if (moveDealsTo == null) {
            throw InvalidInputException.of("moveDealsTo", "must not be null; without deals to move, use "
                    + "retireStage(id, version, stage, by)");
        }
        return retire(id, expectedVersion, stage, moveDealsTo, by);
    }

    private Pipeline retire(PipelineId id, long expectedVersion, StageId stageId, StageId moveDealsTo, UserId by) {
        Violations violations = new Violations();
        if (id == null) {
            violations.add("pipelineId", "must not be null");
        }
        if (stageId == null) {
            violations.add("stageId", "must not be null");
        }
        if (by == null) {
            violations.add("by", "must not be null");
        }
        if (stageId != null && stageId.equals(moveDealsTo)) {
            violations.add("moveDealsTo", "must be another stage than the one retired");
        }
        violations.throwIfAny();
        return rt.write(tenant, events -> {
            Instant now = rt.now();
            Pipeline current = current(id, expectedVersion);
            Stage retiring = current.requireStage(stageId);
            Stage target = moveDealsTo == null ? null : current.requireStage(moveDealsTo);
            if (target != null && (target.retired() || target.kind() != retiring.kind())) {
                throw InvalidInputException.of("moveDealsTo", "must be an active " + retiring.kind()
                        + " stage, like the retired stage '" + retiring.name() + "'");
            }
            Pipeline retired = current.retire(stageId, now);
            long moved = 0;
            while (true) {
                Slice<Deal> deals = rt.storage().deals().inStage(tenant, id, stageId, null, RETIRE_BATCH);
                if (deals.items().isEmpty()) {
                    break;
                }
                if (target == null) {
                    throw new IllegalTransitionException("Pipeline", id, "stage '" + retiring.name()
                            + "' still holds deals; name the stage they move to");
                }
                for (Deal deal : deals.items()) {
                    Deal relocated = deal.relocate(target, now);
                    DefaultDeals.save(rt, tenant, deal, relocated, DealChangeKind.STAGE_RETIRED, by, events);
                    moved++;
                }
            }
            store().update(tenant, retired);
            events.add(new StageRetired(events.nextId(), tenant, id, retired.updatedAt(), retired.version(), stageId,
                    moved == 0 ? null : moveDealsTo, moved, by));
            return retired;
        });
    }

    @Override
    public List<String> lostReasons() {
        return store().settings(tenant).map(PipelineSettings::lostReasons)
                .orElse(PipelineSettings.DEFAULT_LOST_REASONS);
    }

    @Override
    public List<String> changeLostReasons(List<String> reasons) {
        List<String> checked = PipelineSettings.checkedReasons(reasons);
        return rt.write(tenant, events -> {
            Instant now = rt.now();
            Optional<PipelineSettings> settings = store().settings(tenant);
            PipelineSettings changed = settings.isPresent() ? settings.get().withLostReasons(checked, now)
                    : PipelineSettings.first(tenant, null, checked, now);
            store().saveSettings(tenant, changed);
            return changed.lostReasons();
        });
    }

    private Pipeline current(PipelineId id, long expectedVersion) {
        Pipeline current = get(id);
        if (current.version() != expectedVersion) {
            throw new ConcurrentModificationException("Pipeline", id, expectedVersion);
        }
        return current;
    }

    private static void requireId(PipelineId id) {
        if (id == null) {
            throw InvalidInputException.of("pipelineId", "must not be null");
        }
    }
}
