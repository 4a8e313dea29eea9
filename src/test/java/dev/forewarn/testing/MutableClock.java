package dev.forewarn.testing;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests move by hand; replaces the application clock in every @QuarkusTest. */
@Alternative
@Priority(1)
@Singleton
public class MutableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-02T08:00:00Z");

    public void set(Instant instant) {
        now = instant;
    }

    public Instant advance(Duration d) {
        now = now.plus(d);
        return now;
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
        return this;
    }
}
