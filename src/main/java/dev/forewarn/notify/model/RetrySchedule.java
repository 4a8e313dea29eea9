package dev.forewarn.notify.model;

import java.time.Duration;
import java.time.Instant;

/**
 * When a failed delivery is tried again: exponential backoff with jitter, capped, and a give-up deadline
 * counted from when the message was queued.
 *
 * @param initial     delay after the first failed attempt
 * @param max         upper bound of any delay
 * @param giveUpAfter after this long since queueing, a retryable failure becomes final
 */
public record RetrySchedule(Duration initial, Duration max, Duration giveUpAfter) {

    /** What to do after a failed attempt. */
    public sealed interface Next {
    }

    /** Try again at {@code at}. */
    public record RetryAt(Instant at) implements Next {
    }

    /** Stop trying; the message is failed for good. */
    public record GiveUp(String why) implements Next {
    }

    /**
     * @param attempts attempts made so far, including the failed one (≥ 1)
     * @param queuedAt when the message was queued
     * @param now      the instant of the failure
     * @param jitter   a number in [0, 1) that spreads retries of many messages (±20 %)
     */
    public Next afterFailure(int attempts, Instant queuedAt, Instant now, double jitter) {
        if (!now.isBefore(queuedAt.plus(giveUpAfter))) {
            return new GiveUp("still failing " + giveUpAfter + " after it was queued");
        }
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        long base = Math.min(initial.toMillis() << doublings, max.toMillis());
        if (base < 0) {
            base = max.toMillis();
        }
        long spread = Math.round(base * 0.4 * (jitter - 0.5));
        Instant at = now.plusMillis(Math.max(base + spread, 1));
        Instant deadline = queuedAt.plus(giveUpAfter);
        // The last try lands on the deadline rather than past it, so a message is never given up untried.
        return new RetryAt(at.isAfter(deadline) ? deadline : at);
    }
}
