package io.crmkit.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The rule for every stored instant: truncated to microseconds (the finest precision PostgreSQL, MariaDB and H2
 * all keep, so that a value reads back equal whatever the storage) and within the years 1900 to 9999.
 */
public final class Timestamps {

    /** The earliest instant crmkit stores. */
    public static final Instant MIN = Instant.parse("1900-01-01T00:00:00Z");
    /** The latest instant crmkit stores. */
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Timestamps() {
    }

    /**
     * {@code instant} truncated to microseconds.
     *
     * @throws InvalidInputException (at {@code path}) if it is null or outside 1900–9999
     */
    public static Instant normalise(String path, Instant instant) {
        if (instant == null) {
            throw InvalidInputException.of(path, "must not be null");
        }
        // truncated first, so that the last nanoseconds of 9999 are not refused for the digits that are dropped
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        if (truncated.isBefore(MIN) || truncated.isAfter(MAX)) {
            throw InvalidInputException.of(path, "must be between the years 1900 and 9999");
        }
        return truncated;
    }

    /**
     * The smallest microsecond instant at or after {@code instant}: a query bound with nanoseconds, applied to values
     * kept to the microsecond, selects the same values as this bound ("at or after 10:00:00.0000005" is "at or after
     * 10:00:00.000001"), whatever the storage's precision.
     */
    public static Instant ceilToMicros(Instant instant) {
        if (instant == null) {
            throw InvalidInputException.of("instant", "must not be null");
        }
        if (instant.isAfter(MAX)) {
            return instant; // beyond every stored instant already; rounding could overflow Instant.MAX
        }
        Instant truncated = instant.truncatedTo(ChronoUnit.MICROS);
        return truncated.equals(instant) ? truncated : truncated.plus(1, ChronoUnit.MICROS);
    }
}
