package dev.forewarn.probe.model;

import java.time.Duration;

/**
 * How many probes of one polled source run at once, so that a cycle fits its interval without hand-tuning.
 *
 * <p>A cycle aims to finish within a fifth of its interval: its samples are fresh when the judge reads them (3 s
 * at a 15 s interval), and the other four fifths are headroom for slower answers, e.g. a region whose nodes start
 * timing out. (Half the interval, the first aim, let 5,000 targets every 15 s take 3–6 s a cycle: issue 15.) By
 * Little's law the probes in flight needed to finish the remaining targets in the remaining budget are
 * {@code remaining × mean latency ÷ time left}. Within a cycle the pace only grows; the next cycle starts at what
 * the last one's latencies need for a whole cycle, so it also shrinks back when answers are fast again. It never
 * leaves {@code floor..ceiling} (the configured concurrency and its bound).
 *
 * @param floor    the configured concurrency: never fewer in flight
 * @param ceiling  the configured bound: never more in flight, whatever the latencies
 * @param interval the poll interval of the source
 */
public record PollPacing(int floor, int ceiling, Duration interval) {

    public PollPacing {
        if (floor < 1 || ceiling < floor) {
            throw new IllegalArgumentException("need 1 <= floor <= ceiling, got " + floor + ".." + ceiling);
        }
        if (interval.isZero() || interval.isNegative()) {
            throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** The share of the interval a cycle aims to use. */
    public long budgetNanos() {
        return interval.toNanos() / 5;
    }

    /**
     * The probes to keep in flight from now on within a running cycle.
     *
     * @param current          probes allowed in flight so far
     * @param remaining        targets not yet started
     * @param elapsedNanos     time since the cycle started
     * @param meanLatencyNanos mean time of the probes finished so far in this cycle, 0 when none has finished
     */
    public int during(int current, int remaining, long elapsedNanos, long meanLatencyNanos) {
        if (remaining <= 0 || meanLatencyNanos <= 0) {
            return clamp(current);
        }
        long left = budgetNanos() - elapsedNanos;
        if (left <= 0) {
            // Behind already: everything the bound allows, to overrun as little as possible.
            return ceiling;
        }
        return clamp(Math.max(current, needed(remaining, meanLatencyNanos, left)));
    }

    /**
     * The probes to start the next cycle with: what {@code targets} probes at the last cycle's mean latency need
     * to fit the budget.
     */
    public int nextStart(int targets, long meanLatencyNanos) {
        if (targets <= 0 || meanLatencyNanos <= 0) {
            return floor;
        }
        return clamp(needed(targets, meanLatencyNanos, budgetNanos()));
    }

    private static int needed(int targets, long meanLatencyNanos, long timeNanos) {
        double inFlight = Math.ceil((double) targets * meanLatencyNanos / timeNanos);
        return inFlight >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) inFlight;
    }

    private int clamp(int n) {
        return Math.max(floor, Math.min(ceiling, n));
    }
}
