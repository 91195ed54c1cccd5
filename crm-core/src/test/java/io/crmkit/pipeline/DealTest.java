package io.crmkit.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.DealId;
import io.crmkit.shared.IllegalTransitionException;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Money;
import io.crmkit.shared.PipelineId;
import io.crmkit.shared.StageId;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.UserId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("A deal")
class DealTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final UserId ALICE = UserId.of("alice");
    private final AtomicLong ids = new AtomicLong();
    private final Pipeline pipeline = Pipeline.define(new PipelineId(new UUID(0, 1)), TenantId.DEFAULT,
            PipelineDefinition.standard(), () -> new StageId(new UUID(1, ids.incrementAndGet())), NOW);

    private Stage stage(String name) {
        return SalesFixture.stage(pipeline, name);
    }

    private Deal open(Money amount, Integer override) {
        return Deal.open(new DealId(new UUID(2, 1)), TenantId.DEFAULT, "Candles", new CustomerId(new UUID(3, 1)),
                ALICE, amount, LocalDate.of(2026, 6, 30), pipeline.id(), stage("Demo scheduled"), override, null,
                null, NOW);
    }

    @Nested
    @DisplayName("weighs its amount by its probability")
    class Weighted {

        @ParameterizedTest(name = "{0} {1} at {2} % is {3}")
        @CsvSource({
            "1000.00, EUR, 25, 250.00",
            "0.05, EUR, 50, 0.02",       // 0.025 → half-even → 0.02
            "0.15, EUR, 50, 0.08",       // 0.075 → half-even → 0.08
            "999.99, EUR, 33, 330.00",   // 329.9967
            "1001, JPY, 50, 500",        // 500.5 → half-even → 500
            "1003, JPY, 50, 502",        // 501.5 → half-even → 502
            "1.234, BHD, 10, 0.123",     // 0.1234
            "0.00, EUR, 75, 0.00",
            "123.45, EUR, 100, 123.45",
            "123.45, EUR, 0, 0.00"
        })
        void exactly(String amount, String currency, int probability, String weighted) {
            Deal deal = open(Money.of(amount, currency), probability);
            assertThat(deal.weightedAmount()).isEqualTo(Money.of(weighted, currency));
        }
    }

    @Nested
    @DisplayName("takes its probability from its stage")
    class Probability {

        @Test
        @DisplayName("unless overridden, until it changes stage")
        void overrideEndsOnMove() {
            Deal deal = open(Money.of("100.00", "EUR"), null);
            assertThat(deal.probability()).isEqualTo(25);
            Deal overridden = deal.withProbabilityOverride(40, NOW);
            assertThat(overridden.probability()).isEqualTo(40);
            assertThat(overridden.probabilityOverridden()).isTrue();
            Deal moved = overridden.moveTo(stage("Proposal sent"), ProbabilityOnStageChange.STAGE_DEFAULT, NOW);
            assertThat(moved.probability()).isEqualTo(50);
            assertThat(moved.probabilityOverridden()).isFalse();
        }

        @Test
        @DisplayName("keeps an override across a move only when told to")
        void keep() {
            Deal overridden = open(Money.of("100.00", "EUR"), 40);
            Deal moved = overridden.moveTo(stage("Proposal sent"), ProbabilityOnStageChange.KEEP_OVERRIDE, NOW);
            assertThat(moved.probability()).isEqualTo(40);
            assertThat(moved.probabilityOverridden()).isTrue();
            Deal plain = open(Money.of("100.00", "EUR"), null)
                    .moveTo(stage("Proposal sent"), ProbabilityOnStageChange.KEEP_OVERRIDE, NOW);
            assertThat(plain.probability()).isEqualTo(50);
            assertThat(plain.probabilityOverridden()).isFalse();
        }

        @Test
        @DisplayName("is 100 when won and 0 when lost, whatever the override")
        void closing() {
            Deal overridden = open(Money.of("100.00", "EUR"), 40);
            assertThat(overridden.win(stage("Won"), NOW).probability()).isEqualTo(100);
            Deal lost = overridden.lose(stage("Lost"), "Price", null, NOW);
            assertThat(lost.probability()).isZero();
            assertThat(lost.probabilityOverridden()).isFalse();
        }
    }

    @Nested
    @DisplayName("once closed")
    class Closed {

        private final Deal won = open(Money.of("100.00", "EUR"), null).win(stage("Won"), NOW.plusSeconds(60));

        @Test
        @DisplayName("has its closing instant, and loses it when reopened")
        void reopen() {
            assertThat(won.closedAt()).isEqualTo(NOW.plusSeconds(60));
            Deal reopened = won.reopen(stage("Negotiation"), NOW.plusSeconds(120));
            assertThat(reopened.closedAt()).isNull();
            assertThat(reopened.status()).isEqualTo(DealStatus.OPEN);
            assertThat(reopened.probability()).isEqualTo(75);
            assertThat(reopened.stageEnteredAt()).isEqualTo(NOW.plusSeconds(120));
        }

        @Test
        @DisplayName("cannot be moved, won again or have its probability overridden")
        void refuses() {
            assertThatThrownBy(() -> won.moveTo(stage("Negotiation"), ProbabilityOnStageChange.STAGE_DEFAULT, NOW))
                    .isInstanceOf(IllegalTransitionException.class).hasMessageContaining("reopen it first");
            assertThatThrownBy(() -> won.win(stage("Won"), NOW)).isInstanceOf(IllegalTransitionException.class);
            assertThatThrownBy(() -> won.withProbabilityOverride(50, NOW))
                    .isInstanceOf(IllegalTransitionException.class);
        }

        @Test
        @DisplayName("can still change amount, close date and owner")
        void edits() {
            Deal changed = won.withAmount(Money.of("120.00", "EUR"), NOW).withOwner(UserId.of("bob"), NOW)
                    .withExpectedCloseDate(LocalDate.of(2026, 3, 2), NOW);
            assertThat(changed.version()).isEqualTo(won.version() + 3);
            assertThat(changed.status()).isEqualTo(DealStatus.WON);
        }
    }

    @Nested
    @DisplayName("guards its invariants")
    class Invariants {

        @Test
        @DisplayName("refuses entering a stage of the wrong kind or a retired one")
        void wrongStage() {
            Deal deal = open(Money.of("100.00", "EUR"), null);
            assertThatThrownBy(() -> deal.moveTo(stage("Won"), ProbabilityOnStageChange.STAGE_DEFAULT, NOW))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("is a WON stage");
            Pipeline retired = pipeline.retire(stage("Negotiation").id(), NOW);
            assertThatThrownBy(() -> deal.moveTo(retired.requireStage(stage("Negotiation").id()),
                    ProbabilityOnStageChange.STAGE_DEFAULT, NOW))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("retired");
        }

        @Test
        @DisplayName("refuses a negative amount and an out-of-range probability")
        void values() {
            assertThatThrownBy(() -> open(Money.of("-1.00", "EUR"), null))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("amount: must not be negative");
            assertThatThrownBy(() -> open(Money.of("1.00", "EUR"), 101))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("probability");
        }

        @Test
        @DisplayName("refuses a lost deal without a reason and an open deal with a closing instant")
        void closedShape() {
            Deal deal = open(Money.of("100.00", "EUR"), null);
            assertThatThrownBy(() -> new Deal(deal.id(), deal.tenantId(), 2, deal.name(), deal.customerId(),
                    deal.owner(), deal.amount(), deal.expectedCloseDate(), deal.pipelineId(), stage("Lost").id(),
                    DealStatus.LOST, 0, false, NOW, null, null, NOW, null, null, NOW, NOW))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("lostReason");
            assertThatThrownBy(() -> new Deal(deal.id(), deal.tenantId(), 2, deal.name(), deal.customerId(),
                    deal.owner(), deal.amount(), deal.expectedCloseDate(), deal.pipelineId(), deal.stageId(),
                    DealStatus.OPEN, 25, false, NOW, null, null, NOW, null, null, NOW, NOW))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("closedAt");
        }

        @Test
        @DisplayName("never moves its instants backwards when the clock does")
        void clockBack() {
            Deal deal = open(Money.of("100.00", "EUR"), null);
            Deal moved = deal.moveTo(stage("Proposal sent"), ProbabilityOnStageChange.STAGE_DEFAULT,
                    NOW.minusSeconds(3600));
            assertThat(moved.updatedAt()).isEqualTo(NOW);
            assertThat(moved.stageEnteredAt()).isEqualTo(NOW);
        }
    }

    @Test
    @DisplayName("history entries record before and after, and which values changed")
    void historyEntry() {
        Deal deal = open(Money.of("100.00", "EUR"), null);
        Deal moved = deal.moveTo(stage("Proposal sent"), ProbabilityOnStageChange.STAGE_DEFAULT, NOW);
        DealHistoryEntry entry = DealHistoryEntry.of(deal, moved, DealChangeKind.STAGE_CHANGED, ALICE);
        assertThat(entry.version()).isEqualTo(2);
        assertThat(entry.fromStage()).isEqualTo(stage("Demo scheduled").id());
        assertThat(entry.toStage()).isEqualTo(stage("Proposal sent").id());
        assertThat(entry.after().amount()).isEqualTo(Money.of("100.00", "EUR"));
        assertThat(entry.after().probability()).isEqualTo(50);
        assertThat(entry.changedFields()).containsExactlyInAnyOrder(DealField.STAGE, DealField.PROBABILITY);
        assertThatThrownBy(() -> DealHistoryEntry.of(deal, deal, DealChangeKind.AMOUNT_CHANGED, ALICE))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("must differ");
        assertThat(List.of(DealChangeKind.values())).filteredOn(DealChangeKind::isStageChange)
                .containsExactly(DealChangeKind.STAGE_CHANGED, DealChangeKind.WON, DealChangeKind.LOST,
                        DealChangeKind.REOPENED, DealChangeKind.STAGE_RETIRED);
    }
}
