package dev.forewarn.escalation;

import dev.forewarn.escalation.model.PageState;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.ticket.TicketStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** Pages, their audit trail and their deliveries in PostgreSQL; every method runs in the caller's session. */
@ApplicationScoped
public class PageStore {

    /** A new page to record. */
    public record NewPage(String source, String ticketId, Deadline deadline, String stage, Tier tier,
                          Tier routedTier, String team, String assignee, String dedupKey, Long incidentId, String why,
                          Instant breachAt, Long escalatedFrom) {
    }

    /** A stored page with what the API and the outbox need. */
    public record Row(long id, String source, String ticketId, Deadline deadline, String stage, Tier tier,
                      Tier routedTier, String team, String assignee, String status, String dedupKey, Long incidentId,
                      String why, Instant breachAt, Instant pagedAt, Instant acknowledgedAt, String acknowledgedBy,
                      Instant resolvedAt, String resolvedWhy, boolean escalated) {
    }

    static final String COLUMNS = "id, source, ticket_id, deadline, stage, tier, routed_tier, team, assignee, status, "
            + "dedup_key, incident_id, why, breach_at, paged_at, acknowledged_at, acknowledged_by, resolved_at, "
            + "resolved_why, escalated";

    static Row row(Object[] r) {
        return new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], Deadline.valueOf((String) r[3]),
                (String) r[4], Tier.valueOf((String) r[5]), Tier.valueOf((String) r[6]), (String) r[7],
                (String) r[8], (String) r[9], (String) r[10], r[11] == null ? null : ((Number) r[11]).longValue(),
                (String) r[12], TicketStore.toInstant(r[13]), TicketStore.toInstant(r[14]),
                TicketStore.toInstant(r[15]), (String) r[16], TicketStore.toInstant(r[17]), (String) r[18],
                (Boolean) r[19]);
    }

    /** Pages of the given tickets as the escalator sees them, keyed by source + NUL + ticket id. */
    public Uni<Map<String, List<PageState>>> statesOf(Mutiny.Session s, List<String[]> tickets) {
        if (tickets.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < tickets.size(); i++) {
            in.append(i == 0 ? "" : ", ").append("(:s").append(i).append(", :i").append(i).append(')');
        }
        Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery("SELECT id, source, ticket_id, deadline, stage, tier, "
                + "paged_at, acknowledged_at, resolved_at, escalated FROM page WHERE (source, ticket_id) IN (" + in
                + ") ORDER BY id", Object[].class);
        for (int i = 0; i < tickets.size(); i++) {
            q.setParameter("s" + i, tickets.get(i)[0]).setParameter("i" + i, tickets.get(i)[1]);
        }
        return q.getResultList().map(rows -> {
            Map<String, List<PageState>> out = new HashMap<>();
            for (Object[] r : rows) {
                out.computeIfAbsent(r[1] + "\u0000" + r[2], k -> new ArrayList<>()).add(new PageState(
                        ((Number) r[0]).longValue(), Deadline.valueOf((String) r[3]), (String) r[4],
                        Tier.valueOf((String) r[5]), TicketStore.toInstant(r[6]), TicketStore.toInstant(r[7]),
                        TicketStore.toInstant(r[8]), (Boolean) r[9]));
            }
            return out;
        });
    }

    /** Records a page unless the same (ticket, deadline, stage, tier) exists; returns its id or null. */
    public Uni<Long> insert(Mutiny.Session s, NewPage p, Instant now) {
        return s.createNativeQuery("""
                        INSERT INTO page (source, ticket_id, deadline, stage, tier, routed_tier, team, assignee, status,
                                          escalated_from, dedup_key, incident_id, why, breach_at, paged_at)
                        VALUES (:source, :ticket, :deadline, :stage, :tier, :routed, :team, :assignee, 'OPEN',
                                :from, :dedup, :incident, :why, :breach, :now)
                        ON CONFLICT ON CONSTRAINT page_once DO NOTHING RETURNING id""", Long.class)
                .setParameter("source", p.source()).setParameter("ticket", p.ticketId())
                .setParameter("deadline", p.deadline().name()).setParameter("stage", p.stage())
                .setParameter("tier", p.tier().name()).setParameter("routed", p.routedTier().name())
                .setParameter("team", p.team()).setParameter("assignee", p.assignee())
                .setParameter("from", p.escalatedFrom()).setParameter("dedup", p.dedupKey())
                .setParameter("incident", p.incidentId()).setParameter("why", p.why())
                .setParameter("breach", p.breachAt()).setParameter("now", now)
                .getResultList().map(ids -> ids.isEmpty() ? null : ids.get(0));
    }

    public Uni<Integer> markEscalated(Mutiny.Session s, long pageId) {
        return s.createNativeQuery("UPDATE page SET escalated = true WHERE id = :id").setParameter("id", pageId)
                .executeUpdate();
    }

    public Uni<Integer> event(Mutiny.Session s, long pageId, String kind, String actor, String detail, Instant at) {
        return s.createNativeQuery("""
                        INSERT INTO page_event (page_id, at, kind, actor, detail) VALUES (:page, :at, :kind, :actor, :detail)""")
                .setParameter("page", pageId).setParameter("at", at).setParameter("kind", kind)
                .setParameter("actor", actor).setParameter("detail", detail).executeUpdate();
    }

    /** Queues one delivery per channel; a (dedup key, action, channel) already queued is not queued again. */
    public Uni<Integer> queue(Mutiny.Session s, long pageId, String dedupKey, String action, List<String> channels,
                              Instant now) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String channel : channels) {
            chain = chain.chain(n -> s.createNativeQuery("""
                            INSERT INTO page_delivery (page_id, dedup_key, action, channel, status, next_attempt_at,
                                                       created_at)
                            VALUES (:page, :dedup, :action, :channel, 'PENDING', :now, :now)
                            ON CONFLICT ON CONSTRAINT page_delivery_once DO NOTHING""")
                    .setParameter("page", pageId).setParameter("dedup", dedupKey).setParameter("action", action)
                    .setParameter("channel", channel).setParameter("now", now).executeUpdate().map(m -> m + n));
        }
        return chain;
    }

    public Uni<Row> find(Mutiny.Session s, long id) {
        return s.createNativeQuery("SELECT " + COLUMNS + " FROM page WHERE id = :id", Object[].class)
                .setParameter("id", id).getResultList().map(l -> l.isEmpty() ? null : row(l.get(0)));
    }

    /** Every page sharing a dedup key (a grouped page's members), oldest first. */
    public Uni<List<Row>> byDedupKey(Mutiny.Session s, String dedupKey) {
        return s.createNativeQuery("SELECT " + COLUMNS + " FROM page WHERE dedup_key = :k ORDER BY id", Object[].class)
                .setParameter("k", dedupKey).getResultList().map(l -> l.stream().map(PageStore::row).toList());
    }

    /** The open region incident (the lowest id) of each of these customers that has one. */
    public Uni<Map<String, Long>> openIncidentsOf(Mutiny.Session s, List<String> customers) {
        if (customers.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < customers.size(); i++) {
            in.append(i == 0 ? "" : ", ").append(":c").append(i);
        }
        Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery("SELECT c.id, min(i.id) FROM customer c JOIN incident i "
                + "ON i.status = 'OPEN' AND i.region_id = ANY (c.regions) WHERE c.id IN (" + in + ") GROUP BY c.id",
                Object[].class);
        for (int i = 0; i < customers.size(); i++) {
            q.setParameter("c" + i, customers.get(i));
        }
        return q.getResultList().map(rows -> {
            Map<String, Long> out = new HashMap<>();
            rows.forEach(r -> out.put((String) r[0], ((Number) r[1]).longValue()));
            return out;
        });
    }
}
