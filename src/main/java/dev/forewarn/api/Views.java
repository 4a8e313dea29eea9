package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.forewarn.customer.Customer;
import dev.forewarn.incident.Incident;
import dev.forewarn.incident.IncidentEvent;
import dev.forewarn.maintenance.MaintenanceWindow;
import dev.forewarn.notify.Notice;
import dev.forewarn.quality.model.RegionEvidence;
import java.time.Instant;
import java.util.List;

/** The API's response records; entities are never exposed directly. */
public final class Views {
    private Views() {
    }

    /**
     * A region with its current judgement: {@code observedState} is what the latest evaluation saw (it may be a
     * single sample), {@code settledState} what incidents and notices follow (it changes only after a sustained run),
     * {@code state} what to display — UNKNOWN while data is missing, otherwise the settled state.
     */
    @Schema(example = """
            {"id": "eu-central", "displayName": "Frankfurt", "source": "fra-blackbox", "nodes": 4,
            "state": "DEGRADED", "observedState": "DEGRADED", "settledState": "DEGRADED", "pendingState": null,
            "pendingSince": null, "evaluatedAt": "2026-03-02T10:15:00Z", "evidence": {"nodesExpected": 4,
            "nodesReporting": 4, "nodesUnreachable": 0, "unreachableShare": 0.0, "medianMos": 3.42,
            "worstDecileMos": 3.05, "p95RttMs": 212.0, "medianJitterMs": 18.5, "meanLossRatio": 0.021,
            "reason": "median MOS 3.42 below 3.60"}, "openIncidentId": 12, "inMaintenance": false}""")
    public record RegionView(String id, String displayName, String source, int nodes, String state,
                             String observedState, String settledState, String pendingState, Instant pendingSince,
                             Instant evaluatedAt, RegionEvidence evidence, Long openIncidentId, boolean inMaintenance) {
    }

    /**
     * An incident in a list: {@code beganAt} is when the degradation began in probe time, {@code openedAt} when it
     * had lasted the sustained window and the incident was opened.
     */
    @Schema(example = """
            {"id": 12, "regionId": "eu-central", "status": "OPEN", "state": "DEGRADED",
            "beganAt": "2026-03-02T10:11:00Z", "openedAt": "2026-03-02T10:13:00Z",
            "updatedAt": "2026-03-02T10:13:00Z", "resolvedAt": null}""")
    public record IncidentSummary(long id, String regionId, String status, String state, Instant beganAt,
                                  Instant openedAt, Instant updatedAt, Instant resolvedAt) {
        public static IncidentSummary of(Incident i) {
            return new IncidentSummary(i.id, i.regionId, i.status, i.state,
                    i.beganAt == null ? i.openedAt : i.beganAt, i.openedAt, i.updatedAt, i.resolvedAt);
        }
    }

    /** One timeline entry: {@code since} is when the run behind the change began, {@code at} when it was decided. */
    @Schema(example = """
            {"id": 31, "since": "2026-03-02T10:11:00Z", "at": "2026-03-02T10:13:00Z", "kind": "OPENED",
            "fromState": "HEALTHY", "toState": "DEGRADED", "noticeKind": "DEGRADED", "muted": false,
            "evidence": {"nodesExpected": 4, "nodesReporting": 4, "nodesUnreachable": 0, "unreachableShare": 0.0,
            "medianMos": 3.42, "worstDecileMos": 3.05, "p95RttMs": 212.0, "medianJitterMs": 18.5,
            "meanLossRatio": 0.021, "reason": "median MOS 3.42 below 3.60"}}""")
    public record EventView(long id, Instant since, Instant at, String kind, String fromState, String toState,
                            String noticeKind, boolean muted, RegionEvidence evidence) {
    }

