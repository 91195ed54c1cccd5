package io.crmkit.pipeline;

import static io.crmkit.pipeline.SalesFixture.ALICE;
import static io.crmkit.pipeline.SalesFixture.BOB;
import static io.crmkit.pipeline.SalesFixture.eur;
import static io.crmkit.pipeline.SalesFixture.stage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.Customer;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.shared.ConcurrentModificationException;
import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.LeadId;
import io.crmkit.shared.Money;
import io.crmkit.shared.NotFoundException;
import io.crmkit.shared.Page;
import io.crmkit.shared.PageRequest;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.task.Task;
import io.crmkit.task.TaskCreated;
import io.crmkit.task.TaskStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Deals")
class DealsTest {

    private final SalesFixture f = new SalesFixture();
    private final Deals deals = f.crm.deals();
    private final Pipeline sales = f.sales();
    private final Stage initial = stage(sales, "Initial contact");
    private final Stage demo = stage(sales, "Demo scheduled");
    private final Stage proposal = stage(sales, "Proposal sent");
    private final Stage negotiation = stage(sales, "Negotiation");
    private final Stage won = stage(sales, "Won");
    private final Stage lost = stage(sales, "Lost");
    private final Customer sarah = f.customer("Miller");

    private DealOpening.Builder opening(String amount) {
        return DealOpening.builder(sarah.id(), "Wedding candles", ALICE, eur(amount), LocalDate.of(2026, 6, 30));
    }

    private Deal open(String amount) {
        return deals.open(opening(amount).build()).deal();
    }

    private List<DealHistoryEntry> history(DealId id) {
        return deals.history(id, PageRequest.first(PageRequest.MAX_SIZE)).items();
    }

    @Nested
    @DisplayName("opening")
    class Opening {

        @Test
        @DisplayName("puts the deal in the default pipeline's first open stage at its probability")
        void defaults() {
            DealOutcome outcome = deals.open(opening("1200.00").sourceLead(new LeadId(new UUID(7, 7)))
                    .campaign(" christmas-fair ").build());
            Deal deal = outcome.deal();
            assertThat(deal.version()).isEqualTo(1);
            assertThat(deal.pipelineId()).isEqualTo(sales.id());
            assertThat(deal.stageId()).isEqualTo(initial.id());
            assertThat(deal.status()).isEqualTo(DealStatus.OPEN);
            assertThat(deal.probability()).isEqualTo(10);
            assertThat(deal.probabilityOverridden()).isFalse();
            assertThat(deal.weightedAmount()).isEqualTo(eur("120.00"));
            assertThat(deal.campaign()).isEqualTo("christmas-fair");
            assertThat(deal.sourceLeadId()).isEqualTo(new LeadId(new UUID(7, 7)));
            assertThat(deal.stageEnteredAt()).isEqualTo(SalesFixture.START);
            assertThat(deals.get(deal.id())).isEqualTo(deal);
            assertThat(history(deal.id())).singleElement().satisfies(e -> {
                assertThat(e.kind()).isEqualTo(DealChangeKind.OPENED);
                assertThat(e.before()).isNull();
                assertThat(e.after()).isEqualTo(deal.snapshot());
                assertThat(e.by()).isEqualTo(ALICE);
            });
            assertThat(f.events(DealOpened.class)).singleElement()
                    .satisfies(e -> assertThat(e.dealId()).isEqualTo(deal.id()));
        }

        @Test
        @DisplayName("moves the customer's lifecycle forward to OPPORTUNITY in the same unit of work")
        void lifecycle() {
            DealOutcome outcome = deals.open(opening("10.00").build());
            assertThat(outcome.lifecycle()).isInstanceOf(LifecycleChange.Advanced.class);
            assertThat(f.crm.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.OPPORTUNITY);
            assertThat(f.events(LifecycleStageChanged.class)).singleElement().satisfies(e -> {
                assertThat(e.from()).isEqualTo(LifecycleStage.LEAD);
                assertThat(e.to()).isEqualTo(LifecycleStage.OPPORTUNITY);
            });
        }

