package io.crmkit.spi;

import io.crmkit.shared.TouchpointId;
import io.crmkit.touchpoint.Touchpoint;
import java.time.Instant;

/**
 * A place in a newest-first timeline: the (occurredAt, id) of the last touchpoint of the previous slice.
 *
 * @param occurredAt when that touchpoint occurred
 * @param id         its id
 */
public record TimelinePosition(Instant occurredAt, TouchpointId id) {

    /** The position of {@code touchpoint}. */
    public static TimelinePosition of(Touchpoint touchpoint) {
        return new TimelinePosition(touchpoint.occurredAt(), touchpoint.id());
    }
}
