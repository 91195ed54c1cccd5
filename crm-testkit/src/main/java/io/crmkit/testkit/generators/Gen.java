package io.crmkit.testkit.generators;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.function.Function;

/**
 * A generator of random values: a function of a {@link Random}, so that the same seed makes the same values.
 *
 * <p>Generators are plain functions on purpose: they work in any test framework. A property-based testing library
 * that can make a value from a {@code Random} can wrap one in a line.
 *
 * @param <T> the values
 */
@FunctionalInterface
public interface Gen<T> {

    /** A value made from {@code random}. */
    T next(Random random);

    /** The values of this generator, transformed by {@code mapper}. */
    default <R> Gen<R> map(Function<? super T, ? extends R> mapper) {
        Objects.requireNonNull(mapper, "mapper");
        return random -> mapper.apply(next(random));
    }

    /** A value of the generator that {@code next} makes from a value of this one. */
    default <R> Gen<R> flatMap(Function<? super T, Gen<R>> next) {
        Objects.requireNonNull(next, "next");
        return random -> next.apply(next(random)).next(random);
    }

    /** This generator's values, or null with the given probability. */
    default Gen<T> orNull(double probabilityOfNull) {
        return random -> random.nextDouble() < probabilityOfNull ? null : next(random);
    }

    /** Lists of {@code min} to {@code max} values of this generator. */
    default Gen<List<T>> list(int min, int max) {
        return random -> {
            int size = min + random.nextInt(max - min + 1);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                list.add(next(random));
            }
            return list;
        };
    }

    /** Always {@code value}. */
    static <T> Gen<T> constant(T value) {
        return random -> value;
    }

    /** One of {@code values}, each as likely. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied
    static <T> Gen<T> oneOf(T... values) {
        return oneOf(List.of(values));
    }

    /** One of {@code values}, each as likely. */
    static <T> Gen<T> oneOf(List<T> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to choose from");
        }
        List<T> copy = List.copyOf(values);
        return random -> copy.get(random.nextInt(copy.size()));
    }

    /** The value of one of {@code generators}, each as likely. */
    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied
    static <T> Gen<T> anyOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> copy = List.of(generators);
        return random -> copy.get(random.nextInt(copy.size())).next(random);
    }

    /** An int from {@code min} to {@code max}, both included. */
    static Gen<Integer> ints(int min, int max) {
        if (max < min) {
            throw new IllegalArgumentException("max < min");
        }
        return random -> min + (int) (((long) max - min + 1) * random.nextDouble());
    }

    /** True with probability {@code probability}. */
    static Gen<Boolean> chance(double probability) {
        return random -> random.nextDouble() < probability;
    }
}
