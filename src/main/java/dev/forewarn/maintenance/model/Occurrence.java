package dev.forewarn.maintenance.model;

import java.time.Instant;
import java.util.Objects;

/** One concrete span of a maintenance window, from {@code start} (inclusive) to {@code end} (exclusive). */
public record Occurrence(Instant start, Instant end) {
    public Occurrence {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("an occurrence must end after it starts: " + start + " .. " + end);
        }
    }

    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    boolean overlaps(Instant from, Instant to) {
        return start.isBefore(to) && end.isAfter(from);
    }
}
