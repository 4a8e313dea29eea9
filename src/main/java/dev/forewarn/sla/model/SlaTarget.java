package dev.forewarn.sla.model;

import java.time.Duration;
import java.util.Objects;

/** The business time a ticket of one severity may take to its first response and to resolution. */
public record SlaTarget(Duration firstResponse, Duration resolution) {

    public SlaTarget {
        requirePositive(firstResponse, "firstResponse");
        requirePositive(resolution, "resolution");
    }

    /** The target for one deadline. */
    public Duration of(Deadline deadline) {
        return deadline == Deadline.FIRST_RESPONSE ? firstResponse : resolution;
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