        @Test
        @DisplayName("still opens the deal when the customer is further along, returning the refusal")
        void lifecycleRefused() {
            Customer loyal = f.customer("Loyal", LifecycleStage.CUSTOMER);
            DealOutcome outcome = deals.open(DealOpening.builder(loyal.id(), "Renewal", ALICE, eur("10.00"),
                    LocalDate.of(2026, 6, 30)).build());
            assertThat(outcome.lifecycle().isRefused()).isTrue();
            assertThat(deals.find(outcome.deal().id())).isPresent();
            assertThat(f.crm.customers().get(loyal.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
            assertThat(f.events(LifecycleStageChanged.class)).isEmpty();
        }

        @Test
        @DisplayName("takes an explicit pipeline, stage, probability override and acting user")
        void explicit() {
            Pipeline other = f.crm.pipelines().define(PipelineDefinition.named("Wholesale")
                    .stage(StageDefinition.open("Sample sent", 30)).stage(StageDefinition.open("Order", 80))
                    .stage(StageDefinition.won("Won")).stage(StageDefinition.lost("Lost")).build());
            Stage order = stage(other, "Order");
            Deal deal = deals.open(opening("99.99").pipeline(other.id()).stage(order.id()).probability(65)
                    .by(BOB).build()).deal();
            assertThat(deal.pipelineId()).isEqualTo(other.id());
            assertThat(deal.stageId()).isEqualTo(order.id());
            assertThat(deal.probability()).isEqualTo(65);
            assertThat(deal.probabilityOverridden()).isTrue();
            assertThat(history(deal.id()).get(0).by()).isEqualTo(BOB);
        }

        @Test
        @DisplayName("refuses bad input listing every problem, and stores nothing")
        void badInput() {
            DealOpening bad = new DealOpening(null, " ", null, Money.of("-5.00", "EUR"), LocalDate.of(1800, 1, 1),
                    null, null, 101, null, "x".repeat(201), null);
            assertThatThrownBy(() -> deals.open(bad)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                    assertThat(e.violations()).extracting(InvalidInputException.Violation::path)
                            .containsExactlyInAnyOrder("amount", "campaign", "customerId", "expectedCloseDate",
                                    "name", "owner", "probability"));
            assertThatThrownBy(() -> deals.open(null)).isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("opening");
            assertNothingStored();
        }

        @Test
        @DisplayName("refuses text no storage can keep, and keeps line breaks as LF")
        void text() {
            assertThatThrownBy(() -> deals.open(opening("1.00").campaign("fair\uD800").build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("campaign")
                    .hasMessageContaining("surrogate");
            assertThatThrownBy(() -> deals.open(opening("1.00").campaign("fair\u0007").build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("campaign");
            Deal deal = open("1.00");
            Deal lost = deals.lose(deal.id(), 1, DealLoss.because("Price", ALICE).note("line one\r\nline two\r"));
            assertThat(lost.lostNote()).isEqualTo("line one\nline two");
            assertNothingStoredBut(deal);
        }

        private void assertNothingStoredBut(Deal deal) {
            assertThat(deals.ofCustomer(sarah.id(), PageRequest.first()).items()).extracting(Deal::id)
                    .containsExactly(deal.id());
        }

        @Test
        @DisplayName("refuses a stage that is not an active OPEN stage of the pipeline")
        void badStage() {
            assertThatThrownBy(() -> deals.open(opening("1.00").stage(won.id()).build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("stageId");
            assertThatThrownBy(() -> deals.open(opening("1.00").stage(new StageId(new UUID(3, 3))).build()))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is not a stage of pipeline");
            assertNothingStored();
        }

        @Test
        @DisplayName("refuses an unknown customer, an unknown pipeline, and an archived customer")
        void refusals() {
            assertThatThrownBy(() -> deals.open(DealOpening.builder(new CustomerId(new UUID(1, 1)), "X", ALICE,
                    eur("1.00"), LocalDate.of(2026, 1, 1)).build())).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("Customer");
            assertThatThrownBy(() -> deals.open(opening("1.00").pipeline(new PipelineId(new UUID(1, 1))).build()))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("Pipeline");
            Customer archived = f.crm.customers().archive(sarah.id(), sarah.version());
            assertThatThrownBy(() -> deals.open(opening("1.00").build()))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("archived");
            assertThat(f.crm.customers().get(sarah.id())).isEqualTo(archived);
            assertNothingStored();
        }

        @Test
        @DisplayName("needs a pipeline when the tenant has no default one")
        void noDefault() {
            var other = f.crm.tenant(TenantId.of("no-pipelines"));
            Customer c = other.customers().register(io.crmkit.customer.CustomerRegistration
                    .organisation("Café Luna").build());
            assertThatThrownBy(() -> other.deals().open(DealOpening.builder(c.id(), "X", ALICE, eur("1.00"),
                    LocalDate.of(2026, 1, 1)).build())).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("installDefault");
        }

        private void assertNothingStored() {
            assertThat(deals.ofCustomer(sarah.id(), PageRequest.first()).items()).isEmpty();
            assertThat(f.events(DealOpened.class)).isEmpty();
        }
    }

    @Nested
    @DisplayName("moving")
    class Moving {

        @Test
        @DisplayName("moves to another open stage with its default probability and records it")
        void move() {
            Deal deal = open("1000.00");
            f.clock.advance(Duration.ofHours(2));
            Deal moved = deals.moveStage(deal.id(), 1, negotiation.id(), BOB);
            assertThat(moved.version()).isEqualTo(2);
            assertThat(moved.stageId()).isEqualTo(negotiation.id());
            assertThat(moved.probability()).isEqualTo(75);
            assertThat(moved.stageEnteredAt()).isEqualTo(SalesFixture.START.plus(Duration.ofHours(2)));
            DealHistoryEntry entry = history(deal.id()).get(0);
            assertThat(entry.kind()).isEqualTo(DealChangeKind.STAGE_CHANGED);
            assertThat(entry.fromStage()).isEqualTo(initial.id());
            assertThat(entry.toStage()).isEqualTo(negotiation.id());
            assertThat(entry.after().amount()).isEqualTo(eur("1000.00"));
            assertThat(entry.after().probability()).isEqualTo(75);
            assertThat(entry.by()).isEqualTo(BOB);
            assertThat(f.events(DealStageChanged.class)).singleElement().satisfies(e -> {
                assertThat(e.fromStage()).isEqualTo(initial.id());
                assertThat(e.toStage()).isEqualTo(negotiation.id());
                assertThat(e.probability()).isEqualTo(75);
            });
        }

        @Test
        @DisplayName("to its current stage changes nothing")
        void same() {
            Deal deal = open("10.00");
            assertThat(deals.moveStage(deal.id(), 1, initial.id(), ALICE)).isEqualTo(deal);
            assertThat(history(deal.id())).hasSize(1);
        }

        @Test
        @DisplayName("ends a probability override unless the caller keeps it")
        void override() {
            Deal deal = open("1000.00");
            Deal overridden = deals.overrideProbability(deal.id(), 1, 35, ALICE);
            assertThat(overridden.probability()).isEqualTo(35);
            Deal kept = deals.moveStage(deal.id(), 2, demo.id(), ProbabilityOnStageChange.KEEP_OVERRIDE, ALICE);
            assertThat(kept.probability()).isEqualTo(35);
            assertThat(kept.probabilityOverridden()).isTrue();
            Deal dropped = deals.moveStage(deal.id(), 3, proposal.id(), ALICE);
            assertThat(dropped.probability()).isEqualTo(50);
            assertThat(dropped.probabilityOverridden()).isFalse();
            assertThat(history(deal.id())).extracting(DealHistoryEntry::kind).containsExactly(
                    DealChangeKind.STAGE_CHANGED, DealChangeKind.STAGE_CHANGED, DealChangeKind.PROBABILITY_CHANGED,
                    DealChangeKind.OPENED);
        }

        @Test
        @DisplayName("clears an override back to the stage's default")
        void clear() {
            Deal deal = open("1000.00");
            deals.overrideProbability(deal.id(), 1, 35, ALICE);
            Deal cleared = deals.clearProbabilityOverride(deal.id(), 2, ALICE);
            assertThat(cleared.probability()).isEqualTo(10);
            assertThat(cleared.probabilityOverridden()).isFalse();
            assertThat(deals.clearProbabilityOverride(deal.id(), 3, ALICE)).isEqualTo(cleared);
            assertThat(f.events(DealProbabilityChanged.class)).extracting(DealProbabilityChanged::to)
                    .containsExactly(35, 10);
        }

        @Test
        @DisplayName("under the forward-only policy, refuses a skip or a move back and changes nothing")
        void forwardOnly() {
            f.crm.pipelines().changePolicy(sales.id(), 1, TransitionPolicy.FORWARD_ONLY_NO_SKIP);
            Deal deal = open("10.00");
            f.drainEvents();
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 1, proposal.id(), ALICE))
                    .isInstanceOfSatisfying(IllegalTransitionException.class, e -> {
                        assertThat(e.recordType()).isEqualTo("Deal");
                        assertThat(e.getMessage()).contains("does not skip stages");
                    });
            Deal next = deals.moveStage(deal.id(), 1, demo.id(), ALICE);
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 2, initial.id(), ALICE))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("forward only");
            assertThat(deals.get(deal.id())).isEqualTo(next);
            assertThat(history(deal.id())).hasSize(2);
            // Closing is possible from any open stage.
            assertThat(deals.win(deal.id(), 2, ALICE).deal().status()).isEqualTo(DealStatus.WON);
        }

        @Test
        @DisplayName("refuses a closed stage (use win or lose), an unknown stage, and a closed deal")
        void refusals() {
            Deal deal = open("10.00");
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 1, won.id(), ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("win() or lose()");
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 1, new StageId(new UUID(9, 9)), ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("stageId");
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 1, null, null))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(InvalidInputException.Violation::path).containsExactly("by", "stageId"));
            deals.win(deal.id(), 1, ALICE);
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 2, demo.id(), ALICE))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("reopen it first");
            assertThat(deals.get(deal.id()).version()).isEqualTo(2);
        }

