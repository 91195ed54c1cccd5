package io.crmkit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The property checker itself: a false property is reported, reproducibly. */
class ForAllTest {

    @Test
    void runsTheGivenNumberOfTries() {
        List<Integer> seen = new ArrayList<>();
        ForAll.check(250, r -> r.nextInt(), seen::add);
        assertThat(seen).hasSize(250);
    }

    @Test
    void reportsTheFalsifyingInputTheTryAndTheSeed() {
        assertThatThrownBy(() -> ForAll.check(1000, r -> Gen.between(r, 0, 100), n -> assertThat(n).isLessThan(100)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("property falsified at try ")
                .hasMessageContaining("by input: 100")
                .hasMessageMatching("(?s).*seed -?\\d+, rerun with -Dcrmkit\\.seed=-?\\d+.*")
                .hasCauseInstanceOf(AssertionError.class);
    }

    @Test
    void reportsExceptionsOfThePropertyToo() {
        assertThatThrownBy(() -> ForAll.check(10, r -> "x", s -> {
            throw new IllegalStateException("boom");
        })).isInstanceOf(AssertionError.class).hasMessageContaining("by input: x")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void generatesTheSameInputsOnEveryRun() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        for (List<Long> run : List.of(first, second)) {
            generateFromHere(run);
        }
        assertThat(first).hasSize(50).isEqualTo(second);
    }

    @Test
    void theSeedCanBeChosenOnTheCommandLine() {
        String previous = System.getProperty(ForAll.SEED_PROPERTY);
        try {
            System.setProperty(ForAll.SEED_PROPERTY, "42");
            List<Long> withSeed = new ArrayList<>();
            ForAll.check(5, r -> r.nextLong(), withSeed::add);
            java.util.Random expected = new java.util.Random(42);
            assertThat(withSeed).containsExactly(expected.nextLong(), expected.nextLong(), expected.nextLong(),
                    expected.nextLong(), expected.nextLong());
        } finally {
            if (previous == null) {
                System.clearProperty(ForAll.SEED_PROPERTY);
            } else {
                System.setProperty(ForAll.SEED_PROPERTY, previous);
            }
        }
    }

    @Test
    void edgeCasesComeOften() {
        List<Integer> values = new ArrayList<>();
        ForAll.check(400, r -> Gen.between(r, -5, 1_000_000), values::add);
        assertThat(values).contains(-5, 1_000_000).allSatisfy(v -> assertThat(v).isBetween(-5, 1_000_000));
    }

    private static void generateFromHere(List<Long> into) {
        ForAll.check(50, r -> r.nextLong(), into::add);
    }
}
