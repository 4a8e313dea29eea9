package dev.forewarn.incident.model;

import dev.forewarn.quality.model.RegionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides what a settled quality change means for a region's incidents.
 *
 * <p>Rules:
 * <ul>
 *   <li>Leaving HEALTHY (or the initial UNKNOWN) for DEGRADED/OUTAGE opens an incident, unless the region's
 *       last incident resolved less than the cool-down ago: then that incident reopens ({@link IncidentAction.Recur})
 *       so a flapping region sends an update rather than a fresh warning cycle.</li>
 *   <li>DEGRADED → OUTAGE while open worsens the incident; customers are updated only when the new level is worse
 *       than the worst level already announced, so an OUTAGE → DEGRADED → OUTAGE wobble sends one update.</li>
 *   <li>OUTAGE → DEGRADED while open is an improvement on the timeline, without a notice.</li>
 *   <li>Back to HEALTHY resolves the open incident. UNKNOWN never reaches this policy as a settled state
 *       after the first judgement (see {@code Hysteresis}), so missing data never resolves anything.</li>
 * </ul>
 */
public final class IncidentPolicy {

    private IncidentPolicy() {
    }

    /**
     * @param to           the newly settled state
     * @param open         the region's open incident, if any
     * @param lastResolved the region's most recently resolved incident, if any
     * @param coolDown     how long after an all-clear a new degradation reopens the same incident
     * @param now          the instant of the change
     */
    public static IncidentAction decide(RegionState to, Optional<OpenIncident> open,
                                        Optional<ResolvedIncident> lastResolved, Duration coolDown, Instant now) {
        if (to == RegionState.UNKNOWN) {
            return new IncidentAction.None();
        }
        if (open.isPresent()) {
            OpenIncident incident = open.get();
            if (to == RegionState.HEALTHY) {
                return new IncidentAction.Resolve(incident.id(), incident.state());
            }
            if (to.isWorseThan(incident.state())) {
                return new IncidentAction.Worsen(incident.id(), incident.state(), to, to.isWorseThan(incident.worstAnnounced()));
            }
            if (to.isBetterThan(incident.state())) {
                return new IncidentAction.Improve(incident.id(), incident.state(), to);
            }
            return new IncidentAction.None();
        }
        if (to == RegionState.HEALTHY) {
            return new IncidentAction.None();
        }
        if (lastResolved.isPresent() && !now.isAfter(lastResolved.get().resolvedAt().plus(coolDown))) {
            return new IncidentAction.Recur(lastResolved.get().id(), to);
        }
        return new IncidentAction.Open(to);
    }

    /** The facts about an open incident the policy needs. */
    public record OpenIncident(long id, RegionState state, RegionState worstAnnounced) {
    }

    /** The facts about a resolved incident the policy needs. */
    public record ResolvedIncident(long id, Instant resolvedAt) {
    }
}
