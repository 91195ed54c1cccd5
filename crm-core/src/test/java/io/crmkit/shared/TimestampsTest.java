package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-01-01T10:00:00.123456789Z, 2026-01-01T10:00:00.123456Z",
            "2026-01-01T10:00:00.123456999Z, 2026-01-01T10:00:00.123456Z",
            "2026-01-01T10:00:00.123456Z, 2026-01-01T10:00:00.123456Z",
            "2026-01-01T10:00:00Z, 2026-01-01T10:00:00Z",
            "1969-12-31T23:59:59.999999999Z, 1969-12-31T23:59:59.999999Z",
            "1900-01-01T00:00:00.000000999Z, 1900-01-01T00:00:00Z",
            "9999-12-31T23:59:59.999999999Z, 9999-12-31T23:59:59.999999Z"
    })
    void truncatesToMicroseconds(String given, String stored) {
        assertThat(Timestamps.normalise("occurredAt", Instant.parse(given))).isEqualTo(Instant.parse(stored));
    }

    @Test
    void theBoundsAreInclusive() {
        assertThat(Timestamps.normalise("at", Timestamps.MIN)).isEqualTo(Instant.parse("1900-01-01T00:00:00Z"));
        assertThat(Timestamps.normalise("at", Timestamps.MAX)).isEqualTo(Instant.parse("9999-12-31T23:59:59.999999Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1899-12-31T23:59:59.999999999Z", "1000-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
            "-1000000000-01-01T00:00:00Z", "+1000000000-12-31T23:59:59.999999999Z"})
    void refusesInstantsOutsideTheYears1900To9999(String instant) {
        assertThatThrownBy(() -> Timestamps.normalise("occurredAt", Instant.parse(instant)))
                .isInstanceOfSatisfying(InvalidInputException.class, e ->
                        assertThat(e.violations()).singleElement().satisfies(v -> {
                            assertThat(v.path()).isEqualTo("occurredAt");
                            assertThat(v.message()).isEqualTo("must be between the years 1900 and 9999");
                        }));
    }

    @Test
    void refusesNullAtThePathGiven() {
        assertThatThrownBy(() -> Timestamps.normalise("recordedAt", null)).isInstanceOf(InvalidInputException.class)
                .hasMessage("Invalid input: recordedAt: must not be null");
    }
}
