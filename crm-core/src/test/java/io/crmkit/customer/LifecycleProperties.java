package io.crmkit.customer;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.testing.ForAll;
import io.crmkit.testing.Gen;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifecycle never goes backwards through {@code moveLifecycleTo} (DESIGN.md §3 and §7). */
class LifecycleProperties {

    record Moves(LifecycleStage start, List<LifecycleStage> targets) {
    }

    @Test
    void theStageNeverGoesBackwardsAndRefusalsChangeNothing() {
        LifecycleStage[] stages = LifecycleStage.values();
        ForAll.check(1000, r -> new Moves(Gen.oneOf(r, stages), Gen.listOf(r, 0, 30, x -> Gen.oneOf(x, stages))),
                moves -> {
                    Customer customer = CustomerFixtures.person().lifecycleStage(moves.start()).build();
                    Instant now = CustomerFixtures.T0;
                    // the highest ordinal among ordered stages reached so far; -1 before any
                    int highestOrdered = moves.start().isOrdered() ? moves.start().ordinal() : -1;
                    boolean leftTheFunnel = !moves.start().isOrdered();
                    for (LifecycleStage target : moves.targets()) {
                        now = now.plusSeconds(1);
                        Customer before = customer;
                        LifecycleChange change = customer.moveLifecycleTo(target, now);
                        customer = change.customer();

                        if (change instanceof LifecycleChange.Advanced) {
                            assertThat(customer.lifecycleStage()).isEqualTo(target);
                            assertThat(customer.version()).isEqualTo(before.version() + 1);
                            assertThat(customer.updatedAt()).isEqualTo(now);
                        } else {
                            // refused or unchanged: the very same customer, same stage and version
                            assertThat(customer).isSameAs(before);
                            if (change.isRefused()) {
                                assertThat(((LifecycleChange.Refused) change).reason()).isNotBlank();
                                assertThat(target).isNotEqualTo(before.lifecycleStage());
                            } else {
                                assertThat(target).isEqualTo(before.lifecycleStage());
                            }
                        }

                        LifecycleStage stage = customer.lifecycleStage();
                        if (stage.isOrdered()) {
                            assertThat(leftTheFunnel).as("back into the funnel after OTHER").isFalse();
                            assertThat(stage.ordinal()).as("ordinal after moving to %s", target)
                                    .isGreaterThanOrEqualTo(highestOrdered);
                            highestOrdered = stage.ordinal();
                        } else {
                            leftTheFunnel = true;
                        }
                    }
                });
    }

    @Test
    void everyForwardMoveIsAllowed() {
        List<LifecycleStage> ordered = List.of(LifecycleStage.values()).subList(0, 7);
        ForAll.check(200, r -> Gen.listOf(r, 0, 7, x -> Gen.oneOf(x, ordered.toArray(new LifecycleStage[0])))
                .stream().sorted().distinct().toList(), path -> {
                    Customer customer = CustomerFixtures.person().lifecycleStage(LifecycleStage.SUBSCRIBER).build();
                    for (LifecycleStage target : path) {
                        LifecycleChange change = customer.moveLifecycleTo(target, CustomerFixtures.T0);
                        assertThat(change.isRefused()).as("%s -> %s", customer.lifecycleStage(), target).isFalse();
                        customer = change.customer();
                    }
                    assertThat(customer.lifecycleStage())
                            .isEqualTo(path.isEmpty() ? LifecycleStage.SUBSCRIBER : path.get(path.size() - 1));
                });
    }
}
