package io.crmkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A pipeline")
class PipelineTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private final AtomicLong ids = new AtomicLong();

    private Pipeline define(PipelineDefinition definition) {
        return Pipeline.define(new PipelineId(new UUID(0, ids.incrementAndGet())), TenantId.DEFAULT, definition,
                () -> new StageId(new UUID(1, ids.incrementAndGet())), NOW);
    }

    private static Stage named(Pipeline p, String name) {
        return SalesFixture.stage(p, name);
    }

    @Nested
    @DisplayName("when defined")
    class Defining {

        @Test
        @DisplayName("keeps its stages in the given order with their defaults")
        void standard() {
            Pipeline p = define(PipelineDefinition.standard());
            assertThat(p.version()).isEqualTo(1);
            assertThat(p.stages()).extracting(Stage::name).containsExactly("Initial contact", "Demo scheduled",
                    "Proposal sent", "Negotiation", "Won", "Lost");
            assertThat(p.stages()).extracting(Stage::probability).containsExactly(10, 25, 50, 75, 100, 0);
            assertThat(p.stages()).extracting(Stage::forecastCategory).containsExactly(ForecastCategory.PIPELINE,
                    ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE, ForecastCategory.COMMIT,
                    ForecastCategory.CLOSED, ForecastCategory.OMITTED);
            assertThat(named(p, "Proposal sent").followUp())
                    .isEqualTo(FollowUp.of("Follow up on proposal", Duration.ofDays(3)));
            assertThat(p.policy()).isEqualTo(TransitionPolicy.FREE);
        }

        @Test
        @DisplayName("is refused without a WON stage, naming what is missing")
        void needsWon() {
            PipelineDefinition d = PipelineDefinition.named("No wins").stage(StageDefinition.open("A", 10))
                    .stage(StageDefinition.open("B", 20)).stage(StageDefinition.lost("Lost")).build();
            assertThatThrownBy(() -> define(d)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("stages: ").hasMessageContaining("no active WON stage");
        }

        @Test
        @DisplayName("lists every problem of its stages at once, with their paths")
        void everyProblem() {
            PipelineDefinition d = PipelineDefinition.named(" ")
                    .stage(StageDefinition.open("Qualify", 10))
                    .stage(StageDefinition.open("qualify", 20))
                    .stage(new StageDefinition("Won", StageKind.WON, 90, null, null))
                    .stage(StageDefinition.lost("Lost").forecast(ForecastCategory.COMMIT))
                    .stage(new StageDefinition("Open", StageKind.OPEN, null, null, null))
                    .build();
            assertThatThrownBy(() -> define(d)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.violations()).extracting(InvalidInputException.Violation::path)
                            .containsExactly("name", "stages[1].name", "stages[2].probability",
                                    "stages[3].forecastCategory", "stages[4].probability"));
        }

        @Test
        @DisplayName("refuses a follow-up without a subject, due too soon, too late or not in whole seconds")
        void followUps() {
            assertThatThrownBy(() -> FollowUp.of(" ", Duration.ofDays(1))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("subject");
            for (Duration bad : List.of(Duration.ofSeconds(59), Duration.ofDays(367),
                    Duration.ofMinutes(5).plusMillis(1))) {
                assertThatThrownBy(() -> FollowUp.of("Call", bad)).isInstanceOf(InvalidInputException.class)
                        .hasMessageContaining("dueAfter");
            }
            assertThat(new FollowUp("Call", Duration.ofMinutes(1), null).priority())
                    .isEqualTo(io.crmkit.task.TaskPriority.NORMAL);
        }

        @Test
        @DisplayName("refuses an OPEN stage in forecast category CLOSED")
        void openNeverClosed() {
            assertThatThrownBy(() -> Stage.of(new StageId(new UUID(5, 5)),
                    StageDefinition.open("Almost", 99).forecast(ForecastCategory.CLOSED)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("forecastCategory");
        }
    }

    @Nested
    @DisplayName("under the forward-only policy")
    class ForwardOnly {

        private final Pipeline p = define(PipelineDefinition.standard()).withPolicy(
                TransitionPolicy.FORWARD_ONLY_NO_SKIP, NOW);

        @Test
        @DisplayName("allows the next open stage, and closing from any open stage")
        void next() {
            assertThat(p.refusalToMove(named(p, "Initial contact"), named(p, "Demo scheduled"))).isEmpty();
            assertThat(p.refusalToMove(named(p, "Initial contact"), named(p, "Won"))).isEmpty();
            assertThat(p.refusalToMove(named(p, "Demo scheduled"), named(p, "Lost"))).isEmpty();
        }

        @Test
        @DisplayName("refuses a skip and a move back, saying why")
        void refuses() {
            assertThat(p.refusalToMove(named(p, "Initial contact"), named(p, "Proposal sent")))
                    .hasValueSatisfying(r -> assertThat(r).contains("does not skip")
                            .contains("the next stage after 'Initial contact' is 'Demo scheduled'"));
            assertThat(p.refusalToMove(named(p, "Negotiation"), named(p, "Demo scheduled")))
                    .hasValueSatisfying(r -> assertThat(r).contains("forward only"));
        }

        @Test
        @DisplayName("skips retired stages when it looks for the next one")
        void retiredSkipped() {
            Pipeline retired = p.retire(named(p, "Demo scheduled").id(), NOW);
            assertThat(retired.refusalToMove(named(p, "Initial contact"), named(p, "Proposal sent"))).isEmpty();
        }

        @Test
        @DisplayName("under the free policy, allows any move")
        void free() {
            Pipeline free = p.withPolicy(TransitionPolicy.FREE, NOW);
            assertThat(free.refusalToMove(named(p, "Negotiation"), named(p, "Initial contact"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("when changed")
    class Changing {

        private final Pipeline p = define(PipelineDefinition.standard());

        @Test
        @DisplayName("puts a new OPEN stage after the last open stage, a closed one at the end")
        void addDefaults() {
            Pipeline added = p.addStage(Stage.of(new StageId(new UUID(9, 1)), StageDefinition.open("Contract", 90)),
                    null, NOW);
            assertThat(added.version()).isEqualTo(2);
            assertThat(added.stages()).extracting(Stage::name).containsExactly("Initial contact", "Demo scheduled",
                    "Proposal sent", "Negotiation", "Contract", "Won", "Lost");
            Pipeline lost = added.addStage(Stage.of(new StageId(new UUID(9, 2)), StageDefinition.lost("No show")),
                    null, NOW);
            assertThat(lost.stages().get(lost.stages().size() - 1).name()).isEqualTo("No show");
        }

        @Test
        @DisplayName("puts a stage at a position among the active stages")
        void addAt() {
            Pipeline added = p.addStage(Stage.of(new StageId(new UUID(9, 1)), StageDefinition.open("Lead in", 5)),
                    0, NOW);
            assertThat(added.stages().get(0).name()).isEqualTo("Lead in");
            assertThatThrownBy(() -> p.addStage(Stage.of(new StageId(new UUID(9, 1)), StageDefinition.open("X", 5)),
                    7, NOW)).isInstanceOf(InvalidInputException.class).hasMessageContaining("position");
        }

        @Test
        @DisplayName("refuses a second active stage of the same name, ignoring case")
        void uniqueNames() {
            assertThatThrownBy(() -> p.addStage(Stage.of(new StageId(new UUID(9, 1)),
                    StageDefinition.open("NEGOTIATION", 80)), null, NOW))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("stage.name");
        }

        @Test
        @DisplayName("refuses to retire the last active stage of a kind")
        void lastOfKind() {
            assertThatThrownBy(() -> p.retire(named(p, "Won").id(), NOW))
                    .isInstanceOf(IllegalTransitionException.class)
                    .hasMessageContaining("last active WON stage");
        }

        @Test
        @DisplayName("keeps a retired stage, so that histories can still name it")
        void retiredKept() {
            Pipeline retired = p.retire(named(p, "Demo scheduled").id(), NOW);
            assertThat(retired.stage(named(p, "Demo scheduled").id())).hasValueSatisfying(s ->
                    assertThat(s.retired()).isTrue());
            assertThat(retired.activeStages()).extracting(Stage::name).doesNotContain("Demo scheduled");
            assertThatThrownBy(() -> retired.retire(named(p, "Demo scheduled").id(), NOW))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("already is retired");
        }

        @Test
        @DisplayName("never changes a stage's kind")
        void kindFixed() {
            assertThatThrownBy(() -> p.changeStage(named(p, "Negotiation").id(), StageDefinition.won("Signed"), NOW))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("kind never changes");
        }

        @Test
        @DisplayName("changes a stage's name, probability and follow-up")
        void changeStage() {
            Stage negotiation = named(p, "Negotiation");
            Pipeline changed = p.changeStage(negotiation.id(), StageDefinition.open("Closing", 80)
                    .forecast(ForecastCategory.COMMIT), NOW);
            assertThat(changed.requireStage(negotiation.id())).satisfies(s -> {
                assertThat(s.name()).isEqualTo("Closing");
                assertThat(s.probability()).isEqualTo(80);
            });
        }

        @Test
        @DisplayName("reorders the active stages and puts the retired ones last")
        void reorder() {
            Pipeline retired = p.retire(named(p, "Demo scheduled").id(), NOW);
            List<StageId> order = List.of(named(p, "Won").id(), named(p, "Lost").id(), named(p, "Negotiation").id(),
                    named(p, "Proposal sent").id(), named(p, "Initial contact").id());
            Pipeline reordered = retired.reorder(order, NOW);
            assertThat(reordered.stages()).extracting(Stage::name).containsExactly("Won", "Lost", "Negotiation",
                    "Proposal sent", "Initial contact", "Demo scheduled");
            assertThatThrownBy(() -> retired.reorder(order.subList(0, 4), NOW))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("order");
        }

        @Test
        @DisplayName("reports a stage it does not have as not found")
        void unknownStage() {
            assertThatThrownBy(() -> p.requireStage(new StageId(new UUID(7, 7))))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
