package dev.forewarn.incident;

import dev.forewarn.maintenance.MaintenanceWindowRepository;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.customer.Audience;
import dev.forewarn.customer.model.NoticeTopic;
import dev.forewarn.incident.model.IncidentAction;
import dev.forewarn.incident.model.IncidentChange;
import dev.forewarn.incident.model.IncidentPolicy;
import dev.forewarn.incident.model.NoticeKind;
import dev.forewarn.quality.model.RegionState;
import dev.forewarn.quality.SettledChanges;
import dev.forewarn.quality.model.SettledChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Applies a region's settled quality change to its incidents and queues the customer notices it calls for.
 *
 * <p>Must run inside the caller's transaction: the incident change, its timeline event and the outbox rows
 * are committed together, so a crash either keeps all of them or none.
 */
@ApplicationScoped
public class IncidentService implements SettledChanges {
    private static final Logger LOG = Logger.getLogger(IncidentService.class);

    // One statement: the customers concerned, each with why it is skipped (its preferences) or null; the skipped
    // ones are recorded for the API, the others get an outbox row. A customer this incident has told nothing yet
    // (added to the region meanwhile, or whose warning failed or was held back by maintenance) gets a first warning,
    // never an update about a warning it never received.
    private static final String FAN_OUT = """
            WITH candidate AS (
                SELECT c.id, c.webhook_url, %s AS skip FROM customer c WHERE %s),
            skipped AS (
                INSERT INTO notice_skip (event_id, customer_id, reason)
                SELECT CAST(:event AS bigint), id, skip FROM candidate WHERE skip IS NOT NULL
                ON CONFLICT DO NOTHING)
            INSERT INTO notice (incident_id, event_id, customer_id, kind, status, attempts, next_attempt_at, created_at,
                                channel)
            SELECT CAST(:incident AS bigint), CAST(:event AS bigint), id,
                   CASE WHEN CAST(:kind AS text) = 'ALL_CLEAR'
                          OR EXISTS (SELECT 1 FROM notice told WHERE told.incident_id = CAST(:incident AS bigint)
                                        AND told.customer_id = candidate.id AND told.status <> 'FAILED')
                        THEN CAST(:kind AS text) ELSE 'WARNING' END, 'PENDING', 0,
                   CAST(:now AS timestamptz), CAST(:now AS timestamptz), ch.channel
              FROM candidate CROSS JOIN (VALUES ('email'), ('webhook')) AS ch (channel)
             WHERE skip IS NULL AND (ch.channel = 'email' OR webhook_url IS NOT NULL)
            ON CONFLICT (event_id, customer_id, channel) DO NOTHING""";

    private static final String FAN_OUT_TO_REGION_CUSTOMERS = FAN_OUT.formatted(Audience.SKIP_REASON,
            "CAST(:region AS text) = ANY (c.regions)");

    // An all-clear goes to those told about the incident, not to customers who never heard of it.
    private static final String FAN_OUT_TO_NOTIFIED_CUSTOMERS = FAN_OUT.formatted(Audience.SKIP_REASON,
            "c.id IN (SELECT n.customer_id FROM notice n WHERE n.incident_id = CAST(:incident AS bigint))");

    @Inject
    IncidentRepository incidents;
    @Inject
    IncidentEventRepository events;
    @Inject
    MaintenanceWindowRepository maintenance;
    @Inject
    ForewarnConfig config;

    /** The outcome of one applied change: the event recorded (if any) and how many notices were queued. */
    public record Applied(Optional<IncidentEvent> event, int noticesQueued) {
        static Applied nothing() {
            return new Applied(Optional.empty(), 0);
        }
    }

    @Override
    public Uni<Void> apply(String regionId, SettledChange change, String evidenceJson, Instant now) {
        return applyChange(regionId, change, evidenceJson, now).replaceWithVoid();
    }

    /** Records what a settled change means; call within a transaction. */
    public Uni<Applied> applyChange(String regionId, SettledChange change, String evidenceJson, Instant now) {
        RegionState to = change.to();
        return incidents.findOpen(regionId)
                .chain(open -> incidents.findLastResolved(regionId)
                        .chain(lastResolved -> {
                            IncidentAction action = IncidentPolicy.decide(to,
                                    Optional.ofNullable(open).map(i -> new IncidentPolicy.OpenIncident(
                                            i.id, RegionState.valueOf(i.state), RegionState.valueOf(i.worstState))),
                                    Optional.ofNullable(lastResolved).map(i -> new IncidentPolicy.ResolvedIncident(
                                            i.id, i.resolvedAt)),
                                    config.notices().coolDown(), now);
                            return perform(action, regionId, change, open, lastResolved, evidenceJson, now);
                        }));
    }

