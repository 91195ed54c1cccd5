package io.crmkit.pipeline;

import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The pipelines of one tenant, its default pipeline and its lost reasons. Obtained from {@code crm.pipelines()} or
 * {@code crm.tenant(id).pipelines()}.
 *
 * <pre>{@code
 * Pipeline sales = crm.pipelines().installDefault();     // Initial contact → ... → Won / Lost
 * }</pre>
 *
 * <p>Every method validates its input first and refuses bad input with an {@link InvalidInputException} listing every
 * problem. Changes take the version the caller based them on and fail with {@link ConcurrentModificationException} if
 * somebody else saved in between. A change that would leave a pipeline without an active OPEN, WON or LOST stage is
 * refused with {@link IllegalTransitionException}; nothing changes then. Changing a stage's default probability does
 * not change deals already in it: the default applies to deals as they enter the stage.
 */
public interface Pipelines {

    /**
     * Defines a pipeline. The tenant's first pipeline becomes its default.
     *
     * @throws InvalidInputException listing every problem of the definition
     */
    Pipeline define(PipelineDefinition definition);

    /**
     * Installs the ready-made pipeline ({@link PipelineDefinition#standard()}) as the tenant's default, if the tenant
     * has no default pipeline yet; otherwise returns the default pipeline unchanged. Safe to call at every start.
     */
    Pipeline installDefault();

    /** The pipeline, if it exists in this tenant. */
    Optional<Pipeline> find(PipelineId id);

    /**
     * The pipeline.
     *
     * @throws NotFoundException if it does not exist in this tenant
     */
    Pipeline get(PipelineId id);

    /** The tenant's default pipeline, if it has one. */
    Optional<Pipeline> defaultPipeline();

    /**
     * Makes the pipeline the tenant's default.
     *
     * @throws NotFoundException if it does not exist
     */
    Pipeline makeDefault(PipelineId id);

    /** A page of the tenant's pipelines, by id (definition order). */
    Page<Pipeline> list(PageRequest page);

    /**
     * Renames a pipeline.
     *
     * @throws InvalidInputException           if the name is blank or too long
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Pipeline rename(PipelineId id, long expectedVersion, String name);

    /**
     * Sets the transition policy. It applies to moves from now on; deals stay where they are.
     *
     * @throws NotFoundException               if it does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Pipeline changePolicy(PipelineId id, long expectedVersion, TransitionPolicy policy);

    /**
     * Adds a stage: an OPEN stage after the last active OPEN stage, a WON or LOST stage at the end.
     *
     * @throws InvalidInputException           listing the problems of the stage, also a name another active stage
     *                                         has, or too many stages
     * @throws NotFoundException               if the pipeline does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Pipeline addStage(PipelineId id, long expectedVersion, StageDefinition stage);

    /**
     * Adds a stage at {@code position} among the active stages (0 = first).
     *
     * @throws InvalidInputException if the position is out of range; see {@link #addStage(PipelineId, long,
     *                               StageDefinition)}
     */
    Pipeline addStage(PipelineId id, long expectedVersion, StageDefinition stage, int position);

    /**
     * Redefines an active stage: name, default probability, forecast category, follow-up. Its kind never changes.
     *
     * @throws InvalidInputException           listing the problems of the definition
     * @throws NotFoundException               if the pipeline does not exist or the stage is not one of its stages
     * @throws IllegalTransitionException      if the stage is retired or the definition has another kind
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Pipeline changeStage(PipelineId id, long expectedVersion, StageId stage, StageDefinition definition);

    /**
     * Puts the active stages in {@code order}; retired stages follow them.
     *
     * @throws InvalidInputException           if {@code order} is not the ids of the active stages, each once
     * @throws NotFoundException               if the pipeline does not exist
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Pipeline reorderStages(PipelineId id, long expectedVersion, List<StageId> order);

    /**
     * Retires a stage that holds no deals.
     *
     * @throws IllegalTransitionException      if it still holds deals (name where they go with
     *                                         {@link #retireStage(PipelineId, long, StageId, StageId, UserId)}), is
     *                                         already retired, or is the last active stage of its kind
     * @throws NotFoundException               if the pipeline does not exist or the stage is not one of its stages
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Pipeline retireStage(PipelineId id, long expectedVersion, StageId stage, UserId by);

    /**
     * Retires a stage and moves the deals it holds to the active stage {@code moveDealsTo} of the same kind, in one
     * unit of work. Each move appends a {@link DealChangeKind#STAGE_RETIRED} entry to the deal's history (by
     * {@code by}) and publishes a {@link DealStageChanged}; open deals take the target's default probability. Moved
     * deals do not trigger the target's follow-up task.
     *
     * @throws InvalidInputException           if {@code moveDealsTo} is the retiring stage, retired, or of another
     *                                         kind
     * @throws IllegalTransitionException      if the stage is already retired or the last active stage of its kind
     * @throws NotFoundException               if the pipeline does not exist or a stage is not one of its stages
     * @throws ConcurrentModificationException if its version is not {@code expectedVersion}
     */
    Pipeline retireStage(PipelineId id, long expectedVersion, StageId stage, StageId moveDealsTo, UserId by);

    /** The reasons a deal of this tenant can be lost for; {@link PipelineSettings#DEFAULT_LOST_REASONS} until set. */
    List<String> lostReasons();

    /**
     * Replaces the list of lost reasons. Deals lost for a reason that leaves the list keep it.
     *
     * @return the list as stored (trimmed)
     * @throws InvalidInputException if the list is empty or too long, or a reason is blank, too long or there twice
     */
    List<String> changeLostReasons(List<String> reasons);
}
