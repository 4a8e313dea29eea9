package dev.forewarn.oncall.model;

import dev.forewarn.calendar.model.WeeklyHours;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A named rotation that answers from its first hand-off on and only inside its hours (daily or per weekday, in the
 * layer's zone; null: around the clock), such as one region of a follow-the-sun schedule.
 */
public record Layer(String name, Rotation rotation, WeeklyHours hours) {

    public Layer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rotation, "rotation");
        if (name.isBlank()) {
            throw new IllegalArgumentException("layer name must not be blank");
        }
        if (hours != null && hours.isEmpty()) {
            throw new IllegalArgumentException("layer " + name + " has hours on no day");
        }
    }

    /** Whether this layer answers at {@code t}: its rotation has started and its hours cover {@code t}. */
    public boolean covers(Instant t) {
        return !t.isBefore(rotation.start()) && (hours == null || hours.covers(t));
    }

    /** The first instant after {@code t} at which this layer starts or stops answering; empty if it never does. */
    public Optional<Instant> nextCoverageChangeAfter(Instant t) {
        Instant start = rotation.start();
        if (t.isBefore(start)) {
            // Before the rotation starts nobody answers, so the next change is the first covered instant from then.
            return hours == null || hours.covers(start) ? Optional.of(start) : hours.nextChangeAfter(start);
        }
        return hours == null ? Optional.empty() : hours.nextChangeAfter(t);
    }
}
