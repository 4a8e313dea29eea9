package dev.forewarn.quality.model;

import java.time.Instant;
import java.util.Objects;

/**
 * What {@link Hysteresis} remembers of a region between evaluations.
 *
 * @param settled      the state incidents follow; UNKNOWN only before the first judgement
 * @param observed     the latest raw state
 * @param pending      the level a running worsening or recovery run would settle on, null when no run
 * @param pendingSince when the running run started, null when no run
 * @param lastKnownAt  the time of the newest probe data behind the latest known raw state, null if never
 */
public record RegionStatus(RegionState settled, RegionState observed, RegionState pending, Instant pendingSince,
                           Instant lastKnownAt) {
    public RegionStatus {
        Objects.requireNonNull(settled, "settled");
        Objects.requireNonNull(observed, "observed");
        if ((pending == null) != (pendingSince == null)) {
            throw new IllegalArgumentException("pending and pendingSince must both be set or both be null");
        }
        if (pending != null && !pending.isKnown()) {
            throw new IllegalArgumentException("pending must be a known state");
        }
    }

    /** The status of a region never judged. */
    public static RegionStatus initial() {
        return new RegionStatus(RegionState.UNKNOWN, RegionState.UNKNOWN, null, null, null);
    }

    /** The state to display: UNKNOWN while data is missing, otherwise the settled state. */
    public RegionState shown() {
        return observed == RegionState.UNKNOWN ? RegionState.UNKNOWN : settled;
    }
}
