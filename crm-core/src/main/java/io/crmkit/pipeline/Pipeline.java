package io.crmkit.pipeline;

import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TextRules;
import io.crmkit.shared.Timestamps;
import io.crmkit.shared.Violations;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A sales pipeline: named, ordered stages that deals move through, and the policy for those moves. A tenant may have
 * any number of pipelines (new business, renewals, wholesale); one of them is its default.
 *
 * <p>A {@code Pipeline} is an immutable snapshot at one {@link #version()}; hosts change pipelines through
 * {@link Pipelines}, whose changes return the next version. Invariants, guarded by the constructor:
 * <ul>
 *   <li>a name of 1 to {@value #MAX_NAME_LENGTH} characters;</li>
 *   <li>at least one <em>active</em> (not retired) stage of each kind OPEN, WON and LOST, at most
 *       {@value #MAX_ACTIVE_STAGES} active stages and {@value #MAX_STAGES} stages in all;</li>
 *   <li>stage ids unique; names of active stages unique ignoring case;</li>
 *   <li>the version is at least 1, {@code updatedAt} is not before {@code createdAt}.</li>
 * </ul>
 * The order of {@link #stages()} is the board order; retired stages keep their place until the stages are reordered,
 * which puts them last.
 *
 * @param id        the pipeline's id
 * @param tenantId  the tenant it belongs to
 * @param version   the optimistic version: 1 when defined, one more with every saved change
 * @param name      its name
 * @param policy    the transition policy for open deals
 * @param stages    every stage, retired ones included, in board order
 * @param createdAt when it was defined
 * @param updatedAt when it last changed
 */
public record Pipeline(PipelineId id, TenantId tenantId, long version, String name, TransitionPolicy policy,
                       List<Stage> stages, Instant createdAt, Instant updatedAt) {

    /** The longest pipeline name. */
    public static final int MAX_NAME_LENGTH = 200;
    /** The most active stages a pipeline has. */
    public static final int MAX_ACTIVE_STAGES = 50;
    /** The most stages, retired ones included, a pipeline has. */
    public static final int MAX_STAGES = 200;

    /** @throws InvalidInputException naming the first broken invariant */
    public Pipeline {
        if (id == null) {
            throw InvalidInputException.of("id", "must not be null");
        }
        if (tenantId == null) {
            throw InvalidInputException.of("tenantId", "must not be null");
        }
        if (version < 1) {
            throw InvalidInputException.of("version", "must be at least 1");
        }
        name = TextRules.required("name", name, MAX_NAME_LENGTH);
        if (policy == null) {
            throw InvalidInputException.of("policy", "must not be null");
        }
        createdAt = Timestamps.normalise("createdAt", createdAt);
        updatedAt = Timestamps.normalise("updatedAt", updatedAt);
        if (updatedAt.isBefore(createdAt)) {
            throw InvalidInputException.of("updatedAt", "must not be before createdAt");
        }
        if (stages == null) {
            throw InvalidInputException.of("stages", "must not be null");
        }
        stages = List.copyOf(stages);
        String broken = brokenStageRule(stages);
        if (broken != null) {
            throw InvalidInputException.of("stages", broken);
        }
    }

    /** What is wrong with {@code stages} as the stages of a pipeline, or null if nothing is. */
    private static String brokenStageRule(List<Stage> stages) {
        if (stages.size() > MAX_STAGES) {
            return "a pipeline has at most " + MAX_STAGES + " stages, retired ones included";
        }
        Set<StageId> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<StageKind> kinds = EnumSet.noneOf(StageKind.class);
        int active = 0;
        for (Stage stage : stages) {
            if (!ids.add(stage.id())) {
                return "stage " + stage.id() + " appears twice";
            }
            if (stage.isActive()) {
                active++;
                kinds.add(stage.kind());
                if (!names.add(stage.name().toLowerCase(Locale.ROOT))) {
                    return "two active stages are named '" + stage.name() + "'";
                }
            }
        }
        if (active > MAX_ACTIVE_STAGES) {
            return "a pipeline has at most " + MAX_ACTIVE_STAGES + " active stages";
        }
        for (StageKind kind : StageKind.values()) {
            if (!kinds.contains(kind)) {
                return "a pipeline keeps at least one active OPEN, one WON and one LOST stage; it has no active "
                        + kind + " stage";
            }
        }
        return null;
    }

    /**
     * A new pipeline at version 1, made from a definition.
     *
     * @param stageIds makes the id of each stage
     * @throws InvalidInputException listing every problem of the definition, with paths such as
     *                               {@code stages[2].probability}
     */
    public static Pipeline define(PipelineId id, TenantId tenantId, PipelineDefinition definition,
                                  Supplier<StageId> stageIds, Instant now) {
        Violations violations = new Violations();
        String name = violations.capture("name", () -> TextRules.required("name", definition.name(), MAX_NAME_LENGTH));
        List<Stage> stages = new ArrayList<>();
        List<StageDefinition> definitions = definition.stages() == null ? List.of() : definition.stages();
        if (definitions.size() < 3 || definitions.size() > MAX_ACTIVE_STAGES) {
            violations.add("stages", "must hold 3 to " + MAX_ACTIVE_STAGES + " stages");
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < definitions.size(); i++) {
            StageDefinition d = definitions.get(i);
            String at = "stages[" + i + "]";
            if (d == null) {
                violations.add(at, "must not be null");
                continue;
            }
            Stage stage = violations.captureNested(at, () -> Stage.of(stageIds.get(), d));
            if (stage != null) {
                if (!names.add(stage.name().toLowerCase(Locale.ROOT))) {
                    violations.add(at + ".name", "another stage is already named '" + stage.name() + "'");
                }
                stages.add(stage);
            }
        }
        if (violations.isEmpty()) {
            String broken = brokenStageRule(stages);
            if (broken != null) {
                violations.add("stages", broken);
            }
        }
        violations.throwIfAny();
        return new Pipeline(id, tenantId, 1, name, definition.policy(), stages, now, now);
    }

    /** The stage with {@code id}, retired or not, if it is one of this pipeline's. */
    public Optional<Stage> stage(StageId stageId) {
        return stages.stream().filter(s -> s.id().equals(stageId)).findFirst();
    }

    /**
     * The stage with {@code id}, retired or not.
     *
     * @throws NotFoundException if it is not a stage of this pipeline
     */
    public Stage requireStage(StageId stageId) {
        return stage(stageId).orElseThrow(() -> new NotFoundException("Stage", stageId + " of pipeline " + id));
    }

    /** The active stages, in board order. */
    public List<Stage> activeStages() {
        return stages.stream().filter(Stage::isActive).toList();
    }

    /** The first active stage of {@code kind} in board order (there always is one). */
    public Stage firstStage(StageKind kind) {
        return stages.stream().filter(s -> s.isActive() && s.kind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("a pipeline always has an active " + kind + " stage"));
    }

    /**
     * Why this pipeline's policy refuses moving an open deal from {@code from} to the open stage {@code to}, or
     * empty if it allows it. Moves to WON and LOST stages are always allowed.
     */
    public Optional<String> refusalToMove(Stage from, Stage to) {
        if (!from.isOpen() || !to.isOpen() || policy == TransitionPolicy.FREE) {
            return Optional.empty();
        }
        List<Stage> open = stages.stream().filter(s -> s.isActive() && s.isOpen()).toList();
        int fromIndex = indexOf(open, from.id());
        int toIndex = indexOf(open, to.id());
        if (toIndex == fromIndex + 1) {
            return Optional.empty();
        }
        if (toIndex <= fromIndex) {
            return Optional.of("pipeline '" + name + "' moves deals forward only: '" + to.name()
                    + "' comes before '" + from.name() + "'");
        }
        return Optional.of("pipeline '" + name + "' does not skip stages: the next stage after '" + from.name()
                + "' is '" + open.get(fromIndex + 1).name() + "', not '" + to.name() + "'");
    }

    private static int indexOf(List<Stage> stages, StageId id) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** This pipeline renamed, at the next version. */
    public Pipeline rename(String newName, Instant now) {
        return next(TextRules.required("name", newName, MAX_NAME_LENGTH), policy, stages, now);
    }

    /** This pipeline with another transition policy, at the next version. */
    public Pipeline withPolicy(TransitionPolicy newPolicy, Instant now) {
        if (newPolicy == null) {
            throw InvalidInputException.of("policy", "must not be null");
        }
        return next(name, newPolicy, stages, now);
    }

    /**
     * This pipeline with {@code stage} added, at the next version.
     *
     * @param position where among the active stages it goes (0 = first, the number of active stages = last), or
     *                 null to put an OPEN stage after the last active OPEN stage and a closed one after the last
     *                 active stage
     * @throws InvalidInputException if the position is out of range, an active stage has the same name, or the
     *                               pipeline already has {@value #MAX_ACTIVE_STAGES} active stages
     */
    public Pipeline addStage(Stage stage, Integer position, Instant now) {
        List<Stage> active = activeStages();
        if (position != null && (position < 0 || position > active.size())) {
            throw InvalidInputException.of("position", "must be between 0 and " + active.size());
        }
        if (active.stream().anyMatch(s -> s.isNamed(stage.name()))) {
            throw InvalidInputException.of("stage.name", "another active stage is already named '" + stage.name()
                    + "'");
        }
        if (active.size() >= MAX_ACTIVE_STAGES || stages.size() >= MAX_STAGES) {
            throw InvalidInputException.of("stage", "the pipeline already has as many stages as it can hold");
        }
        List<Stage> changed = new ArrayList<>(stages);
        int at;
        if (position != null) {
            at = position == active.size() ? stages.indexOf(active.get(active.size() - 1)) + 1
                    : stages.indexOf(active.get(position));
        } else {
            Stage after = active.get(active.size() - 1);
            if (stage.isOpen()) {
                after = active.stream().filter(Stage::isOpen).reduce((a, b) -> b).orElseThrow();
            }
            at = stages.indexOf(after) + 1;
        }
        changed.add(at, stage);
        return next(name, policy, changed, now);
    }

    /**
     * This pipeline with the active stage {@code stageId} redefined (name, probability, forecast category, follow-up),
     * at the next version. Deals already in the stage keep the probability they have; the new default applies to deals
     * that enter the stage from now on.
     *
     * @throws NotFoundException           if it is not a stage of this pipeline
     * @throws IllegalTransitionException  if the stage is retired, or the definition changes its kind
     * @throws InvalidInputException       if another active stage has the new name, or the definition is invalid
     */
    public Pipeline changeStage(StageId stageId, StageDefinition definition, Instant now) {
        Stage current = requireStage(stageId);
        if (current.retired()) {
            throw new IllegalTransitionException("Pipeline", id, "stage '" + current.name()
                    + "' is retired and cannot be changed");
        }
        if (definition.kind() != current.kind()) {
            throw new IllegalTransitionException("Pipeline", id, "stage '" + current.name() + "' is a "
                    + current.kind() + " stage; a stage's kind never changes: add a new stage and retire this one");
        }
        Stage changedStage = Stage.of(stageId, definition);
        if (activeStages().stream().anyMatch(s -> !s.id().equals(stageId) && s.isNamed(changedStage.name()))) {
            throw InvalidInputException.of("stage.name", "another active stage is already named '"
                    + changedStage.name() + "'");
        }
        List<Stage> changed = new ArrayList<>(stages);
        changed.set(changed.indexOf(current), changedStage);
        return next(name, policy, changed, now);
    }

    /**
     * This pipeline with its active stages in {@code order}, at the next version; retired stages follow them.
     *
     * @throws InvalidInputException if {@code order} is not exactly the ids of the active stages, each once
     */
    public Pipeline reorder(List<StageId> order, Instant now) {
        List<Stage> active = activeStages();
        if (order == null || order.size() != active.size() || new HashSet<>(order).size() != order.size()
                || !active.stream().allMatch(s -> order.contains(s.id()))) {
            throw InvalidInputException.of("order", "must list the ids of the " + active.size()
                    + " active stages, each exactly once");
        }
        List<Stage> changed = new ArrayList<>();
        for (StageId stageId : order) {
            changed.add(requireStage(stageId));
        }
        stages.stream().filter(Stage::retired).forEach(changed::add);
        return next(name, policy, changed, now);
    }

    /**
     * This pipeline with the stage {@code stageId} retired, at the next version. Moving the deals it holds is the
     * caller's part ({@link Pipelines#retireStage}).
     *
     * @throws NotFoundException          if it is not a stage of this pipeline
     * @throws IllegalTransitionException if it already is retired, or it is the last active stage of its kind
     */
    public Pipeline retire(StageId stageId, Instant now) {
        Stage current = requireStage(stageId);
        if (current.retired()) {
            throw new IllegalTransitionException("Pipeline", id, "stage '" + current.name() + "' already is retired");
        }
        if (activeStages().stream().filter(s -> s.kind() == current.kind()).count() == 1) {
            throw new IllegalTransitionException("Pipeline", id, "stage '" + current.name() + "' is the last active "
                    + current.kind() + " stage; a pipeline keeps at least one OPEN, one WON and one LOST stage");
        }
        List<Stage> changed = new ArrayList<>(stages);
        changed.set(changed.indexOf(current), current.retire());
        return next(name, policy, changed, now);
    }

    private Pipeline next(String newName, TransitionPolicy newPolicy, List<Stage> newStages, Instant now) {
        return new Pipeline(id, tenantId, version + 1, newName, newPolicy, newStages, createdAt,
                now.isBefore(createdAt) ? createdAt : now);
    }
}
