package io.crmkit.touchpoint;

import io.crmkit.shared.InvalidInputException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which touchpoints of a customer's timeline to return. The timeline is always newest first by
 * ({@code occurredAt}, id).
 *
 * @param channels  only these channels; empty for all
 * @param direction only this direction, or null for both
 * @param from      only touchpoints that occurred at or after this instant, or null
 * @param until     only touchpoints that occurred before this instant, or null
 */
public record TimelineQuery(Set<Channel> channels, Direction direction, Instant from, Instant until) {

    /** The whole timeline. */
    public static final TimelineQuery ALL = new TimelineQuery(Set.of(), null, null, null);

    /**
     * Bounds are rounded up to the microsecond (the precision of stored instants; see
     * {@link io.crmkit.shared.Timestamps#ceilToMicros}), which selects exactly the same touchpoints.
     *
     * @throws InvalidInputException if {@code from} is not before {@code until}
     */
    public TimelineQuery {
        from = from == null ? null : io.crmkit.shared.Timestamps.ceilToMicros(from);
        until = until == null ? null : io.crmkit.shared.Timestamps.ceilToMicros(until);
        channels = channels == null || channels.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(channels));
        if (from != null && until != null && !from.isBefore(until)) {
            throw InvalidInputException.of("from", "must be before until");
        }
    }

    /** Only touchpoints of these channels. */
    public static TimelineQuery of(Channel first, Channel... more) {
        return new TimelineQuery(EnumSet.of(first, more), null, null, null);
    }

    /** This query restricted to {@code direction}. */
    public TimelineQuery direction(Direction direction) {
        return new TimelineQuery(channels, direction, from, until);
    }

    /** This query restricted to {@code [from, until)}; either bound may be null. */
    public TimelineQuery between(Instant from, Instant until) {
        return new TimelineQuery(channels, direction, from, until);
    }

    /** Whether {@code touchpoint} passes this query's filters. */
    public boolean matches(Touchpoint touchpoint) {
        return (channels.isEmpty() || channels.contains(touchpoint.channel()))
                && (direction == null || touchpoint.direction() == direction)
                && (from == null || !touchpoint.occurredAt().isBefore(from))
                && (until == null || touchpoint.occurredAt().isBefore(until));
    }
}
