package dev.forewarn.notify.model;

import java.time.Instant;

/**
 * What happens to an outbox message after one delivery attempt, for every outbox and channel alike: sent, tried
 * again at an instant (backoff with jitter, never earlier than a {@code Retry-After} the peer asked for), or
 * failed for good (a permanent refusal, or still failing when the give-up deadline has passed).
 *
 * @param schedule backoff and give-up deadline of the outbox
 */
public record DeliveryPolicy(RetrySchedule schedule) {

    /** The decision, recorded as the message's new state. */
    public sealed interface Verdict {
    }

    /** Delivered: the message is done. */
    public record Sent() implements Verdict {
    }

    /** Try again at {@code at}; {@code reason} is the failure to keep as the last error. */
    public record RetryAt(Instant at, String reason) implements Verdict {
    }

    /** Stop trying. */
    public record Failed(String why) implements Verdict {
    }

    /**
     * @param result   how the attempt went
     * @param attempts attempts made so far, including this one (≥ 1)
     * @param queuedAt when the message was queued (the give-up deadline counts from here)
     * @param now      the instant the outcome became known
     * @param jitter   a number in [0, 1) that spreads the retries of many messages
     */
    public Verdict decide(DeliveryResult result, int attempts, Instant queuedAt, Instant now, double jitter) {
        if (result instanceof DeliveryResult.Delivered) {
            return new Sent();
        }
        if (result instanceof DeliveryResult.Permanent p) {
            return new Failed(p.reason());
        }
        DeliveryResult.Retryable r = (DeliveryResult.Retryable) result;
        if (schedule.afterFailure(attempts, queuedAt, now, jitter) instanceof RetrySchedule.RetryAt backoff) {
            // The peer's own wait wins when it is longer than ours: retrying earlier only earns another refusal.
            Instant asked = r.retryAfter().map(now::plus).orElse(backoff.at());
            Instant deadline = queuedAt.plus(schedule.giveUpAfter());
            if (asked.isAfter(backoff.at()) && asked.isAfter(deadline)) {
                return new Failed("the peer asks to wait until " + asked + ", past the give-up deadline " + deadline
                        + "; last error: " + r.reason());
            }
            return new RetryAt(asked.isAfter(backoff.at()) ? asked : backoff.at(), r.reason());
        }
        return new Failed("still failing " + schedule.giveUpAfter() + " after it was queued; last error: "
                + r.reason());
    }
}
