package dev.forewarn.incident.model;

import dev.forewarn.quality.model.RegionState;
import java.util.Optional;

/**
 * What an incident action puts on the incident's timeline and which customer notice it sends, and whether a
 * maintenance window holds that notice back.
 *
 * @param eventKind the timeline event: OPENED, RECURRED, WORSENED, IMPROVED, RESOLVED
 * @param from      the state before (for a new incident, the settled state the region came from)
 * @param to        the state after
 * @param notice    the notice customers get, if any
 */
public record IncidentChange(String eventKind, RegionState from, RegionState to, Optional<NoticeKind> notice) {

    /**
     * The change an action records; empty for {@link IncidentAction.None}.
     *
     * @param settledFrom the settled state the region left (what a new incident records as its "from")
     */
    public static Optional<IncidentChange> of(IncidentAction action, RegionState settledFrom) {
        if (action instanceof IncidentAction.Open o) {
            return Optional.of(new IncidentChange("OPENED", settledFrom, o.state(), Optional.of(NoticeKind.WARNING)));
        }
        if (action instanceof IncidentAction.Recur r) {
            return Optional.of(new IncidentChange("RECURRED", RegionState.HEALTHY, r.state(),
                    Optional.of(NoticeKind.UPDATE)));
        }
        if (action instanceof IncidentAction.Worsen w) {
            // A level customers were already told about is recorded, not announced again.
            return Optional.of(new IncidentChange("WORSENED", w.from(), w.to(),
                    w.announce() ? Optional.of(NoticeKind.UPDATE) : Optional.empty()));
        }
        if (action instanceof IncidentAction.Improve i) {
            return Optional.of(new IncidentChange("IMPROVED", i.from(), i.to(), Optional.empty()));
        }
        if (action instanceof IncidentAction.Resolve r) {
            return Optional.of(new IncidentChange("RESOLVED", r.from(), RegionState.HEALTHY,
                    Optional.of(NoticeKind.ALL_CLEAR)));
        }
        return Optional.empty();
    }

    /** Whether a maintenance window could hold this change's notice back (so whether to look one up). */
    public boolean mutable() {
        // The all-clear is never muted: customers who were warned must hear that it is over.
        return notice.isPresent() && notice.get() != NoticeKind.ALL_CLEAR;
    }

    /** Whether the notice is held back, given whether the region is under maintenance now. */
    public boolean muted(boolean underMaintenance) {
        return mutable() && underMaintenance;
    }
}
