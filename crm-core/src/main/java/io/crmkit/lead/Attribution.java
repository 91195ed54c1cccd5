package io.crmkit.lead;

import io.crmkit.shared.InvalidInputException;
import io.crmkit.shared.Timestamps;
import java.time.Instant;

/**
 * One touch that a lead's campaign attribution remembers: the source of a capture and when it happened. A lead
 * keeps its first touch (the capture that created it) and its last touch (the latest capture attached to it).
 *
 * @param source the source of the capture
 * @param at     when the capture happened, to the microsecond
 */
public record Attribution(LeadSource source, Instant at) {

    /** @throws InvalidInputException if a part is null or the instant is out of range */
    public Attribution {
        if (source == null) {
            throw InvalidInputException.of("source", "must not be null");
        }
        at = Timestamps.normalise("at", at);
    }
}
