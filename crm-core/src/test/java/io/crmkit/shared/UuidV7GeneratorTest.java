package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.crmkit.testing.MutableClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class UuidV7GeneratorTest {

    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z

    static long timestamp(UUID id) {
        return id.getMostSignificantBits() >>> 16;
    }

    static int counter(UUID id) {
        return (int) (id.getMostSignificantBits() & 0xFFF);
    }

    @Test
    void makesVersion7Variant2IdsWhoseTimestampIsTheClock() {
        MutableClock clock = MutableClock.atMillis(T0);
        IdGenerator ids = IdGenerator.uuidV7(clock);

        for (int i = 0; i < 100; i++) {
            clock.setMillis(T0 + i * 7L);
            UUID id = ids.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(timestamp(id)).isEqualTo(T0 + i * 7L);
        }
    }

    @Test
    void theTimestampIsTheFirst48BitsOfTheCanonicalText() {
        MutableClock clock = MutableClock.atMillis(0x0123_4567_89ABL);
        UUID id = IdGenerator.uuidV7(clock).next();

        assertThat(id.toString()).startsWith("01234567-89ab-7");
        assertThat(id.toString().charAt(19)).isIn('8', '9', 'a', 'b');
    }

    @Test
    void idsOfOneMillisecondAreStrictlyIncreasingAndCarryTheTimestampForwardWhenTheCounterRunsOut() {
        MutableClock clock = MutableClock.atMillis(T0);
        IdGenerator ids = IdGenerator.uuidV7(clock, new Random(1));

        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            made.add(ids.next());
        }

        assertStrictlyIncreasing(made);
        assertThat(timestamp(made.get(0))).isEqualTo(T0);
        // at least 2048 ids fit in a millisecond (the counter starts below 2^11 and counts up to 2^12 - 1) ...
        assertThat(made.subList(0, 2049)).allSatisfy(id -> assertThat(timestamp(id)).isEqualTo(T0));
        // ... and the timestamp moves on by one millisecond per exhausted counter, never further
        long last = timestamp(made.get(made.size() - 1));
        assertThat(last).isGreaterThan(T0).isLessThanOrEqualTo(T0 + 20_000 / 2048 + 1);
        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        });
    }

    @Test
    void staysStrictlyIncreasingWhenTheClockGoesBackwards() {
        MutableClock clock = MutableClock.atMillis(T0);
        IdGenerator ids = IdGenerator.uuidV7(clock, new Random(2));

        UUID before = ids.next();
        clock.setMillis(T0 - 60_000); // NTP steps the clock back a minute
        UUID after = ids.next();
        UUID later = ids.next();
        clock.setMillis(T0 + 1);
        UUID caughtUp = ids.next();

        assertStrictlyIncreasing(List.of(before, after, later, caughtUp));
        assertThat(timestamp(after)).isEqualTo(T0);
        assertThat(timestamp(later)).isEqualTo(T0);
        assertThat(timestamp(caughtUp)).isEqualTo(T0 + 1);
    }

    @Test
    void staysValidWhenTheRandomSourceGivesItsLargestValues() {
        Random maximal = new Random() {
            private static final long serialVersionUID = 1L;

            @Override
            public int nextInt(int bound) {
                return bound - 1;
            }

            @Override
            public long nextLong() {
                return -1L;
            }
        };
        MutableClock clock = MutableClock.atMillis(T0);
        IdGenerator ids = IdGenerator.uuidV7(clock, maximal);

        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            made.add(ids.next());
        }

        assertStrictlyIncreasing(made);
        assertThat(counter(made.get(0))).isEqualTo(2047);
        assertThat(made).allSatisfy(id -> {
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getLeastSignificantBits()).isEqualTo(0xBFFF_FFFF_FFFF_FFFFL);
        });
    }

    @Test
    void aSeededRandomAndAFixedClockMakeAReproducibleSequence() {
        IdGenerator first = IdGenerator.uuidV7(MutableClock.atMillis(T0), new Random(42));
        IdGenerator second = IdGenerator.uuidV7(MutableClock.atMillis(T0), new Random(42));

        for (int i = 0; i < 100; i++) {
            assertThat(first.next()).isEqualTo(second.next());
        }
    }

    @Test
    void neverRepeatsAnIdAcrossThreads() throws Exception {
        IdGenerator ids = IdGenerator.uuidV7(MutableClock.atMillis(T0));
        int threads = 4;
        int perThread = 5000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<UUID>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    List<UUID> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(ids.next());
                    }
                    return mine;
                }));
            }
            Set<UUID> all = new HashSet<>();
            for (Future<List<UUID>> future : futures) {
                List<UUID> mine = future.get();
                assertStrictlyIncreasing(mine); // each thread sees its own ids in creation order
                all.addAll(mine);
            }
            assertThat(all).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertStrictlyIncreasing(List<UUID> ids) {
        for (int i = 1; i < ids.size(); i++) {
            assertThat(Ids.compare(ids.get(i - 1), ids.get(i)))
                    .as("id %d (%s) before id %d (%s)", i - 1, ids.get(i - 1), i, ids.get(i))
                    .isNegative();
        }
    }
}
