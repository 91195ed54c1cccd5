package io.crmkit.shared;

import java.time.Clock;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;

/**
 * RFC 9562 version 7: 48 bits of Unix milliseconds, version, 12 bits of counter (method 1 "fixed-length
 * dedicated counter"), variant, 62 random bits. The counter is seeded randomly each millisecond and
 * incremented within it; when it overflows, or the clock goes backwards, the timestamp is carried forward so
 * that ids stay strictly increasing.
 */
final class UuidV7Generator implements IdGenerator {

    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private int counter;

    UuidV7Generator(Clock clock, Random random) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public synchronized UUID next() {
        long millis = clock.millis();
        if (millis > lastMillis) {
            lastMillis = millis;
            counter = random.nextInt(1 << 11); // leave headroom below 2^12 for increments
        } else {
            counter++;
            if (counter >= (1 << 12)) {
                lastMillis++;
                counter = random.nextInt(1 << 11);
            }
        }
        long high = (lastMillis & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | counter;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
