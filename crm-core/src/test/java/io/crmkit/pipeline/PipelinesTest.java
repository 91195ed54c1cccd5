package io.crmkit.pipeline;

import static io.crmkit.pipeline.SalesFixture.ALICE;
import static io.crmkit.pipeline.SalesFixture.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Pipelines")
class PipelinesTest {

    private final SalesFixture f = new SalesFixture();
    private final Pipelines pipelines = f.crm.pipelines();

    private static PipelineDefinition renewals() {
        return PipelineDefinition.named("Renewals")
                .stage(StageDefinition.open("Up for renewal", 40))
                .stage(StageDefinition.open("Quote sent", 70).forecast(ForecastCategory.COMMIT))
                .stage(StageDefinition.won("Renewed"))
                .stage(StageDefinition.lost("Churned"))
                .policy(TransitionPolicy.FORWARD_ONLY_NO_SKIP)
                .build();
    }

    @Nested
    @DisplayName("defining")
    class Defining {

        @Test
        @DisplayName("stores the pipeline and makes the tenant's first one its default")
        void firstIsDefault() {
            Pipeline renewals = pipelines.define(renewals());
            assertThat(pipelines.get(renewals.id())).isEqualTo(renewals);
            assertThat(pipelines.defaultPipeline()).contains(renewals);
            Pipeline second = pipelines.define(PipelineDefinition.standard());
            assertThat(pipelines.defaultPipeline()).contains(renewals);
            assertThat(f.events(PipelineDefined.class)).extracting(PipelineDefined::pipelineId)
                    .containsExactly(renewals.id(), second.id());
            assertThat(f.events(DefaultPipelineChanged.class)).singleElement()
                    .satisfies(e -> assertThat(e.pipelineId()).isEqualTo(renewals.id()));
        }

        @Test
        @DisplayName("installs the ready-made pipeline once, however often it is called")
        void installDefault() {
            Pipeline installed = pipelines.installDefault();
            assertThat(installed.name()).isEqualTo("Sales");
            assertThat(pipelines.installDefault()).isEqualTo(installed);
            assertThat(pipelines.list(PageRequest.first()).items()).containsExactly(installed);
        }

        @Test
        @DisplayName("does not replace an existing default when installing the ready-made pipeline")
        void installKeepsDefault() {
            Pipeline renewals = pipelines.define(renewals());
            assertThat(pipelines.installDefault()).isEqualTo(renewals);
        }

