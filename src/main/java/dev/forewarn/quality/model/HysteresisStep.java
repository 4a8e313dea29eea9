package dev.forewarn.quality.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of feeding one raw state to {@link Hysteresis}: the next status and the settled change, if any.
 *
 * @param next   the status to keep for the next step
 * @param change the settled change this step decided, empty when the settled state stayed
 */
public record HysteresisStep(RegionStatus next, Optional<SettledChange> change) {
    public HysteresisStep {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(change, "change");
    }
}
