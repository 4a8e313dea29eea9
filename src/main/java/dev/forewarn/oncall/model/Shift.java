package dev.forewarn.oncall.model;

import java.time.Instant;
import java.util.Objects;

/** One participant's turn in a rotation, over the half-open interval [start, end). */
public record Shift(String participant, Instant start, Instant end) {

    public Shift {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("shift must end after it starts: " + start + " .. " + end);
        }
    }

    /** Whether {@code t} falls within [start, end). */
    public boolean covers(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }
}
