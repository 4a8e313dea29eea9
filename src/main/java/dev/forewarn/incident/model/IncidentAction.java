package dev.forewarn.incident.model;

import dev.forewarn.quality.model.RegionState;

/** What a settled change of a region's quality does to its incidents; computed by {@link IncidentPolicy}. */
public sealed interface IncidentAction {

    /** Nothing to record (for example a region that became healthy with no incident open). */
    record None() implements IncidentAction {
    }

    /** A new incident opens; customers get an advance warning. */
    record Open(RegionState state) implements IncidentAction {
    }

    /** The region degraded again within the cool-down after an all-clear: the resolved incident reopens and customers get an update. */
    record Recur(long incidentId, RegionState state) implements IncidentAction {
    }

    /** The open incident got worse; {@code announce} is false when customers were already told about this level. */
    record Worsen(long incidentId, RegionState from, RegionState to, boolean announce) implements IncidentAction {
    }

    /** The open incident got better but has not recovered; recorded on the timeline, no notice. */
    record Improve(long incidentId, RegionState from, RegionState to) implements IncidentAction {
    }

    /** The region recovered: the incident resolves and notified customers get an all-clear. */
    record Resolve(long incidentId, RegionState from) implements IncidentAction {
    }
}
