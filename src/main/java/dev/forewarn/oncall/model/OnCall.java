package dev.forewarn.oncall.model;

import java.time.Instant;
import java.util.Objects;

/** The answer to "who is on call at instant T": someone, or a gap the caller must handle. */
public sealed interface OnCall permits OnCall.Covered, OnCall.Gap {

    /**
     * {@code participant} holds the pager through {@code source} (a layer name or "override") until
     * {@code until}, the earliest instant the answer can change.
     */
    record Covered(String participant, String source, Instant until) implements OnCall {

        public Covered {
            Objects.requireNonNull(participant, "participant");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(until, "until");
        }
    }

    /**
     * Nobody is on call; {@code nextCoverageAt} is when someone next is, or null if nobody is within the
     * schedule's look-ahead.
     */
    record Gap(Instant nextCoverageAt) implements OnCall {
    }
}
