package io.crmkit.behaviour;

import io.crmkit.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.Crm;
import io.crmkit.customer.Customer;
import io.crmkit.customer.CustomerRegistration;
import io.crmkit.customer.LifecycleChange;
import io.crmkit.customer.LifecycleStage;
import io.crmkit.customer.LifecycleStageChanged;
import io.crmkit.inmemory.InMemoryCrmStorage;
import io.crmkit.shared.CustomerId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import io.crmkit.testing.ForAll;
import io.crmkit.testing.Gen;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Random sequences of lifecycle moves through the Customers API: a customer never moves backwards in the ordered
 * stages except through resetLifecycle (OTHER stands outside the order: it may be entered from any stage and is left
 * only by a reset, as {@link LifecycleStage} documents).
 */
@DisplayName("Lifecycle properties")
class LifecyclePropertyTest {

    /** One Crm for all tries (each try registers its own customer), so that a try costs microseconds. */
    private static final Map<CustomerId, List<LifecycleStageChanged>> EVENTS = new ConcurrentHashMap<>();
    private static final Crm CRM = Fixture.builder(new InMemoryCrmStorage(), new MutableClock(Fixture.START), 11)
            .listener(LifecycleStageChanged.class,
                    e -> EVENTS.computeIfAbsent(e.customerId(), c -> new CopyOnWriteArrayList<>()).add(e))
            .build();

    /** A call to advanceLifecycle, or (if {@code reset}) to resetLifecycle, with {@code target}. */
    record Move(boolean reset, LifecycleStage target) {
    }

    /** Whether going from {@code from} to {@code to} goes back in the order; written out, not taken from main. */
    static boolean backwards(LifecycleStage from, LifecycleStage to) {
        List<LifecycleStage> order = List.of(LifecycleStage.SUBSCRIBER, LifecycleStage.LEAD,
                LifecycleStage.MARKETING_QUALIFIED, LifecycleStage.SALES_QUALIFIED, LifecycleStage.OPPORTUNITY,
                LifecycleStage.CUSTOMER, LifecycleStage.EVANGELIST);
        return order.contains(from) && order.contains(to) && order.indexOf(to) < order.indexOf(from);
    }

    /** Whether advanceLifecycle refuses the move: backwards, or out of OTHER. */
    static boolean refused(LifecycleStage from, LifecycleStage to) {
        return backwards(from, to) || (from == LifecycleStage.OTHER && to != LifecycleStage.OTHER);
    }

    record Try(LifecycleStage initial, List<Move> moves) {
    }

    static Try tries(Random random) {
        return new Try(Gen.oneOf(random, LifecycleStage.values()), Gen.listOf(random, 0, 30,
                r -> new Move(r.nextInt(8) == 0, Gen.oneOf(r, LifecycleStage.values()))));
    }

    @Test
    @DisplayName("a customer moves backwards only through resetLifecycle")
    void movesBackwardsOnlyThroughReset() {
        ForAll.check(300, LifecyclePropertyTest::tries, t -> check(t.initial(), t.moves()));
    }

    private static void check(LifecycleStage initial, List<Move> moves) {
        Customer customer = CRM.customers().register(CustomerRegistration.person("Sam", null)
                .lifecycleStage(initial).build());
        LifecycleStage stage = initial;
        long version = customer.version();

        for (Move move : moves) {
            if (move.reset()) {
                Customer reset = CRM.customers().resetLifecycle(customer.id(), move.target(), "correction");
                assertThat(reset.lifecycleStage()).isEqualTo(move.target());
                stage = move.target();
                version++;
            } else {
                LifecycleChange change = CRM.customers().advanceLifecycle(customer.id(), move.target());
                Customer stored = CRM.customers().get(customer.id());
                assertThat(change.customer()).isEqualTo(stored);
                assertThat(backwards(stage, stored.lifecycleStage()))
                        .as("%s -> %s moved backwards", stage, stored.lifecycleStage()).isFalse();
                if (refused(stage, move.target())) {
                    assertThat(change).isInstanceOf(LifecycleChange.Refused.class);
                    assertThat(((LifecycleChange.Refused) change).reason()).isNotBlank();
                    assertThat(stored.lifecycleStage()).isEqualTo(stage);
                } else if (move.target() == stage) {
                    assertThat(change).isInstanceOf(LifecycleChange.Unchanged.class);
                } else {
                    assertThat(change).isInstanceOf(LifecycleChange.Advanced.class);
                    assertThat(stored.lifecycleStage()).isEqualTo(move.target());
                    stage = move.target();
                    version++;
                }
            }
            assertThat(CRM.customers().get(customer.id()).version()).isEqualTo(version);
        }

        // The events tell the same story: one per change, chained, and backwards only when reset.
        List<LifecycleStageChanged> events = EVENTS.getOrDefault(customer.id(), List.of());
        assertThat(events).hasSize((int) (version - 1));
        LifecycleStage replayed = initial;
        for (LifecycleStageChanged event : events) {
            assertThat(event.from()).isEqualTo(replayed);
            assertThat(event.reset() || !backwards(event.from(), event.to()))
                    .as("%s -> %s without reset", event.from(), event.to()).isTrue();
            replayed = event.to();
        }
        assertThat(replayed).isEqualTo(stage);
    }
}
