package io.crmkit.pipeline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What is needed to define a pipeline: a name, its stages in order, and its transition policy.
 *
 * <pre>{@code
 * PipelineDefinition renewals = PipelineDefinition.named("Renewals")
 *         .stage(StageDefinition.open("Up for renewal", 40))
 *         .stage(StageDefinition.open("Quote sent", 70).forecast(ForecastCategory.COMMIT))
 *         .stage(StageDefinition.won("Renewed"))
 *         .stage(StageDefinition.lost("Churned"))
 *         .policy(TransitionPolicy.FORWARD_ONLY_NO_SKIP)
 *         .build();
 * }</pre>
 *
 * <p>Validated when submitted: every problem is reported at once with its path ({@code stages[2].probability}); a
 * definition without an OPEN, a WON or a LOST stage, or with two stages of the same name, is refused.
 *
 * @param name   1 to {@value Pipeline#MAX_NAME_LENGTH} characters
 * @param policy the transition policy; {@link TransitionPolicy#FREE} if null
 * @param stages the stages in board order, 3 to {@value Pipeline#MAX_ACTIVE_STAGES}
 */
public record PipelineDefinition(
        @NotBlank @Size(max = Pipeline.MAX_NAME_LENGTH) String name,
        TransitionPolicy policy,
        @NotNull @Size(min = 3, max = Pipeline.MAX_ACTIVE_STAGES) List<@Valid StageDefinition> stages) {

    /** Copies the stages; a null policy becomes {@link TransitionPolicy#FREE}. */
    public PipelineDefinition {
        policy = policy == null ? TransitionPolicy.FREE : policy;
        stages = stages == null ? null : Collections.unmodifiableList(new ArrayList<>(stages));
    }

    /** Starts a definition. */
    public static Builder named(String name) {
        return new Builder(name);
    }

    /**
     * The ready-made pipeline "Sales": Initial contact 10 % → Demo scheduled 25 % → Proposal sent 50 % (best case;
     * creates the task "Follow up on proposal" due 3 days later for the deal's owner) → Negotiation 75 % (commit) →
     * Won 100 % / Lost 0 %, with the free transition policy.
     */
    public static PipelineDefinition standard() {
        return named("Sales")
                .stage(StageDefinition.open("Initial contact", 10))
                .stage(StageDefinition.open("Demo scheduled", 25))
                .stage(StageDefinition.open("Proposal sent", 50).forecast(ForecastCategory.BEST_CASE)
                        .followUp(FollowUp.of("Follow up on proposal", Duration.ofDays(3))))
                .stage(StageDefinition.open("Negotiation", 75).forecast(ForecastCategory.COMMIT))
                .stage(StageDefinition.won("Won"))
                .stage(StageDefinition.lost("Lost"))
                .build();
    }

    /** Builds a {@link PipelineDefinition}; validated when submitted, not here. */
    public static final class Builder {
        private final String name;
        private TransitionPolicy policy = TransitionPolicy.FREE;
        private final List<StageDefinition> stages = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Appends a stage. */
        public Builder stage(StageDefinition stage) {
            stages.add(stage);
            return this;
        }

        /** Sets the transition policy. */
        public Builder policy(TransitionPolicy policy) {
            this.policy = policy;
            return this;
        }

        public PipelineDefinition build() {
            return new PipelineDefinition(name, policy, stages);
        }
    }
}
