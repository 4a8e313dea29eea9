package dev.forewarn.ticket.zendesk;

import java.time.Duration;
import java.util.Objects;

/** What one request to the Zendesk export returned: a value, never an exception, so the poller decides what next. */
public sealed interface PollOutcome {

    /** Zendesk answered with a readable page. */
    record Page(ZendeskPage page) implements PollOutcome {
        public Page {
            Objects.requireNonNull(page, "page");
        }
    }

    /** Zendesk refused with 429; wait {@code retryAfter} before the next request. */
    record RateLimited(Duration retryAfter) implements PollOutcome {
        public RateLimited {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }

    /**
     * The request failed; {@code retryable} says whether trying again later can help, {@code kind} is the bounded
     * metric reason ({@code timeout}, {@code connect}, {@code io}, {@code http_status}, {@code malformed},
     * {@code too_large}, {@code rejected}).
     */
    record Failed(String reason, boolean retryable, String kind) implements PollOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(kind, "kind");
        }

        /** An HTTP answer that is an error: retryable ones are {@code http_status}, the others {@code rejected}. */
        public Failed(String reason, boolean retryable) {
            this(reason, retryable, retryable ? "http_status" : "rejected");
        }
    }
}
