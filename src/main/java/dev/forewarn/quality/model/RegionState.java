package dev.forewarn.quality.model;

/** The judged network quality of a region; {@code UNKNOWN} means there is not enough fresh data to judge. */
public enum RegionState {
    HEALTHY(0),
    DEGRADED(1),
    OUTAGE(2),
    UNKNOWN(-1);

    private final int severity;

    RegionState(int severity) {
        this.severity = severity;
    }

    /** Rank for comparing known states; {@code UNKNOWN} has no rank and is never worse nor better. */
    public int severity() {
        return severity;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    /** True when both states are known and this one is strictly worse than {@code other}. */
    public boolean isWorseThan(RegionState other) {
        return isKnown() && other.isKnown() && severity > other.severity;
    }

    /** True when both states are known and this one is strictly better than {@code other}. */
    public boolean isBetterThan(RegionState other) {
        return isKnown() && other.isKnown() && severity < other.severity;
    }
}