        @Test
        @DisplayName("refuses a stale version: of two concurrent moves, the second fails and changes nothing")
        void stale() {
            Deal deal = open("10.00");
            deals.moveStage(deal.id(), 1, demo.id(), ALICE);
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 1, negotiation.id(), BOB))
                    .isInstanceOf(ConcurrentModificationException.class);
            assertThat(deals.get(deal.id()).stageId()).isEqualTo(demo.id());
            assertThat(history(deal.id())).hasSize(2);
        }

        @Test
        @DisplayName("refuses an unknown deal")
        void unknown() {
            assertThatThrownBy(() -> deals.moveStage(new DealId(new UUID(4, 4)), 1, demo.id(), ALICE))
                    .isInstanceOf(NotFoundException.class).hasMessageContaining("Deal");
        }
    }

    @Nested
    @DisplayName("changing values")
    class Values {

        @Test
        @DisplayName("records amount, close date and owner changes with before and after")
        void changes() {
            Deal deal = open("100.00");
            deals.changeAmount(deal.id(), 1, eur("150.00"), ALICE);
            deals.changeExpectedCloseDate(deal.id(), 2, LocalDate.of(2026, 7, 15), ALICE);
            Deal owned = deals.changeOwner(deal.id(), 3, BOB, ALICE);
            assertThat(owned.amount()).isEqualTo(eur("150.00"));
            assertThat(owned.expectedCloseDate()).isEqualTo(LocalDate.of(2026, 7, 15));
            assertThat(owned.owner()).isEqualTo(BOB);
            List<DealHistoryEntry> h = history(deal.id());
            assertThat(h).extracting(DealHistoryEntry::kind).containsExactly(DealChangeKind.OWNER_CHANGED,
                    DealChangeKind.CLOSE_DATE_CHANGED, DealChangeKind.AMOUNT_CHANGED, DealChangeKind.OPENED);
            assertThat(h.get(2).before().amount()).isEqualTo(eur("100.00"));
            assertThat(h.get(2).after().amount()).isEqualTo(eur("150.00"));
            assertThat(h.get(2).changedFields()).containsExactly(DealField.AMOUNT);
            assertThat(f.events(DealAmountChanged.class)).singleElement().satisfies(e -> {
                assertThat(e.from()).isEqualTo(eur("100.00"));
                assertThat(e.to()).isEqualTo(eur("150.00"));
            });
            assertThat(f.events(DealOwnerChanged.class)).singleElement()
                    .satisfies(e -> assertThat(e.to()).isEqualTo(BOB));
            assertThat(f.events(DealCloseDateChanged.class)).hasSize(1);
        }

        @Test
        @DisplayName("the same value again changes nothing and appends nothing")
        void same() {
            Deal deal = open("100.00");
            assertThat(deals.changeAmount(deal.id(), 1, eur("100.00"), ALICE)).isEqualTo(deal);
            assertThat(deals.changeOwner(deal.id(), 1, ALICE, BOB)).isEqualTo(deal);
            assertThat(history(deal.id())).hasSize(1);
        }

        @Test
        @DisplayName("refuses a negative amount, a bad probability and missing values")
        void refusals() {
            Deal deal = open("100.00");
            assertThatThrownBy(() -> deals.changeAmount(deal.id(), 1, eur("-1.00"), ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("amount");
            assertThatThrownBy(() -> deals.overrideProbability(deal.id(), 1, -1, ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("probability");
            assertThatThrownBy(() -> deals.changeExpectedCloseDate(deal.id(), 1, null, ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("expectedCloseDate");
            assertThatThrownBy(() -> deals.changeOwner(deal.id(), 1, null, ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("owner");
            assertThat(deals.get(deal.id())).isEqualTo(deal);
        }
    }

    @Nested
    @DisplayName("closing and reopening")
    class Closing {

        @Test
        @DisplayName("winning sets the closing instant, probability 100, and the customer to CUSTOMER")
        void win() {
            Deal deal = open("500.00");
            f.clock.advance(Duration.ofDays(3));
            DealOutcome outcome = deals.win(deal.id(), 1, BOB);
            Deal w = outcome.deal();
            assertThat(w.status()).isEqualTo(DealStatus.WON);
            assertThat(w.stageId()).isEqualTo(won.id());
            assertThat(w.closedAt()).isEqualTo(f.clock.instant());
            assertThat(w.probability()).isEqualTo(100);
            assertThat(outcome.lifecycle()).isInstanceOf(LifecycleChange.Advanced.class);
            assertThat(f.crm.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
            assertThat(history(deal.id()).get(0).kind()).isEqualTo(DealChangeKind.WON);
            assertThat(f.events(DealWon.class)).singleElement()
                    .satisfies(e -> assertThat(e.amount()).isEqualTo(eur("500.00")));
            assertThat(f.events(DealStageChanged.class)).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(DealStatus.WON));
        }

        @Test
        @DisplayName("losing needs a reason from the tenant's list, and keeps it with the note")
        void lose() {
            Deal deal = open("500.00");
            assertThatThrownBy(() -> deals.lose(deal.id(), 1, DealLoss.because("Bad weather", ALICE)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("reason")
                    .hasMessageContaining("not one of the tenant's lost reasons");
            assertThatThrownBy(() -> deals.lose(deal.id(), 1, new DealLoss(" ", null, null, null)))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                            .extracting(InvalidInputException.Violation::path).containsExactly("by", "reason"));
            assertThat(deals.get(deal.id())).isEqualTo(deal);
            Deal l = deals.lose(deal.id(), 1, DealLoss.because("competitor", ALICE).note("chose the big chain"));
            assertThat(l.status()).isEqualTo(DealStatus.LOST);
            assertThat(l.stageId()).isEqualTo(lost.id());
            assertThat(l.lostReason()).isEqualTo("Competitor");
            assertThat(l.lostNote()).isEqualTo("chose the big chain");
            assertThat(l.probability()).isZero();
            assertThat(l.closedAt()).isNotNull();
            DealHistoryEntry entry = history(deal.id()).get(0);
            assertThat(entry.kind()).isEqualTo(DealChangeKind.LOST);
            assertThat(entry.reason()).isEqualTo("Competitor");
            assertThat(entry.note()).isEqualTo("chose the big chain");
            assertThat(f.events(DealLost.class)).singleElement()
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("Competitor"));
            assertThat(f.crm.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.OPPORTUNITY);
        }

        @Test
        @DisplayName("losing uses the tenant's own list once it has one")
        void ownReasons() {
            f.crm.pipelines().changeLostReasons(List.of("Went quiet"));
            Deal deal = open("5.00");
            assertThatThrownBy(() -> deals.lose(deal.id(), 1, DealLoss.because("Price", ALICE)))
                    .isInstanceOf(InvalidInputException.class);
            assertThat(deals.lose(deal.id(), 1, DealLoss.because("went quiet", ALICE)).lostReason())
                    .isEqualTo("Went quiet");
        }

        @Test
        @DisplayName("reopening puts a closed deal into a named open stage and clears its closing")
        void reopen() {
            Deal deal = open("500.00");
            deals.lose(deal.id(), 1, DealLoss.because("Timing", ALICE));
            f.clock.advance(Duration.ofDays(30));
            Deal reopened = deals.reopen(deal.id(), 2, negotiation.id(), BOB);
            assertThat(reopened.status()).isEqualTo(DealStatus.OPEN);
            assertThat(reopened.closedAt()).isNull();
            assertThat(reopened.lostReason()).isNull();
            assertThat(reopened.lostNote()).isNull();
            assertThat(reopened.probability()).isEqualTo(75);
            assertThat(reopened.stageEnteredAt()).isEqualTo(f.clock.instant());
            assertThat(history(deal.id())).extracting(DealHistoryEntry::kind).containsExactly(
                    DealChangeKind.REOPENED, DealChangeKind.LOST, DealChangeKind.OPENED);
            assertThat(f.events(DealReopened.class)).singleElement()
                    .satisfies(e -> assertThat(e.previousStatus()).isEqualTo(DealStatus.LOST));
        }

        @Test
        @DisplayName("refuses to reopen an open deal, to reopen into a closed stage, or to win twice")
        void refusals() {
            Deal deal = open("500.00");
            assertThatThrownBy(() -> deals.reopen(deal.id(), 1, demo.id(), ALICE))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("is open");
            deals.win(deal.id(), 1, ALICE);
            assertThatThrownBy(() -> deals.reopen(deal.id(), 2, lost.id(), ALICE))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("stageId");
            assertThatThrownBy(() -> deals.win(deal.id(), 2, ALICE))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> deals.overrideProbability(deal.id(), 2, 50, ALICE))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(deals.get(deal.id()).version()).isEqualTo(2);
        }

        @Test
        @DisplayName("reopening does not move the customer's lifecycle back")
        void lifecycleStays() {
            Deal deal = open("500.00");
            deals.win(deal.id(), 1, ALICE);
            deals.reopen(deal.id(), 2, initial.id(), ALICE);
            assertThat(f.crm.customers().get(sarah.id()).lifecycleStage()).isEqualTo(LifecycleStage.CUSTOMER);
        }

        @Test
        @DisplayName("winning for an archived customer wins the deal and refuses the lifecycle move as a value")
        void archivedCustomer() {
            Deal deal = open("500.00");
            Customer current = f.crm.customers().get(sarah.id());
            f.crm.customers().archive(sarah.id(), current.version());
            DealOutcome outcome = deals.win(deal.id(), 1, ALICE);
            assertThat(outcome.deal().status()).isEqualTo(DealStatus.WON);
            assertThat(outcome.lifecycle()).isInstanceOfSatisfying(LifecycleChange.Refused.class,
                    r -> assertThat(r.reason()).contains("archived"));
        }
    }

    @Nested
    @DisplayName("follow-up tasks")
    class FollowUps {

        @Test
        @DisplayName("are created for the owner when a deal enters a stage that declares one")
        void created() {
            Deal deal = open("500.00");
            f.clock.advance(Duration.ofHours(1));
            deals.moveStage(deal.id(), 1, proposal.id(), ALICE);
            List<Task> tasks = f.crm.tasks().ofDeal(deal.id(), PageRequest.first()).items();
            assertThat(tasks).singleElement().satisfies(t -> {
                assertThat(t.subject()).isEqualTo("Follow up on proposal");
                assertThat(t.assignee()).isEqualTo(ALICE);
                assertThat(t.dueAt()).isEqualTo(f.clock.instant().plus(Duration.ofDays(3)));
                assertThat(t.customerId()).isEqualTo(sarah.id());
                assertThat(t.status()).isEqualTo(TaskStatus.OPEN);
            });
            assertThat(f.events(TaskCreated.class)).singleElement()
                    .satisfies(e -> assertThat(e.followUpOf()).isEqualTo(proposal.id()));
        }

        @Test
        @DisplayName("are created when a deal is opened in the stage, and not when it enters another")
        void openedIn() {
            Deal deal = deals.open(opening("1.00").stage(proposal.id()).build()).deal();
            deals.moveStage(deal.id(), 1, negotiation.id(), ALICE);
            assertThat(f.crm.tasks().ofDeal(deal.id(), PageRequest.first()).items()).hasSize(1);
        }

        @Test
        @DisplayName("are not created when the move is refused")
        void refused() {
            f.crm.pipelines().changePolicy(sales.id(), 1, TransitionPolicy.FORWARD_ONLY_NO_SKIP);
            Deal deal = open("1.00");
            assertThatThrownBy(() -> deals.moveStage(deal.id(), 1, proposal.id(), ALICE))
                    .isInstanceOf(IllegalTransitionException.class);
            assertThat(f.crm.tasks().ofDeal(deal.id(), PageRequest.first()).items()).isEmpty();
        }
    }

    @Nested
    @DisplayName("history")
    class History {

        @Test
        @DisplayName("is newest first and pages without skipping or repeating")
        void paging() {
            Deal deal = open("1.00");
            long version = 1;
            for (int i = 2; i <= 12; i++) {
                deals.changeAmount(deal.id(), version++, eur(i + ".00"), ALICE);
            }
            List<DealHistoryEntry> seen = new ArrayList<>();
            Page<DealHistoryEntry> page = deals.history(deal.id(), PageRequest.first(5));
            seen.addAll(page.items());
            while (page.hasNext()) {
                page = deals.history(deal.id(), page.nextRequest().orElseThrow());
                seen.addAll(page.items());
            }
            assertThat(seen).extracting(DealHistoryEntry::version)
                    .containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L, 2L, 1L);
            assertThat(seen.get(0).after().amount()).isEqualTo(eur("12.00"));
        }

        @Test
        @DisplayName("is read-only: the list handed out cannot be changed, and the store refuses rewriting")
        void readOnly() {
            Deal deal = open("1.00");
            List<DealHistoryEntry> items = history(deal.id());
            assertThatThrownBy(() -> items.clear()).isInstanceOf(UnsupportedOperationException.class);
            DealHistoryEntry forged = new DealHistoryEntry(TenantId.DEFAULT, deal.id(), 1, DealChangeKind.OPENED,
                    deal.createdAt(), BOB, null, deal.snapshot(), null, null);
            assertThatThrownBy(() -> f.storage.deals().append(TenantId.DEFAULT, forged))
                    .isInstanceOf(io.crmkit.shared.StorageException.class).hasMessageContaining("append-only");
            assertThat(history(deal.id())).singleElement().satisfies(e -> assertThat(e.by()).isEqualTo(ALICE));
        }

        @Test
        @DisplayName("of an unknown deal is not found; a forged cursor is refused")
        void refusals() {
            assertThatThrownBy(() -> deals.history(new DealId(new UUID(1, 1)), PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
            Deal deal = open("1.00");
            assertThatThrownBy(() -> deals.history(deal.id(), PageRequest.after("AAAAAAAAAAAAAAAAAAAAAAAAAAAA", 5)))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("cursor");
        }
    }

    @Nested
    @DisplayName("queries")
    class Queries {

        private <T> List<T> all(Function<PageRequest, Page<T>> query) {
            List<T> out = new ArrayList<>();
            Page<T> page = query.apply(PageRequest.first(2));
            out.addAll(page.items());
            while (page.hasNext()) {
                page = query.apply(page.nextRequest().orElseThrow());
                out.addAll(page.items());
            }
            return out;
        }

        private Deal deal(String amount, Stage stage, io.crmkit.shared.UserId owner, LocalDate close) {
            return deals.open(DealOpening.builder(sarah.id(), "D" + amount, owner, eur(amount), close)
                    .stage(stage.id()).build()).deal();
        }

        @Test
        @DisplayName("the board lists a stage's deals; by owner and by customer list theirs")
        void lists() {
            Deal a = deal("1.00", initial, ALICE, LocalDate.of(2026, 4, 1));
            Deal b = deal("2.00", initial, BOB, LocalDate.of(2026, 4, 2));
            Deal c = deal("3.00", demo, ALICE, LocalDate.of(2026, 4, 3));
            Deal d = deal("4.00", initial, ALICE, LocalDate.of(2026, 4, 4));
            deals.win(d.id(), 1, ALICE);
            assertThat(all(p -> deals.board(sales.id(), initial.id(), p))).extracting(Deal::id)
                    .containsExactly(a.id(), b.id());
            assertThat(all(p -> deals.board(sales.id(), won.id(), p))).extracting(Deal::id).containsExactly(d.id());
            assertThat(all(p -> deals.ofOwner(ALICE, null, p))).extracting(Deal::id)
                    .containsExactly(a.id(), c.id(), d.id());
            assertThat(all(p -> deals.ofOwner(ALICE, DealStatus.OPEN, p))).extracting(Deal::id)
                    .containsExactly(a.id(), c.id());
            assertThat(all(p -> deals.ofCustomer(sarah.id(), p))).hasSize(4);
            assertThatThrownBy(() -> deals.board(sales.id(), new StageId(new UUID(1, 1)), PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> deals.ofCustomer(new CustomerId(new UUID(1, 1)), PageRequest.first()))
                    .isInstanceOf(NotFoundException.class);
        }

        @Test
        @DisplayName("by expected close month and overdue, by date then id")
        void byDate() {
            Deal march = deal("1.00", initial, ALICE, LocalDate.of(2026, 3, 1));
            Deal april2 = deal("2.00", initial, ALICE, LocalDate.of(2026, 4, 2));
            Deal april1 = deal("3.00", demo, ALICE, LocalDate.of(2026, 4, 1));
            Deal april30 = deal("4.00", demo, ALICE, LocalDate.of(2026, 4, 30));
            Deal may = deal("5.00", demo, ALICE, LocalDate.of(2026, 5, 1));
            Deal oldWon = deal("6.00", demo, ALICE, LocalDate.of(2026, 2, 1));
            deals.win(oldWon.id(), 1, ALICE);
            assertThat(all(p -> deals.closingIn(YearMonth.of(2026, 4), null, p))).extracting(Deal::id)
                    .containsExactly(april1.id(), april2.id(), april30.id());
            assertThat(all(p -> deals.closingIn(YearMonth.of(2026, 2), DealStatus.OPEN, p))).isEmpty();
            assertThat(all(p -> deals.closingIn(YearMonth.of(2026, 2), DealStatus.WON, p))).hasSize(1);
            f.clock.set(java.time.Instant.parse("2026-04-02T10:00:00Z"));
            assertThat(all(p -> deals.overdue(ZoneOffset.UTC, p))).extracting(Deal::id)
                    .containsExactly(march.id(), april1.id());
            assertThat(may).isNotNull();
        }

        @Test
        @DisplayName("stalled deals: open deals in their stage longer than the threshold, per stage")
        void stalled() {
            Deal early = deal("1.00", initial, ALICE, LocalDate.of(2026, 4, 1));
            f.clock.advance(Duration.ofDays(5));
            Deal inDemo = deal("2.00", demo, ALICE, LocalDate.of(2026, 4, 1));
            Deal fresh = deal("3.00", initial, ALICE, LocalDate.of(2026, 4, 1));
            f.clock.advance(Duration.ofDays(5));
            Deal moved = deals.moveStage(early.id(), 1, negotiation.id(), ALICE);
            f.clock.advance(Duration.ofDays(3));
            // now: early moved 3 days ago, inDemo entered 8 days ago, fresh entered 8 days ago
            assertThat(all(p -> deals.stalled(sales.id(), StalledThresholds.days(7), p))).extracting(Deal::id)
                    .containsExactly(fresh.id(), inDemo.id());
            assertThat(all(p -> deals.stalled(sales.id(), StalledThresholds.days(30).stage(negotiation.id(), 2), p)))
                    .extracting(Deal::id).containsExactly(moved.id());
            assertThat(all(p -> deals.stalled(sales.id(), StalledThresholds.none().stage(demo.id(), 1), p)))
                    .extracting(Deal::id).containsExactly(inDemo.id());
            assertThatThrownBy(() -> deals.stalled(sales.id(), StalledThresholds.none().stage(won.id(), 1),
                    PageRequest.first())).isInstanceOf(InvalidInputException.class);
        }

        @Test
        @DisplayName("stalled deals page across stages without skipping or repeating")
        void stalledPaging() {
            List<DealId> expected = new ArrayList<>();
            for (Stage s : List.of(initial, demo, proposal, negotiation)) {
                for (int i = 0; i < 3; i++) {
                    expected.add(deal("1.00", s, ALICE, LocalDate.of(2026, 4, 1)).id());
                    f.clock.advance(Duration.ofMinutes(1));
                }
            }
            f.clock.advance(Duration.ofDays(10));
            for (int size = 1; size <= 5; size++) {
                int pageSize = size;
                List<Deal> seen = new ArrayList<>();
                Page<Deal> page = deals.stalled(sales.id(), StalledThresholds.days(7), PageRequest.first(pageSize));
                seen.addAll(page.items());
                while (page.hasNext()) {
                    page = deals.stalled(sales.id(), StalledThresholds.days(7), page.nextRequest().orElseThrow());
                    seen.addAll(page.items());
                }
                assertThat(seen).extracting(Deal::id).as("page size %d", pageSize).isEqualTo(expected);
            }
        }

        @Test
        @DisplayName("the summary counts and adds up each stage per currency, weighted exactly")
        void summary() {
            deal("1000.00", initial, ALICE, LocalDate.of(2026, 4, 1));
            deal("0.05", initial, ALICE, LocalDate.of(2026, 4, 1));
            deals.open(DealOpening.builder(sarah.id(), "Yen", ALICE, Money.of("1001", "JPY"),
                    LocalDate.of(2026, 4, 1)).stage(initial.id()).probability(50).build());
            deal("200.00", proposal, ALICE, LocalDate.of(2026, 4, 1));
            Deal w = deal("300.00", negotiation, ALICE, LocalDate.of(2026, 4, 1));
            deals.win(w.id(), 1, ALICE);
            PipelineSummary summary = deals.summary(sales.id());
            assertThat(summary.stages()).extracting(s -> s.stage().name()).containsExactly("Initial contact",
                    "Demo scheduled", "Proposal sent", "Negotiation", "Won", "Lost");
            DealTotals first = summary.stages().get(0).totals();
            assertThat(first.count()).isEqualTo(3);
            assertThat(first.byCurrency()).extracting(t -> t.currency().getCurrencyCode())
                    .containsExactly("EUR", "JPY");
            assertThat(first.in(java.util.Currency.getInstance("EUR"))).hasValueSatisfying(t -> {
                assertThat(t.count()).isEqualTo(2);
                assertThat(t.amount()).isEqualTo(eur("1000.05"));
                assertThat(t.weightedAmount()).isEqualTo(eur("100.00")); // 100.00 + 0.00 (0.005 half-even)
            });
            assertThat(first.in(java.util.Currency.getInstance("JPY"))).hasValueSatisfying(t ->
                    assertThat(t.weightedAmount()).isEqualTo(Money.of("500", "JPY")));
            assertThat(summary.stages().get(1).totals()).isEqualTo(DealTotals.NONE);
            assertThat(summary.totals(StageKind.WON).count()).isEqualTo(1);
            assertThat(summary.totals(StageKind.OPEN).count()).isEqualTo(4);
        }

        @Test
        @DisplayName("period totals: open deals closing in the period, deals won and lost in it")
        void totals() {
            Deal aprilOpen = deal("100.00", initial, ALICE, LocalDate.of(2026, 4, 10));
            deal("999.00", initial, ALICE, LocalDate.of(2026, 5, 10));
            Deal wonInMarch = deal("200.00", demo, ALICE, LocalDate.of(2026, 4, 10));
            deals.win(wonInMarch.id(), 1, ALICE);                            // 2026-03-02
            f.clock.set(java.time.Instant.parse("2026-04-05T23:30:00Z"));   // 2026-04-06 in +02:00
            Deal lostInApril = deal("50.00", demo, ALICE, LocalDate.of(2026, 4, 10));
            deals.lose(lostInApril.id(), 1, DealLoss.because("Price", ALICE));
            Deal wonInApril = deal("70.00", demo, ALICE, LocalDate.of(2026, 3, 10));
            deals.win(wonInApril.id(), 1, ALICE);
            PeriodTotals april = deals.totals(sales.id(), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30),
                    ZoneOffset.UTC);
            assertThat(april.open().count()).isEqualTo(1);
            assertThat(april.open().in(java.util.Currency.getInstance("EUR")).orElseThrow().amount())
                    .isEqualTo(aprilOpen.amount());
            assertThat(april.won().count()).isEqualTo(1);
            assertThat(april.won().byCurrency().get(0).amount()).isEqualTo(eur("70.00"));
            assertThat(april.lost().count()).isEqualTo(1);
            PeriodTotals march = deals.totals(sales.id(), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                    ZoneOffset.UTC);
            assertThat(march.won().count()).isEqualTo(1);
            assertThat(march.won().byCurrency().get(0).amount()).isEqualTo(eur("200.00"));
            // Read in +02:00, the April win on 5 April 23:30 UTC falls on 6 April: outside 1–5 April.
            PeriodTotals early = deals.totals(sales.id(), LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 5),
                    ZoneOffset.ofHours(2));
            assertThat(early.won().count()).isZero();
            assertThatThrownBy(() -> deals.totals(sales.id(), LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 1),
                    null)).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                    .extracting(InvalidInputException.Violation::path).containsExactly("to", "zone"));
        }
    }

    @Test
    @DisplayName("a tenant never sees another tenant's deals")
    void tenants() {
        Deal deal = open("1.00");
        var other = f.crm.tenant(TenantId.of("other"));
        assertThat(other.deals().find(deal.id())).isEmpty();
        assertThatThrownBy(() -> other.deals().moveStage(deal.id(), 1, demo.id(), ALICE))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.deals().summary(sales.id())).isInstanceOf(NotFoundException.class);
        assertThat(other.deals().ofOwner(ALICE, null, PageRequest.first()).items()).isEmpty();
        assertThatThrownBy(() -> other.deals().history(deal.id(), PageRequest.first()))
                .isInstanceOf(NotFoundException.class);
        assertThat(other.tasks().openTasks(ALICE, PageRequest.first()).items()).isEmpty();
    }
}
