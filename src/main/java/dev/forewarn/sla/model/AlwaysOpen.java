package dev.forewarn.sla.model;

import java.time.Duration;
import java.time.Instant;

/** A 7×24 calendar for plans whose clock never stops for nights, weekends or holidays. */
public record AlwaysOpen() implements BusinessCalendar {

    @Override
    public Duration businessTimeBetween(Instant from, Instant to) {
        return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
    }

    @Override
    public Instant addBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        return from.plus(amount);
    }

    @Override
    public long businessNanosBetween(long fromEpochNanos, long toEpochNanos) {
        return toEpochNanos > fromEpochNanos ? toEpochNanos - fromEpochNanos : 0;
    }

    @Override
    public long addBusinessNanos(long fromEpochNanos, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + Duration.ofNanos(nanos));
        }
        return Math.addExact(fromEpochNanos, nanos);
    }
}
