package dev.forewarn.ticket.zendesk;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Decides, from the last poll's outcome, when the Zendesk export is polled next and with which cursor. */
public final class ZendeskCursor {

    private final Duration interval;
    private final Duration backoffBase;
    private final Duration backoffCap;
    private final double jitterRatio;

    /**
     * @param interval    the wait once the export has caught up
     * @param backoffBase the wait after the first retryable failure; it doubles with each further failure
     * @param backoffCap  the longest wait after retryable failures; also the minimum wait after permanent ones
     * @param jitterRatio the share of a backoff delay that jitter may take off, 0 (none) to 1 (all)
     */
    public ZendeskCursor(Duration interval, Duration backoffBase, Duration backoffCap, double jitterRatio) {
        this.interval = positive(interval, "interval");
        this.backoffBase = positive(backoffBase, "backoffBase");
        this.backoffCap = positive(backoffCap, "backoffCap");
        if (backoffCap.compareTo(backoffBase) < 0) {
            throw new IllegalArgumentException("backoffCap must not be shorter than backoffBase");
        }
        if (!(jitterRatio >= 0.0 && jitterRatio <= 1.0)) {
            throw new IllegalArgumentException("jitterRatio must be within [0, 1]");
        }
        this.jitterRatio = jitterRatio;
    }

    /**
     * The next poll after {@code outcome}.
     *
     * @param previousCursor the cursor the finished poll used (null if it used a start time)
     * @param outcome        what that poll returned
     * @param failedAttempts consecutive failed polls including this one (1 after the first failure); ignored on
     *                       success and rate limiting
     * @param now            the current instant
     * @param jitterSample   a random number in [0, 1) that the caller draws, so this method stays deterministic
     */
    public NextPoll next(String previousCursor, PollOutcome outcome, int failedAttempts, Instant now,
            double jitterSample) {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(now, "now");
        if (outcome instanceof PollOutcome.Page) {
            ZendeskPage page = ((PollOutcome.Page) outcome).page();
            // Zendesk returns an after_cursor even at the end of the stream: it is where the next poll resumes.
            String cursor = page.afterCursor() != null ? page.afterCursor() : previousCursor;
            return page.endOfStream()
                    ? new NextPoll(now.plus(interval), cursor, NextPoll.Reason.CAUGHT_UP)
                    : new NextPoll(now, cursor, NextPoll.Reason.MORE_PAGES);
        }
        if (outcome instanceof PollOutcome.RateLimited) {
            Duration wait = ((PollOutcome.RateLimited) outcome).retryAfter();
            return new NextPoll(now.plus(wait.isNegative() ? Duration.ZERO : wait), previousCursor,
                    NextPoll.Reason.RATE_LIMITED);
        }
        PollOutcome.Failed failed = (PollOutcome.Failed) outcome;
        if (!failed.retryable()) {
            // Slow, not stopped: a rotated token or fixed permission should resume polling without a restart.
            Duration wait = interval.compareTo(backoffCap) > 0 ? interval : backoffCap;
            return new NextPoll(now.plus(wait), previousCursor, NextPoll.Reason.NEEDS_ATTENTION);
        }
        return new NextPoll(now.plus(backoff(failedAttempts, jitterSample)), previousCursor,
                NextPoll.Reason.BACKING_OFF);
    }

    /** The capped exponential delay for the given failure count, reduced by up to {@code jitterRatio}. */
    Duration backoff(int failedAttempts, double jitterSample) {
        if (!(jitterSample >= 0.0 && jitterSample <= 1.0)) {
            throw new IllegalArgumentException("jitterSample must be within [0, 1]");
        }
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 62));
        long capMillis = backoffCap.toMillis();
        long delayMillis = backoffBase.toMillis();
        for (int i = 0; i < doublings && delayMillis < capMillis; i++) {
            delayMillis *= 2;
        }
        delayMillis = Math.min(delayMillis, capMillis);
        long jitterMillis = (long) (delayMillis * jitterRatio * jitterSample);
        return Duration.ofMillis(delayMillis - jitterMillis);
    }

    private static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
