package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.testing.ForAll;
import io.crmkit.testing.Gen;
import io.crmkit.testing.MutableClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** UUID v7 monotonicity and the order of ids. */
class IdProperties {

    private static final long T0 = 1_767_225_600_000L;

    /** One step of a clock: move it by {@code clockMove} milliseconds (any sign), then make {@code ids} ids. */
    record Step(long clockMove, int ids) {
    }

    record Pair(UUID a, UUID b) {
    }

    @Test
    void uuidV7IdsAreStrictlyIncreasingWhateverTheClockDoes() {
        ForAll.check(300, r -> Gen.listOf(r, 1, 40, x -> new Step(
                Gen.oneOf(x, 0L, 0L, 1L, 2L, -1L, -5_000L, 60_000L, (long) Gen.between(x, -3, 3)),
                Gen.oneOf(x, 1, 1, 2, 10, Gen.between(x, 0, 3000)))), steps -> {
            MutableClock clock = MutableClock.atMillis(T0);
            IdGenerator generator = IdGenerator.uuidV7(clock, new Random(steps.hashCode()));
            UUID previous = null;
            for (Step step : steps) {
                clock.setMillis(clock.millis() + step.clockMove());
                for (int i = 0; i < step.ids(); i++) {
                    UUID id = generator.next();
                    assertThat(id.version()).isEqualTo(7);
                    assertThat(id.variant()).isEqualTo(2);
                    long timestamp = id.getMostSignificantBits() >>> 16;
                    if (previous == null) {
                        assertThat(timestamp).isEqualTo(clock.millis());
                    } else {
                        assertThat(Ids.compare(previous, id)).as("%s then %s", previous, id).isNegative();
                        long previousTimestamp = previous.getMostSignificantBits() >>> 16;
                        if (clock.millis() > previousTimestamp) {
                            // the clock is ahead of the last id: the id carries the clock's time
                            assertThat(timestamp).isEqualTo(clock.millis());
                        } else {
                            // same millisecond or clock behind: the last id's time, one later when the counter ran out
                            assertThat(timestamp).isBetween(previousTimestamp, previousTimestamp + 1);
                        }
                    }
                    previous = id;
                }
            }
        });
    }

    @Test
    void compareAgreesWithTheOrderOfTheCanonicalText() {
        ForAll.check(2000, r -> {
            UUID a = new UUID(Gen.anyLong(r), Gen.anyLong(r));
            UUID b = switch (r.nextInt(4)) {
                case 0 -> a;
                case 1 -> new UUID(a.getMostSignificantBits(), Gen.anyLong(r));
                default -> new UUID(Gen.anyLong(r), Gen.anyLong(r));
            };
            return new Pair(a, b);
        }, p -> {
            int byCompare = Integer.signum(Ids.compare(p.a(), p.b()));
            assertThat(byCompare).isEqualTo(Integer.signum(p.a().toString().compareTo(p.b().toString())));
            assertThat(byCompare).isEqualTo(-Integer.signum(Ids.compare(p.b(), p.a())));
            assertThat(byCompare == 0).isEqualTo(p.a().equals(p.b()));
        });
    }

    @Test
    void idsSortedByCompareAreSortedByText() {
        ForAll.check(200, r -> Gen.listOf(r, 0, 50, x -> new UUID(Gen.anyLong(x), Gen.anyLong(x))), ids -> {
            List<UUID> byCompare = new ArrayList<>(ids);
            byCompare.sort(Ids::compare);
            List<String> byText = new ArrayList<>(ids.stream().map(UUID::toString).toList());
            byText.sort(String::compareTo);
            assertThat(byCompare.stream().map(UUID::toString).toList()).isEqualTo(byText);
        });
    }

    @Test
    void everyUuidRoundTripsThroughItsCanonicalText() {
        ForAll.check(1000, r -> new UUID(Gen.anyLong(r), Gen.anyLong(r)), uuid -> {
            assertThat(CustomerId.parse(uuid.toString()).value()).isEqualTo(uuid);
            assertThat(Ids.parse("id", uuid.toString().toUpperCase())).isEqualTo(uuid);
        });
    }
}
