package dev.forewarn.notify.model;

import java.time.Duration;
import java.util.Optional;

/** How one delivery attempt went: a value, never an exception, so the outbox decides what happens next. */
public sealed interface DeliveryResult {

    /** The peer accepted the message. */
    record Delivered() implements DeliveryResult {
    }

    /**
     * Worth trying again later (peer down, timeout, temporary refusal); {@code retryAfter} is the wait the peer
     * asked for (an HTTP {@code Retry-After}), whatever the channel.
     */
    record Retryable(String reason, Optional<Duration> retryAfter) implements DeliveryResult {
        public Retryable {
            retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        }

        /** A retryable failure without a wait asked for by the peer. */
        public Retryable(String reason) {
            this(reason, Optional.empty());
        }
    }

    /** Trying again cannot help (rejected address, bad request). */
    record Permanent(String reason) implements DeliveryResult {
    }
}
