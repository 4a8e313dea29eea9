package dev.forewarn.oncall.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named rotation that answers only inside its daily window (null: around the clock), such as one region of a
 * follow-the-sun schedule.
 */
public record Layer(String name, Rotation rotation, DailyWindow window) {

    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rotation, "rotation");
        if (name.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank");
        }
    }

    /** Whether this layer answers at {@code t}. */
    public boolean covers(Instant t) {
        return window == null || window.covers(t);
    }

    /** The first instant after {@code t} at which this layer starts or stops answering; empty if it never does. */
    public Optional<Instant> nextCoverageChangeAfter(Instant t) {
        return window == null ? Optional.empty() : window.nextChangeAfter(t);
    }
}
