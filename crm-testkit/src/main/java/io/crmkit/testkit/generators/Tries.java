package io.crmkit.testkit.generators;

import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Runs a property a number of times, each time with a {@link Random} of its own seed, and says how to repeat a
 * failure.
 *
 * <p>Every run starts from a base seed: the system property {@value #SEED_PROPERTY} if it is set, else a random
 * one. Try {@code i} uses a seed derived from the base seed and {@code i} only, so running again with the base seed
 * that a failure reports makes the same values in the same order. The system property {@value #TRIES_PROPERTY}
 * multiplies the number of tries of every property (for a long run in CI: {@code -Dcrmkit.testkit.tries=10}).
 *
 * <p>There is no shrinking: a failure reports the try, the seed, and the assertion that failed, whose message
 * names the values involved.
 */
public final class Tries {

    /** The system property that fixes the base seed. */
    public static final String SEED_PROPERTY = "crmkit.testkit.seed";

    /** The system property that multiplies the number of tries. */
    public static final String TRIES_PROPERTY = "crmkit.testkit.tries";

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    private Tries() {
    }

    /**
     * Runs {@code property} {@code tries} times (times the multiplier), each with its own seeded {@link Random}.
     *
     * @throws AssertionError naming the try and the base seed, with the property's failure as its cause
     */
    public static void check(int tries, Consumer<Random> property) {
        long base = baseSeed();
        int total = tries * multiplier();
        for (int i = 0; i < total; i++) {
            long seed = mix(base + (i + 1) * GOLDEN_GAMMA);
            try {
                property.accept(new Random(seed));
            } catch (AssertionError | RuntimeException e) {
                AssertionError failure = new AssertionError("property failed on try " + (i + 1) + " of " + total
                        + "; repeat with -D" + SEED_PROPERTY + "=" + base + ": " + e.getMessage(), e);
                failure.setStackTrace(new StackTraceElement[0]);
                throw failure;
            }
        }
    }

    private static long baseSeed() {
        String fixed = System.getProperty(SEED_PROPERTY);
        if (fixed != null && !fixed.isBlank()) {
            try {
                return Long.parseLong(fixed.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(SEED_PROPERTY + " must be a long, not '" + fixed + "'", e);
            }
        }
        return new SecureRandom().nextLong();
    }

    private static int multiplier() {
        String value = System.getProperty(TRIES_PROPERTY);
        if (value == null || value.isBlank()) {
            return 1;
        }
        try {
            return Math.max(1, Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(TRIES_PROPERTY + " must be a positive int, not '" + value + "'", e);
        }
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
