package dev.forewarn.quality.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a region's settled state, the event incidents and customer notices follow.
 *
 * @param from  the settled state before
 * @param to    the settled state after
 * @param since when the run that led to the change began, in probe time (at most {@code at})
 * @param at    when the change was decided, one sustained or recovery window after {@code since}
 */
public record SettledChange(RegionState from, RegionState to, Instant since, Instant at) {
    public SettledChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(at, "at");
    }
}
