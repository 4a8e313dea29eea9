package dev.forewarn.quality.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A change of a region's settled state, the event incidents and customer notices follow.
 *
 * @param from the settled state before
 * @param to   the settled state after
 * @param at   when the change was decided
 */
public record SettledChange(RegionState from, RegionState to, Instant at) {
    public SettledChange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
