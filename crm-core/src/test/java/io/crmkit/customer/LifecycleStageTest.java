package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LifecycleStageTest {

    @Test
    void theOrderedStagesAreTheFunnelInOrderAndOtherStandsOutside() {
        assertThat(Arrays.stream(LifecycleStage.values()).filter(LifecycleStage::isOrdered)).containsExactly(
                LifecycleStage.SUBSCRIBER, LifecycleStage.LEAD, LifecycleStage.MARKETING_QUALIFIED,
                LifecycleStage.SALES_QUALIFIED, LifecycleStage.OPPORTUNITY, LifecycleStage.CUSTOMER,
                LifecycleStage.EVANGELIST);
        assertThat(LifecycleStage.OTHER.isOrdered()).isFalse();
        assertThat(LifecycleStage.CUSTOMER.isAfter(LifecycleStage.LEAD)).isTrue();
        assertThat(LifecycleStage.LEAD.isAfter(LifecycleStage.CUSTOMER)).isFalse();
        assertThat(LifecycleStage.LEAD.isAfter(LifecycleStage.LEAD)).isFalse();
        assertThat(LifecycleStage.OTHER.isAfter(LifecycleStage.LEAD)).isFalse();
        assertThat(LifecycleStage.EVANGELIST.isAfter(LifecycleStage.OTHER)).isFalse();
    }

    static Stream<Arguments> everyMove() {
        return Arrays.stream(LifecycleStage.values())
                .flatMap(from -> Arrays.stream(LifecycleStage.values()).map(to -> Arguments.of(from, to)));
    }

    /**
     * The rule, for all 64 moves: staying is a no-op; forward (skipping allowed) and into OTHER are allowed;
     * backwards and out of OTHER are refused.
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyMove")
    void refusesExactlyTheMovesBackwardsAndOutOfOther(LifecycleStage from, LifecycleStage to) {
        boolean allowed = from == to
                || (from != LifecycleStage.OTHER && (to == LifecycleStage.OTHER || to.ordinal() > from.ordinal()));

        assertThat(from.refusalToMoveTo(to).isEmpty()).isEqualTo(allowed);
    }

    @Test
    void theReasonsSayWhatToDo() {
        assertThat(LifecycleStage.CUSTOMER.refusalToMoveTo(LifecycleStage.SUBSCRIBER)).contains(
                "lifecycle stage moves forward only: CUSTOMER is after SUBSCRIBER; use resetLifecycle to move it back");
        assertThat(LifecycleStage.OTHER.refusalToMoveTo(LifecycleStage.CUSTOMER)).contains(
                "lifecycle stage OTHER stands outside the funnel and is left only by a reset, so that no move goes "
                        + "backwards through it; use resetLifecycle to move it to CUSTOMER");
    }

    @Test
    void aCustomerCannotGoBackwardsThroughOther() {
        Customer customer = CustomerFixtures.person().lifecycleStage(LifecycleStage.CUSTOMER).build();

        Customer other = customer.moveLifecycleTo(LifecycleStage.OTHER, CustomerFixtures.T0).customer();
        LifecycleChange back = other.moveLifecycleTo(LifecycleStage.SUBSCRIBER, CustomerFixtures.T0);

        assertThat(other.lifecycleStage()).isEqualTo(LifecycleStage.OTHER);
        assertThat(back.isRefused()).isTrue();
        assertThat(back.customer()).isSameAs(other);
        assertThat(other.resetLifecycleTo(LifecycleStage.CUSTOMER, CustomerFixtures.T0).lifecycleStage())
                .isEqualTo(LifecycleStage.CUSTOMER);
    }
}