    private Uni<Applied> perform(IncidentAction action, String regionId, SettledChange settled, Incident open,
                                 Incident lastResolved, String evidence, Instant now) {
        Optional<IncidentChange> change = IncidentChange.of(action, settled.from());
        if (change.isEmpty()) {
            return Uni.createFrom().item(Applied.nothing());
        }
        Incident incident = apply(action, regionId, open, lastResolved, evidence, settled.since(), now);
        Uni<Void> stored = action instanceof IncidentAction.Open ? incidents.persist(incident).replaceWithVoid()
                : Uni.createFrom().voidItem();
        return stored.chain(() -> record(incident, change.get(), evidence, settled.since(), now));
    }

    /** The incident row after the action: a new one, the reopened one, or the open one changed. */
    private static Incident apply(IncidentAction action, String regionId, Incident open, Incident lastResolved,
                                  String evidence, Instant since, Instant now) {
        Incident incident;
        if (action instanceof IncidentAction.Open o) {
            incident = new Incident();
            incident.regionId = regionId;
            incident.status = Incident.OPEN;
            incident.state = o.state().name();
            incident.worstState = o.state().name();
            incident.openedAt = now;
            incident.beganAt = since;
        } else if (action instanceof IncidentAction.Recur r) {
            incident = lastResolved;
            incident.status = Incident.OPEN;
            incident.state = r.state().name();
            incident.worstState = r.state().name();
            incident.resolvedAt = null;
        } else if (action instanceof IncidentAction.Worsen w) {
            incident = open;
            incident.state = w.to().name();
            if (w.announce()) {
                incident.worstState = w.to().name();
            }
        } else if (action instanceof IncidentAction.Improve i) {
            incident = open;
            incident.state = i.to().name();
        } else {
            incident = open;
            incident.status = Incident.RESOLVED;
            incident.resolvedAt = now;
        }
        incident.updatedAt = now;
        incident.evidence = evidence;
        return incident;
    }

    private Uni<Applied> record(Incident incident, IncidentChange change, String evidence, Instant since,
                                Instant now) {
        Uni<Boolean> inMaintenance = change.mutable() ? maintenance.isUnderMaintenance(incident.regionId, now)
                : Uni.createFrom().item(false);
        return inMaintenance.chain(underMaintenance -> {
            boolean muted = change.muted(underMaintenance);
            NoticeKind noticeKind = change.notice().orElse(null);
            IncidentEvent event = new IncidentEvent();
            event.incidentId = incident.id;
            event.at = now;
            event.since = since;
            event.kind = change.eventKind();
            event.fromState = change.from() == null ? null : change.from().name();
            event.toState = change.to().name();
            event.noticeKind = noticeKind == null ? null : noticeKind.name();
            event.muted = muted;
            event.evidence = evidence;
            return events.persist(event)
                    .chain(() -> events.flush())
                    .chain(() -> noticeKind == null || muted
                            ? Uni.createFrom().item(0)
                            : fanOut(incident, event, noticeKind, now))
                    .invoke(queued -> LOG.infof("Region %s: incident #%d %s (%s -> %s)%s, %d notice(s) queued",
                            incident.regionId, incident.id, change.eventKind(), change.from(), change.to(),
                            muted ? " during maintenance, notices held back" : "", queued))
                    .map(queued -> new Applied(Optional.of(event), queued));
        });
    }

    private Uni<Integer> fanOut(Incident incident, IncidentEvent event, NoticeKind kind, Instant now) {
        String sql = kind == NoticeKind.ALL_CLEAR ? FAN_OUT_TO_NOTIFIED_CUSTOMERS : FAN_OUT_TO_REGION_CUSTOMERS;
        return incidents.getSession().chain(session -> {
            var query = session.createNativeQuery(sql)
                    .setParameter("incident", incident.id)
                    .setParameter("event", event.id)
                    .setParameter("kind", kind.name())
                    .setParameter("now", now)
                    .setParameter("region", incident.regionId)
                    .setParameter("topic", NoticeTopic.ofNoticeKind(kind.name()).slug());
            return query.executeUpdate();
        });
    }
}
