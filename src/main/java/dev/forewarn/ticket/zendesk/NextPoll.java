package dev.forewarn.ticket.zendesk;

import java.time.Instant;
import java.util.Objects;

/**
 * When and from where the Zendesk poller should ask next, and why.
 *
 * @param at     the earliest instant for the next request
 * @param cursor the cursor to send; null means start again from a start time
 * @param reason why this instant was chosen
 */
public record NextPoll(Instant at, String cursor, Reason reason) {

    public NextPoll {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
    }

    /** Why the next poll happens when it does. */
    public enum Reason {
        /** The export reached the present; wait the normal interval. */
        CAUGHT_UP,
        /** More pages are waiting; ask again at once. */
        MORE_PAGES,
        /** Zendesk asked us to wait. */
        RATE_LIMITED,
        /** A retryable failure; wait an exponentially growing, capped delay. */
        BACKING_OFF,
        /** A failure a retry cannot fix (credentials, permissions, address); someone must look, we try again slowly. */
        NEEDS_ATTENTION
    }
}
