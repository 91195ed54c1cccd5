package io.crmkit.testkit.generators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TriesTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(Tries.SEED_PROPERTY);
        System.clearProperty(Tries.TRIES_PROPERTY);
    }

    private static List<Long> firstValuesOf(int tries) {
        List<Long> values = new ArrayList<>();
        Tries.check(tries, random -> values.add(random.nextLong()));
        return values;
    }

    @Test
    void a_property_runs_once_per_try_each_with_randomness_of_its_own() {
        List<Long> values = firstValuesOf(50);

        assertThat(values).hasSize(50);
        assertThat(new HashSet<>(values)).hasSize(50);
    }

    @Test
    void the_same_base_seed_makes_the_same_values_in_the_same_order() {
        System.setProperty(Tries.SEED_PROPERTY, "42");
        List<Long> first = firstValuesOf(20);
        List<Long> again = firstValuesOf(20);
        System.setProperty(Tries.SEED_PROPERTY, "43");
        List<Long> other = firstValuesOf(20);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    @Test
    void without_a_fixed_seed_every_run_differs() {
        assertThat(firstValuesOf(5)).isNotEqualTo(firstValuesOf(5));
    }

    @Test
    void a_failure_names_the_try_and_a_seed_that_repeats_it() {
        AtomicInteger calls = new AtomicInteger();
        List<Long> seen = new ArrayList<>();
        IllegalStateException cause = new IllegalStateException("the seventh try fails");

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> Tries.check(10, random -> {
            seen.add(random.nextLong());
            if (calls.incrementAndGet() == 7) {
                throw cause;
            }
        }));

        assertThat(failure).isInstanceOf(AssertionError.class).hasCause(cause)
                .hasMessageContaining("try 7 of 10").hasMessageContaining("the seventh try fails");
        Matcher seed = Pattern.compile("-D" + Pattern.quote(Tries.SEED_PROPERTY) + "=(-?\\d+)")
                .matcher(failure.getMessage());
        assertThat(seed.find()).as("the message names the seed: %s", failure.getMessage()).isTrue();

        System.setProperty(Tries.SEED_PROPERTY, seed.group(1));
        List<Long> repeated = new ArrayList<>();
        assertThatThrownBy(() -> Tries.check(10, random -> {
            repeated.add(random.nextLong());
            if (repeated.size() == 7) {
                throw new IllegalStateException("again");
            }
        })).hasMessageContaining("try 7 of 10");
        assertThat(repeated).isEqualTo(seen);
    }

    @Test
    void the_tries_property_multiplies_the_number_of_tries() {
        System.setProperty(Tries.TRIES_PROPERTY, "3");

        assertThat(firstValuesOf(4)).hasSize(12);
    }

    @Test
    void a_malformed_seed_is_refused_with_the_property_named() {
        System.setProperty(Tries.SEED_PROPERTY, "forty-two");

        assertThatThrownBy(() -> firstValuesOf(1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Tries.SEED_PROPERTY);
    }
}