        @Test
        @DisplayName("refuses an invalid definition listing every problem, and stores nothing")
        void invalid() {
            PipelineDefinition bad = PipelineDefinition.named("").stage(StageDefinition.open("A", 120))
                    .stage(null).build();
            assertThatThrownBy(() -> pipelines.define(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.violations()).extracting(InvalidInputException.Violation::path)
                            .containsExactly("name", "stages", "stages[0].probability", "stages[1]"));
            assertThatThrownBy(() -> pipelines.define(null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("definition");
            assertThat(pipelines.list(PageRequest.first()).items()).isEmpty();
            assertThat(f.events).isEmpty();
        }

        @Test
        @DisplayName("switches the default pipeline")
        void makeDefault() {
            Pipeline sales = pipelines.installDefault();
            Pipeline renewals = pipelines.define(renewals());
            pipelines.makeDefault(renewals.id());
            assertThat(pipelines.defaultPipeline()).contains(renewals);
            assertThat(f.events(DefaultPipelineChanged.class)).last()
                    .satisfies(e -> assertThat(e.previous()).isEqualTo(sales.id()));
            assertThatThrownBy(() -> pipelines.makeDefault(new PipelineId(new UUID(1, 2))))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("lists pipelines page by page in definition order")
        void list() {
            List<Pipeline> defined = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                defined.add(pipelines.define(PipelineDefinition.named("P" + i)
                        .stage(StageDefinition.open("Open", 10)).stage(StageDefinition.won("Won"))
                        .stage(StageDefinition.lost("Lost")).build()));
            }
            List<Pipeline> seen = new ArrayList<>();
            Page<Pipeline> page = pipelines.list(PageRequest.first(2));
            seen.addAll(page.items());
            while (page.hasNext()) {
                page = pipelines.list(page.nextRequest().orElseThrow());
                seen.addAll(page.items());
            }
            assertThat(seen).isEqualTo(defined);
        }
    }

    @Nested
    @DisplayName("changing")
    class Changing {

        private final Pipeline sales = pipelines.installDefault();

        @Test
        @DisplayName("renames, changes the policy and adds a stage, each at the next version with an event")
        void changes() {
            Pipeline renamed = pipelines.rename(sales.id(), 1, "New business");
            Pipeline strict = pipelines.changePolicy(sales.id(), 2, TransitionPolicy.FORWARD_ONLY_NO_SKIP);
            Pipeline added = pipelines.addStage(sales.id(), 3, StageDefinition.open("Contract sent", 90));
            assertThat(added.version()).isEqualTo(4);
            assertThat(added.name()).isEqualTo("New business");
            assertThat(added.policy()).isEqualTo(TransitionPolicy.FORWARD_ONLY_NO_SKIP);
            assertThat(stage(added, "Contract sent").probability()).isEqualTo(90);
            assertThat(pipelines.get(sales.id())).isEqualTo(added);
            assertThat(f.events(PipelineChanged.class)).extracting(PipelineChanged::change).containsExactly(
                    PipelineChanged.Change.RENAMED, PipelineChanged.Change.POLICY_CHANGED,
                    PipelineChanged.Change.STAGE_ADDED);
            assertThat(renamed.version()).isEqualTo(2);
            assertThat(strict.version()).isEqualTo(3);
        }

        @Test
        @DisplayName("refuses a stale version and changes nothing")
        void stale() {
            pipelines.rename(sales.id(), 1, "New business");
            f.drainEvents();
            assertThatThrownBy(() -> pipelines.rename(sales.id(), 1, "Other"))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(pipelines.get(sales.id()).name()).isEqualTo("New business");
            assertThat(f.events).isEmpty();
        }

        @Test
        @DisplayName("refuses an invalid stage with its paths")
        void invalidStage() {
            assertThatThrownBy(() -> pipelines.addStage(sales.id(), 1, new StageDefinition("", StageKind.WON, 50,
                    null, null))).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.violations()).extracting(InvalidInputException.Violation::path)
                            .contains("stage.name"));
            assertThatThrownBy(() -> pipelines.addStage(sales.id(), 1, StageDefinition.won("Signed")
                    .probability(50))).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("stage.probability: a WON stage has probability 100");
            assertThatThrownBy(() -> pipelines.addStage(sales.id(), 1, StageDefinition.open("Negotiation", 50)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("stage.name");
            assertThat(pipelines.get(sales.id())).isEqualTo(sales);
        }

        @Test
        @DisplayName("changes a stage; deals already in it keep their probability")
        void changeStage() {
            Customer c = f.customer("Miller");
            Deal deal = f.open(c, "100.00");
            Stage initial = stage(sales, "Initial contact");
            Pipeline changed = pipelines.changeStage(sales.id(), 1, initial.id(), StageDefinition.open("First call",
                    15));
            assertThat(changed.requireStage(initial.id()).name()).isEqualTo("First call");
            assertThat(f.crm.deals().get(deal.id()).probability()).isEqualTo(10);
            Deal later = f.open(c, "200.00");
            assertThat(later.probability()).isEqualTo(15);
        }

        @Test
        @DisplayName("reorders stages")
        void reorder() {
            List<StageId> order = new ArrayList<>(sales.activeStages().stream().map(Stage::id).toList());
            java.util.Collections.reverse(order);
            Pipeline reordered = pipelines.reorderStages(sales.id(), 1, order);
            assertThat(reordered.stages()).extracting(Stage::id).isEqualTo(order);
        }
    }

    @Nested
    @DisplayName("retiring a stage")
    class Retiring {

        private final Pipeline sales = pipelines.installDefault();
        private final Stage demo = stage(sales, "Demo scheduled");
        private final Stage proposal = stage(sales, "Proposal sent");

        @Test
        @DisplayName("that holds no deals needs no target")
        void empty() {
            Pipeline retired = pipelines.retireStage(sales.id(), 1, demo.id(), ALICE);
            assertThat(retired.requireStage(demo.id()).retired()).isTrue();
            assertThat(f.events(StageRetired.class)).singleElement().satisfies(e -> {
                assertThat(e.dealsMoved()).isZero();
                assertThat(e.movedTo()).isNull();
            });
        }

        @Test
        @DisplayName("that holds deals is refused without a target, and nothing changes")
        void needsTarget() {
            Deal deal = inDemo();
            f.drainEvents();
            assertThatThrownBy(() -> pipelines.retireStage(sales.id(), 1, demo.id(), ALICE))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("still holds deals");
            assertThat(pipelines.get(sales.id())).isEqualTo(sales);
            assertThat(f.crm.deals().get(deal.id()).stageId()).isEqualTo(demo.id());
            assertThat(f.events).isEmpty();
        }

        @Test
        @DisplayName("moves its deals to the target, each move in the deal's history")
        void moves() {
            Deal a = inDemo();
            Deal b = inDemo();
            Deal overridden = f.crm.deals().overrideProbability(b.id(), b.version(), 60, ALICE);
            f.drainEvents();
            Pipeline retired = pipelines.retireStage(sales.id(), 1, demo.id(), proposal.id(), SalesFixture.BOB);
            assertThat(retired.version()).isEqualTo(2);
            for (Deal before : List.of(a, overridden)) {
                Deal after = f.crm.deals().get(before.id());
                assertThat(after.stageId()).isEqualTo(proposal.id());
                assertThat(after.probability()).isEqualTo(50);
                assertThat(after.stageEnteredAt()).isEqualTo(f.clock.instant());
                DealHistoryEntry newest = f.crm.deals().history(before.id(), PageRequest.first(1)).items().get(0);
                assertThat(newest.kind()).isEqualTo(DealChangeKind.STAGE_RETIRED);
                assertThat(newest.fromStage()).isEqualTo(demo.id());
                assertThat(newest.toStage()).isEqualTo(proposal.id());
                assertThat(newest.by()).isEqualTo(SalesFixture.BOB);
            }
            assertThat(f.events(DealStageChanged.class)).hasSize(2);
            assertThat(f.events(StageRetired.class)).singleElement()
                    .satisfies(e -> assertThat(e.dealsMoved()).isEqualTo(2));
            // Deals moved by a retirement do not trigger the follow-up of "Proposal sent".
            assertThat(f.crm.tasks().ofDeal(a.id(), PageRequest.first()).items()).isEmpty();
            assertThat(f.crm.deals().board(sales.id(), demo.id(), PageRequest.first()).items()).isEmpty();
        }

        @Test
        @DisplayName("refuses a target of another kind, a retired one, or the stage itself")
        void badTarget() {
            inDemo();
            Stage won = stage(sales, "Won");
            assertThatThrownBy(() -> pipelines.retireStage(sales.id(), 1, demo.id(), won.id(), ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("moveDealsTo");
            assertThatThrownBy(() -> pipelines.retireStage(sales.id(), 1, demo.id(), demo.id(), ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("moveDealsTo");
            Pipeline retired = pipelines.retireStage(sales.id(), 1, stage(sales, "Negotiation").id(), ALICE);
            assertThatThrownBy(() -> pipelines.retireStage(sales.id(), retired.version(), demo.id(),
                    stage(sales, "Negotiation").id(), ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("moveDealsTo");
        }

        @Test
        @DisplayName("refuses the last active WON stage")
        void lastWon() {
            assertThatThrownBy(() -> pipelines.retireStage(sales.id(), 1, stage(sales, "Won").id(), ALICE))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("at least one");
        }

        @Test
        @DisplayName("moves closed deals between closed stages, keeping their closing")
        void closedDeals() {
            Pipeline withTwoLost = pipelines.addStage(sales.id(), 1, StageDefinition.lost("No show"));
            Deal deal = inDemo();
            Deal lost = f.crm.deals().lose(deal.id(), deal.version(), DealLoss.because("price", ALICE));
            Pipeline retired = pipelines.retireStage(sales.id(), withTwoLost.version(), stage(sales, "Lost").id(),
                    stage(withTwoLost, "No show").id(), ALICE);
            Deal moved = f.crm.deals().get(deal.id());
            assertThat(moved.stageId()).isEqualTo(stage(withTwoLost, "No show").id());
            assertThat(moved.closedAt()).isEqualTo(lost.closedAt());
            assertThat(moved.lostReason()).isEqualTo("Price");
            assertThat(retired.requireStage(stage(sales, "Lost").id()).retired()).isTrue();
        }

        private Deal inDemo() {
            Customer c = f.customer("Miller");
            return f.crm.deals().open(DealOpening.builder(c.id(), "Candles", ALICE, SalesFixture.eur("500.00"),
                    java.time.LocalDate.of(2026, 5, 1)).stage(demo.id()).build()).deal();
        }
    }

    @Nested
    @DisplayName("lost reasons")
    class LostReasons {

        @Test
        @DisplayName("are the default list until the tenant sets its own")
        void defaults() {
            assertThat(pipelines.lostReasons()).isEqualTo(PipelineSettings.DEFAULT_LOST_REASONS);
            assertThat(pipelines.changeLostReasons(List.of(" Too expensive ", "Went quiet")))
                    .containsExactly("Too expensive", "Went quiet");
            assertThat(pipelines.lostReasons()).containsExactly("Too expensive", "Went quiet");
        }

        @Test
        @DisplayName("refuse an empty list, blanks and duplicates, keeping the stored list")
        void refused() {
            assertThatThrownBy(() -> pipelines.changeLostReasons(List.of()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("lostReasons");
            assertThatThrownBy(() -> pipelines.changeLostReasons(List.of("Price", "price")))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("lostReasons[1]");
            assertThatThrownBy(() -> pipelines.changeLostReasons(java.util.Arrays.asList("Price", null)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("lostReasons[1]");
            assertThat(pipelines.lostReasons()).isEqualTo(PipelineSettings.DEFAULT_LOST_REASONS);
        }

        @Test
        @DisplayName("are per tenant")
        void perTenant() {
            pipelines.changeLostReasons(List.of("Only this"));
            assertThat(f.crm.tenant(TenantId.of("other")).pipelines().lostReasons())
                    .isEqualTo(PipelineSettings.DEFAULT_LOST_REASONS);
        }
    }
}
