package io.crmkit.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.customer.ImportantDate;
import io.crmkit.customer.PersonProfile;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Values every storage can keep")
class StorableTextTest {

    @Test
    @DisplayName("text with U+0000 or an unpaired surrogate is refused wherever crmkit stores text")
    void refusesUnstorableText() {
        assertThat(StorableText.problem("plain text, emoji \uD83D\uDD6F and umlauts ä")).isNull();
        assertThat(StorableText.problem("nul \u0000 inside")).contains("U+0000");
        assertThat(StorableText.problem("lone high \uD83D")).contains("unpaired surrogate");
        assertThat(StorableText.problem("\uDD6F lone low")).contains("unpaired surrogate");

        assertThatThrownBy(() -> AttributeValue.text("a\u0000b")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new PersonProfile("Sa\uD800rah", null, null))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).path()).isEqualTo("givenName"));
    }

    @Test
    @DisplayName("dates outside the years 1 to 9999 are refused")
    void refusesDatesNoDatabaseKeeps() {
        assertThat(ImportantDate.birthday(LocalDate.of(1, 1, 1)).date()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThatThrownBy(() -> ImportantDate.birthday(LocalDate.of(0, 12, 31)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> AttributeValue.date(LocalDate.of(10_000, 1, 1)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    @DisplayName("a query bound finer than a microsecond rounds up to the next microsecond")
    void roundsBoundsUpToMicroseconds() {
        assertThat(Timestamps.ceilToMicros(Instant.parse("2026-01-01T10:00:00.000001Z")))
                .isEqualTo(Instant.parse("2026-01-01T10:00:00.000001Z"));
        assertThat(Timestamps.ceilToMicros(Instant.parse("2026-01-01T10:00:00.0000005Z")))
                .isEqualTo(Instant.parse("2026-01-01T10:00:00.000001Z"));
        assertThat(Timestamps.ceilToMicros(Instant.MAX)).isEqualTo(Instant.MAX);
        assertThat(io.crmkit.touchpoint.TimelineQuery.ALL.between(Instant.MIN, Instant.MAX).until())
                .isEqualTo(Instant.MAX);
    }
}
