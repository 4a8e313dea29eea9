package dev.forewarn.sla.model;

import java.time.Duration;
import java.time.Instant;

/**
 * The hours during which an SLA clock may run: around the clock or a zone's opening hours.
 *
 * <p>Each question comes twice: with {@code Instant}/{@code Duration} for callers, and in epoch nanoseconds for
 * the clock reads of the SLA watch, which run for every open ticket on every tick and must not allocate.
 */
public sealed interface BusinessCalendar permits AlwaysOpen, BusinessHours {

    /** Business time within [from, to); zero when {@code to} is not after {@code from}. */
    Duration businessTimeBetween(Instant from, Instant to);

    /**
     * The earliest instant at which {@code amount} of business time has passed since {@code from};
     * {@code from} itself for a zero amount.
     *
     * @throws IllegalArgumentException if {@code amount} is negative
     */
    Instant addBusinessTime(Instant from, Duration amount);

    /** {@link #businessTimeBetween} with both instants and the answer in epoch nanoseconds. */
    long businessNanosBetween(long fromEpochNanos, long toEpochNanos);

    /** {@link #addBusinessTime} with the instants in epoch nanoseconds and the amount in nanoseconds. */
    long addBusinessNanos(long fromEpochNanos, long nanos);

    /** Epoch nanoseconds of {@code instant}; instants must lie between the years 1678 and 2261. */
    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    }

    /** The instant of {@code epochNanos}. */
    static Instant instant(long epochNanos) {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
    }
}
