package dev.forewarn.notify.email;

import dev.forewarn.incident.model.NoticeKind;
import dev.forewarn.quality.model.RegionState;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything one customer notice about one region incident says, as plain data ready for rendering.
 *
 * @param kind             which notice this is
 * @param incidentId       the Forewarn incident the notice belongs to
 * @param customerName     addressee, as the customer record names it
 * @param language         the customer's language tag; see {@link NoticeRenderer} for the supported ones
 * @param zone             the customer's time zone, used for every time shown
 * @param regionId         region id, e.g. {@code eu-central-1}
 * @param regionName       region display name, e.g. {@code Frankfurt}
 * @param state            the region state this notice reports
 * @param previousState    the state before this change; set for UPDATE, otherwise may be null
 * @param recurrence       UPDATE sent because the region degraded again within the cool-down after an all-clear
 * @param since            when the degradation began: the start of the run that opened the incident, in probe time
 * @param at               when this change began (the start of its run, in probe time)
 * @param resolvedAt       when the region's recovery began; ALL_CLEAR only, otherwise null
 * @param medianMos        median estimated MOS over the region's reachable nodes (1–5), null when not measured
 * @param worstDecileMos   MOS of the worst decile of nodes (1–5), null when not measured
 * @param p95RttMs         95th-percentile round-trip time in milliseconds, null when not measured
 * @param medianJitterMs   median jitter in milliseconds, null when not measured
 * @param lossRatio        packet loss as a ratio 0..1, null when not measured
 * @param unreachableShare share of the reporting nodes that are unreachable, 0..1
 * @param nodesUnreachable number of nodes that did not answer
 * @param nodesExpected    number of nodes the region should have
 */
public record NoticeFacts(NoticeKind kind, long incidentId, String customerName, String language, ZoneId zone,
                          String regionId, String regionName, RegionState state, RegionState previousState,
                          boolean recurrence, Instant since, Instant at, Instant resolvedAt,
                          Double medianMos, Double worstDecileMos, Double p95RttMs, Double medianJitterMs,
                          Double lossRatio, double unreachableShare, int nodesUnreachable, int nodesExpected) {
    public NoticeFacts {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(customerName, "customerName");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(regionId, "regionId");
        Objects.requireNonNull(regionName, "regionName");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(at, "at");
        // Unknown quality is an operations problem, never a customer notice (see BRIEF), so only the
        // two customer-visible bad states may open or update an incident.
        if (kind != NoticeKind.ALL_CLEAR && state != RegionState.DEGRADED && state != RegionState.OUTAGE) {
            throw new IllegalArgumentException(kind + " notice needs state DEGRADED or OUTAGE, got " + state);
        }
        if (kind == NoticeKind.UPDATE && previousState == null && !recurrence) {
            throw new IllegalArgumentException("UPDATE notice needs a previousState or recurrence");
        }
        if (kind == NoticeKind.ALL_CLEAR && resolvedAt == null) {
            throw new IllegalArgumentException("ALL_CLEAR notice needs resolvedAt");
        }
    }
}
