package io.crmkit.testing;

import java.util.Objects;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small, dependency-free property checker for crm-core's own tests: runs a property for many generated inputs
 * and, on the first failure, reports the input, the try and the seed that reproduce it.
 *
 * <p>Runs are deterministic: the seed of a property is derived from its test class and method name, so the same
 * inputs are checked on every run and on every machine, and a failure is never flaky. To explore other inputs, run
 * with {@code -Dcrmkit.seed=<number>}; to reproduce a reported failure, run with the reported seed.
 *
 * <p>There is no shrinking: generators are written to produce small values and edge cases often, so that a
 * reported input is readable as it is.
 */
public final class ForAll {

    /** The system property that overrides every property's seed. */
    public static final String SEED_PROPERTY = "crmkit.seed";

    private ForAll() {
    }

    /**
     * Checks {@code property} for {@code tries} inputs made by {@code generator}.
     *
     * @throws AssertionError naming the failing input, try and seed, with the property's failure as its cause
     */
    public static <T> void check(int tries, Function<Random, T> generator, Consumer<? super T> property) {
        long seed = seed();
        Random random = new Random(seed);
        for (int i = 1; i <= tries; i++) {
            T input = generator.apply(random);
            try {
                property.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property falsified at try " + i + " of " + tries + " (seed " + seed
                        + ", rerun with -D" + SEED_PROPERTY + "=" + seed + ") by input: " + input
                        + System.lineSeparator() + e, e);
            }
        }
    }

    private static long seed() {
        String configured = System.getProperty(SEED_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Long.parseLong(configured.strip());
        }
        StackWalker.StackFrame caller = StackWalker.getInstance()
                .walk(frames -> frames.filter(f -> !f.getClassName().equals(ForAll.class.getName()))
                        .findFirst().orElseThrow());
        return Objects.hash(caller.getClassName(), caller.getMethodName()) * 0x9E3779B97F4A7C15L;
    }
}
