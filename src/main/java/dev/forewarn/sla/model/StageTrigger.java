package dev.forewarn.sla.model;

import java.time.Duration;
import java.util.Objects;

/** When a warning stage is due, as a point on a deadline's elapsed business time. */
public sealed interface StageTrigger {

    /** The elapsed business time at which this trigger fires for a given target. */
    default Duration pointIn(Duration target) {
        return Duration.ofNanos(pointInNanos(target.toNanos()));
    }

    /** {@link #pointIn} in nanoseconds, for the per-ticket evaluation, which must not allocate. */
    long pointInNanos(long targetNanos);

    /** Due once {@code share} of the target has elapsed (0.5 = half way, 1.0 = at breach). */
    record ShareElapsed(double share) implements StageTrigger {
        public ShareElapsed {
            if (!(share >= 0) || Double.isInfinite(share)) {
                throw new IllegalArgumentException("share must be a finite non-negative number: " + share);
            }
        }

        @Override
        public long pointInNanos(long targetNanos) {
            return Math.round(targetNanos * share);
        }
    }

    /** Due {@code beforeBreach} of business time before the target is reached (at once if longer). */
    record LeadTime(Duration beforeBreach) implements StageTrigger {
        public LeadTime {
            Objects.requireNonNull(beforeBreach, "beforeBreach");
            if (beforeBreach.isNegative()) {
                throw new IllegalArgumentException("beforeBreach must not be negative: " + beforeBreach);
            }
        }

        @Override
        public long pointInNanos(long targetNanos) {
            // A lead time longer than any target (about 292 years of nanoseconds) puts the point at zero.
            return beforeBreach.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L
                    ? 0 : Math.max(0, targetNanos - beforeBreach.toNanos());
        }
    }
}