    /** One notice of an incident; addresses are left out on purpose (customer data stays in the customer API). */
    @Schema(example = """
            {"id": 501, "eventId": 31, "customerId": "acme-classes", "kind": "DEGRADED", "status": "SENT",
            "attempts": 1, "createdAt": "2026-03-02T10:13:00Z", "sentAt": "2026-03-02T10:13:02Z",
            "nextAttemptAt": null, "lastError": null}""")
    public record NoticeView(long id, long eventId, String customerId, String kind, String status, int attempts,
                             Instant createdAt, Instant sentAt, Instant nextAttemptAt, String lastError) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.eventId, n.customerId, n.kind, n.status, n.attempts, n.createdAt,
                    n.sentAt, Notice.PENDING.equals(n.status) ? n.nextAttemptAt : null, n.lastError);
        }
    }

    /** An incident with its timeline, its notices, and the customers its events did not notify and why. */
    @Schema(example = """
            {"incident": {"id": 12, "regionId": "eu-central", "status": "OPEN", "state": "DEGRADED",
            "beganAt": "2026-03-02T10:11:00Z", "openedAt": "2026-03-02T10:13:00Z",
            "updatedAt": "2026-03-02T10:13:00Z", "resolvedAt": null}, "evidence": {"nodesExpected": 4,
            "nodesReporting": 4, "nodesUnreachable": 0, "unreachableShare": 0.0, "medianMos": 3.42,
            "worstDecileMos": 3.05, "p95RttMs": 212.0, "medianJitterMs": 18.5, "meanLossRatio": 0.021,
            "reason": "median MOS 3.42 below 3.60"}, "timeline": [{"id": 31, "since": "2026-03-02T10:11:00Z",
            "at": "2026-03-02T10:13:00Z", "kind": "OPENED", "fromState": "HEALTHY", "toState": "DEGRADED",
            "noticeKind": "DEGRADED", "muted": false, "evidence": {"nodesExpected": 4, "nodesReporting": 4,
            "nodesUnreachable": 0, "unreachableShare": 0.0, "medianMos": 3.42, "worstDecileMos": 3.05,
            "p95RttMs": 212.0, "medianJitterMs": 18.5, "meanLossRatio": 0.021,
            "reason": "median MOS 3.42 below 3.60"}}], "notices": [{"id": 501, "eventId": 31,
            "customerId": "acme-classes", "kind": "DEGRADED", "status": "SENT", "attempts": 1,
            "createdAt": "2026-03-02T10:13:00Z", "sentAt": "2026-03-02T10:13:02Z", "nextAttemptAt": null,
            "lastError": null}], "skipped": [{"eventId": 31, "customerId": "streamly", "reason": "REGION_OPTED_OUT",
            "explanation": "the customer opted out of notices about this region"}]}""")
    public record IncidentView(IncidentSummary incident, RegionEvidence evidence, List<EventView> timeline,
                               List<NoticeView> notices, List<SkipView> skipped) {
    }

    /** A customer of the region an event did not notify: {@code reason} is a {@code SkipReason} name. */
    @Schema(example = """
            {"eventId": 31, "customerId": "streamly", "reason": "REGION_OPTED_OUT",
            "explanation": "the customer opted out of notices about this region"}""")
    public record SkipView(long eventId, String customerId, String reason, String explanation) {
    }

    /** A stored customer. */
    @Schema(example = """
            {"id": "acme-classes", "name": "Acme Online Classes", "emails": ["noc@acme-classes.example"],
            "language": "en", "timeZone": "Europe/Berlin", "regions": ["eu-central", "ap-southeast"],
            "createdAt": "2026-01-15T08:00:00Z", "updatedAt": "2026-02-20T14:30:00Z"}""")
    public record CustomerView(String id, String name, List<String> emails, String language, String timeZone,
                               List<String> regions, Instant createdAt, Instant updatedAt) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id, c.name, List.of(c.emails), c.language, c.timeZone, List.of(c.regions),
                    c.createdAt, c.updatedAt);
        }
    }

    /** A maintenance window; for a weekly one, startsAt..endsAt bound the recurrence and next is its next occurrence. */
    @Schema(example = """
            {"id": 7, "regionId": "eu-central", "startsAt": "2026-03-10T01:00:00Z", "endsAt": "2026-03-10T03:00:00Z",
            "reason": "Core router firmware upgrade in Frankfurt", "createdAt": "2026-03-02T09:00:00Z",
            "status": "SCHEDULED", "revision": 0, "weekly": null, "nextStart": "2026-03-10T01:00:00Z",
            "nextEnd": "2026-03-10T03:00:00Z"}""")
    public record MaintenanceView(long id, String regionId, Instant startsAt, Instant endsAt, String reason,
                                  Instant createdAt, String status, int revision, WeeklyInput weekly,
                                  Instant nextStart, Instant nextEnd) {
        static MaintenanceView of(MaintenanceWindow m, Instant now) {
            var next = m.schedule().next(now);
            return new MaintenanceView(m.id, m.regionId, m.startsAt, m.endsAt, m.reason, m.createdAt, m.status,
                    m.revision, m.weeklyZone == null ? null
                    : new WeeklyInput(m.weeklyDay, m.weeklyStart, m.weeklyEnd, m.weeklyZone),
                    next.map(o -> o.start()).orElse(null), next.map(o -> o.end()).orElse(null));
        }
    }

    /**
     * A maintenance window to create or change. A one-off window runs from startsAt to endsAt; with weekly it recurs
     * every week from startsAt (default: now) until endsAt.
     */
    @Schema(example = """
            {"regionId": "eu-central", "startsAt": "2030-03-10T01:00:00Z", "endsAt": "2030-03-10T03:00:00Z",
            "reason": "Core router firmware upgrade in Frankfurt", "weekly": null}""")
    public record MaintenanceInput(String regionId, Instant startsAt, Instant endsAt, String reason,
                                   WeeklyInput weekly) {
    }

    /** Weekly hours: day (MONDAY..SUNDAY), start and end as HH:mm local time in the IANA zone. */
    @Schema(example = """
            {"day": "SUNDAY", "start": "02:00", "end": "04:00", "zone": "Europe/Berlin"}""")
    public record WeeklyInput(String day, String start, String end, String zone) {
    }
}
