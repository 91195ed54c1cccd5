package io.crmkit.testing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** Generators for {@link ForAll}: small values and edge cases come often. */
public final class Gen {

    private Gen() {
    }

    /** An int in {@code [min, max]}, the bounds themselves one time in eight. */
    public static int between(Random random, int min, int max) {
        int pick = random.nextInt(16);
        if (pick == 0) {
            return min;
        }
        if (pick == 1) {
            return max;
        }
        return (int) (min + (long) (random.nextDouble() * ((long) max - min + 1)));
    }

    /** Any long, with 0, ±1, the extremes and the sign boundaries mixed in. */
    public static long anyLong(Random random) {
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1,
                0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};
        return random.nextInt(8) == 0 ? edges[random.nextInt(edges.length)] : random.nextLong();
    }

    /**
     * An amount with exactly {@code scale} fraction digits, up to {@code maxIntegerDigits} integer digits, either
     * sign; small amounts and zero are frequent.
     */
    public static BigDecimal amount(Random random, int scale, int maxIntegerDigits) {
        int digits = random.nextInt(4) == 0 ? 1 : 1 + random.nextInt(maxIntegerDigits + scale);
        StringBuilder unscaled = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            unscaled.append((char) ('0' + random.nextInt(10)));
        }
        BigInteger value = new BigInteger(unscaled.toString());
        if (random.nextBoolean()) {
            value = value.negate();
        }
        return new BigDecimal(value, scale);
    }

    /** One of {@code values}. */
    @SafeVarargs
    public static <T> T oneOf(Random random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** A list of {@code min} to {@code max} elements. */
    public static <T> List<T> listOf(Random random, int min, int max, Function<Random, T> element) {
        int size = between(random, min, max);
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(element.apply(random));
        }
        return list;
    }
}
