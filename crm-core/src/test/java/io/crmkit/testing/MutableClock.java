package io.crmkit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that tests set and move by hand, forwards or backwards. Not thread-safe beyond visibility. */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock(Instant start) {
        this.now = start;
    }

    /** A clock at {@code epochMillis}. */
    public static MutableClock atMillis(long epochMillis) {
        return new MutableClock(Instant.ofEpochMilli(epochMillis));
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void setMillis(long epochMillis) {
        now = Instant.ofEpochMilli(epochMillis);
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a MutableClock is always UTC");
    }
}
