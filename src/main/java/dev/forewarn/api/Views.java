package dev.forewarn.api;

import dev.forewarn.customer.Customer;
import dev.forewarn.incident.Incident;
import dev.forewarn.incident.IncidentEvent;
import dev.forewarn.incident.MaintenanceWindow;
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
    public record RegionView(String id, String displayName, String source, int nodes, String state,
                             String observedState, String settledState, String pendingState, Instant pendingSince,
                             Instant evaluatedAt, RegionEvidence evidence, Long openIncidentId, boolean inMaintenance) {
    }

    /**
     * An incident in a list: {@code beganAt} is when the degradation began in probe time, {@code openedAt} when it
     * had lasted the sustained window and the incident was opened.
     */
    public record IncidentSummary(long id, String regionId, String status, String state, Instant beganAt,
                                  Instant openedAt, Instant updatedAt, Instant resolvedAt) {
        public static IncidentSummary of(Incident i) {
            return new IncidentSummary(i.id, i.regionId, i.status, i.state,
                    i.beganAt == null ? i.openedAt : i.beganAt, i.openedAt, i.updatedAt, i.resolvedAt);
        }
    }

    /** One timeline entry: {@code since} is when the run behind the change began, {@code at} when it was decided. */
    public record EventView(long id, Instant since, Instant at, String kind, String fromState, String toState,
                            String noticeKind, boolean muted, RegionEvidence evidence) {
    }

    /** One notice of an incident; addresses are left out on purpose (customer data stays in the customer API). */
    public record NoticeView(long id, long eventId, String customerId, String kind, String status, int attempts,
                             Instant createdAt, Instant sentAt, Instant nextAttemptAt, String lastError) {
        static NoticeView of(Notice n) {
            return new NoticeView(n.id, n.eventId, n.customerId, n.kind, n.status, n.attempts, n.createdAt,
                    n.sentAt, Notice.PENDING.equals(n.status) ? n.nextAttemptAt : null, n.lastError);
        }
    }

    /** An incident with its timeline and notices. */
    public record IncidentView(IncidentSummary incident, RegionEvidence evidence, List<EventView> timeline,
                               List<NoticeView> notices) {
    }

    /** A stored customer. */
    public record CustomerView(String id, String name, List<String> emails, String language, String timeZone,
                               List<String> regions, Instant createdAt, Instant updatedAt) {
        static CustomerView of(Customer c) {
            return new CustomerView(c.id, c.name, List.of(c.emails), c.language, c.timeZone, List.of(c.regions),
                    c.createdAt, c.updatedAt);
        }
    }

    /** A maintenance window. */
    public record MaintenanceView(long id, String regionId, Instant startsAt, Instant endsAt, String reason,
                                  Instant createdAt) {
        static MaintenanceView of(MaintenanceWindow m) {
            return new MaintenanceView(m.id, m.regionId, m.startsAt, m.endsAt, m.reason, m.createdAt);
        }
    }

    /** A maintenance window to create. */
    public record MaintenanceInput(String regionId, Instant startsAt, Instant endsAt, String reason) {
    }
}
