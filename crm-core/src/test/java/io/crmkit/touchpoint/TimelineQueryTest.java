package io.crmkit.touchpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crmkit.shared.CustomerId;
import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.TenantId;
import io.crmkit.shared.TouchpointId;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimelineQueryTest {

    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private static Touchpoint touchpoint(Channel channel, Direction direction, Instant occurredAt) {
        return new Touchpoint(TouchpointId.of(UUID.randomUUID()), TenantId.DEFAULT,
                CustomerId.of(new UUID(0, 1)), channel, direction, occurredAt, occurredAt, null, null, null, null,
                null, null, null);
    }

    @Test
    void allMatchesEveryTouchpoint() {
        assertThat(TimelineQuery.ALL.channels()).isEmpty();
        assertThat(TimelineQuery.ALL.matches(touchpoint(Channel.CALL, Direction.OUTBOUND, T))).isTrue();
        assertThat(TimelineQuery.ALL.matches(touchpoint(Channel.WEB_VISIT, Direction.INBOUND, T))).isTrue();
        assertThat(new TimelineQuery(null, null, null, null)).isEqualTo(TimelineQuery.ALL);
    }

    @Test
    void filtersByChannelAndDirection() {
        TimelineQuery emailsIn = TimelineQuery.of(Channel.EMAIL, Channel.CHAT).direction(Direction.INBOUND);

        assertThat(emailsIn.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.CHAT);
        assertThat(emailsIn.matches(touchpoint(Channel.EMAIL, Direction.INBOUND, T))).isTrue();
        assertThat(emailsIn.matches(touchpoint(Channel.CHAT, Direction.INBOUND, T))).isTrue();
        assertThat(emailsIn.matches(touchpoint(Channel.EMAIL, Direction.OUTBOUND, T))).isFalse();
        assertThat(emailsIn.matches(touchpoint(Channel.CALL, Direction.INBOUND, T))).isFalse();
    }

    @Test
    void theTimeRangeIncludesFromAndExcludesUntil() {
        TimelineQuery march = TimelineQuery.ALL.between(T, T.plusSeconds(3600));

        assertThat(march.matches(touchpoint(Channel.CALL, Direction.INBOUND, T))).isTrue();
        assertThat(march.matches(touchpoint(Channel.CALL, Direction.INBOUND, T.plusSeconds(3599)))).isTrue();
        assertThat(march.matches(touchpoint(Channel.CALL, Direction.INBOUND, T.plusSeconds(3600)))).isFalse();
        assertThat(march.matches(touchpoint(Channel.CALL, Direction.INBOUND, T.minusNanos(1000)))).isFalse();
        assertThat(TimelineQuery.ALL.between(T, null).matches(touchpoint(Channel.CALL, Direction.INBOUND,
                T.plusSeconds(999_999)))).isTrue();
        assertThat(TimelineQuery.ALL.between(null, T).matches(touchpoint(Channel.CALL, Direction.INBOUND,
                T.minusSeconds(999_999)))).isTrue();
    }

    @Test
    void refusesAnEmptyOrReversedRange() {
        assertThatThrownBy(() -> TimelineQuery.ALL.between(T, T)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).singleElement().satisfies(v -> {
                    assertThat(v.path()).isEqualTo("from");
                    assertThat(v.message()).isEqualTo("must be before until");
                }));
        assertThatThrownBy(() -> TimelineQuery.ALL.between(T.plusSeconds(1), T))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void holdsAnImmutableCopyOfTheChannels() {
        Set<Channel> channels = new HashSet<>(Set.of(Channel.SMS));
        TimelineQuery query = new TimelineQuery(channels, null, null, null);
        channels.add(Channel.CALL);

        assertThat(query.channels()).containsExactly(Channel.SMS);
        assertThatThrownBy(() -> query.channels().add(Channel.EMAIL)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(query).isEqualTo(new TimelineQuery(EnumSet.of(Channel.SMS), null, null, null));
    }

    @Test
    void derivedQueriesKeepTheOtherFilters() {
        TimelineQuery q = TimelineQuery.of(Channel.PURCHASE).between(T, T.plusSeconds(60)).direction(Direction.INBOUND);

        assertThat(q).isEqualTo(new TimelineQuery(Set.of(Channel.PURCHASE), Direction.INBOUND, T, T.plusSeconds(60)));
    }
}
