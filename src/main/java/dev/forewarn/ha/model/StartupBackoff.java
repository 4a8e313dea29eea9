package dev.forewarn.ha.model;

import java.time.Duration;
import java.util.Optional;

/**
 * When a replica that PostgreSQL refused at start-up tries again: capped exponential backoff with equal jitter
 * (each wait lies between half and all of {@code initial × 2^(attempt−1)}, capped at {@code max}), so replicas
 * started together do not knock on a full server in step; and, when {@code giveUpAfter} is set, when to stop trying
 * (the last attempt is made at that moment, never skipped past it).
 *
 * @param initial     the wait after the first failed attempt, before jitter (positive)
 * @param max         the longest wait, before jitter (at least {@code initial})
 * @param giveUpAfter how long after the first attempt to give up; empty: never
 */
public record StartupBackoff(Duration initial, Duration max, Optional<Duration> giveUpAfter) {

    /** What to do after a failed attempt. */
    public sealed interface Next permits Retry, GiveUp {
    }

    /** Try again after this wait. */
    public record Retry(Duration after) implements Next {
    }

    /** Stop: the database stayed out of reach for {@code triedFor}. */
    public record GiveUp(Duration triedFor) implements Next {
    }

    public StartupBackoff {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial-backoff must be positive, not " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max-backoff (" + max + ") must not be shorter than initial-backoff ("
                    + initial + ")");
        }
        if (giveUpAfter.isPresent() && (giveUpAfter.get().isNegative() || giveUpAfter.get().isZero())) {
            throw new IllegalArgumentException("give-up-after must be positive, not " + giveUpAfter.get());
        }
    }

    /**
     * The decision after failed attempt number {@code attempt} (1 for the first), {@code elapsed} after the first
     * attempt began; {@code jitter} is a random number in [0, 1) (0 waits half the backoff, close to 1 all of it).
     */
    public Next afterFailure(int attempt, Duration elapsed, double jitter) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, not " + attempt);
        }
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), not " + jitter);
        }
        if (giveUpAfter.isPresent() && elapsed.compareTo(giveUpAfter.get()) >= 0) {
            return new GiveUp(elapsed);
        }
        long backoff = capped(attempt);
        long wait = backoff / 2 + (long) ((backoff - backoff / 2) * jitter);
        if (giveUpAfter.isPresent()) {
            wait = Math.min(wait, giveUpAfter.get().minus(elapsed).toMillis());
        }
        return new Retry(Duration.ofMillis(Math.max(1, wait)));
    }

    /** {@code initial × 2^(attempt−1)} in milliseconds, capped at {@code max} (and safe from overflow). */
    private long capped(int attempt) {
        long maxMs = max.toMillis();
        long ms = initial.toMillis();
        for (int i = 1; i < attempt && ms < maxMs; i++) {
            ms *= 2;
        }
        return Math.min(ms, maxMs);
    }
}
