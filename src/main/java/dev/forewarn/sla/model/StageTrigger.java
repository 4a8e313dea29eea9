package dev.forewarn.sla.model;

import java.time.Duration;
import java.util.Objects;

/** When a warning stage is due, as a point on a deadline's elapsed business time. */
public sealed interface StageTrigger {

    /** The elapsed business time at which this trigger fires for a given target. */
    Duration pointIn(Duration target);

    /** Due once {@code share} of the target has elapsed (0.5 = half way, 1.0 = at breach). */
    record ShareElapsed(double share) implements StageTrigger {
        public ShareElapsed {
            if (!(share >= 0) || Double.isInfinite(share)) {
                throw new IllegalArgumentException("share must be a finite non-negative number: " + share);
            }
        }

        @Override
        public Duration pointIn(Duration target) {
            return Duration.ofNanos(Math.round(target.toNanos() * share));
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
        public Duration pointIn(Duration target) {
            Duration point = target.minus(beforeBreach);
            return point.isNegative() ? Duration.ZERO : point;
        }
    }
}
