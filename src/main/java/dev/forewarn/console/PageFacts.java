package dev.forewarn.console;

import dev.forewarn.ticket.TicketStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What a person needs to decide about one page before pressing its button: its tickets, tier, deadline and breach,
 * its state, and who else was paged for the same tickets and deadline.
 */
public record PageFacts(long id, String tier, String team, String assignee, String stage, String deadline,
                        String status, String why, Instant breachAt, Instant pagedAt, Instant acknowledgedAt,
                        String acknowledgedBy, Instant resolvedAt, String resolvedWhy, List<TicketLine> tickets,
                        List<OtherPage> others) {

    /** One ticket the page is about. */
    public record TicketLine(String source, String id, String subject, String severity, String customer,
                             String url) {
        public String ref() {
            return source + "/" + id;
        }
    }

    /** Another page for the same tickets and deadline. */
    public record OtherPage(long id, String tier, String assignee, String status, String stage, Instant pagedAt) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public boolean acknowledged() {
        return "ACKNOWLEDGED".equals(status);
    }

    public boolean resolved() {
        return "RESOLVED".equals(status);
    }

    /** The status in words, for people. */
    public String statusText() {
        return status.toLowerCase(Locale.ROOT);
    }

    /** Loads a page's facts; null when there is no such page. */
    public static Uni<PageFacts> load(long id) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        SELECT id, routed_tier, team, assignee, stage, deadline, status, why, breach_at, paged_at,
                               acknowledged_at, acknowledged_by, resolved_at, resolved_why, dedup_key
                          FROM page WHERE id = :id""", Object[].class).setParameter("id", id).getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().nullItem();
                    }
                    Object[] p = rows.get(0);
                    String key = (String) p[14];
                    return s.createNativeQuery("""
                                    SELECT t.source, t.id, t.subject, t.severity, t.customer_id, t.url
                                      FROM page p JOIN ticket t ON t.source = p.source AND t.id = p.ticket_id
                                     WHERE p.dedup_key = :key ORDER BY p.id""", Object[].class)
                            .setParameter("key", key).getResultList()
                            .chain(tickets -> s.createNativeQuery("""
                                            SELECT o.id, o.routed_tier, o.assignee, o.status, o.stage, o.paged_at
                                              FROM page o
                                             WHERE o.deadline = :deadline AND o.dedup_key <> :key
                                               AND (o.source, o.ticket_id) IN (SELECT source, ticket_id FROM page
                                                                                WHERE dedup_key = :key)
                                             ORDER BY o.paged_at, o.id""", Object[].class)
                                    .setParameter("deadline", p[5]).setParameter("key", key).getResultList()
                                    .map(others -> new PageFacts(((Number) p[0]).longValue(), (String) p[1],
                                            (String) p[2], (String) p[3], (String) p[4],
                                            "FIRST_RESPONSE".equals(p[5]) ? "first response" : "resolution",
                                            (String) p[6], (String) p[7], TicketStore.toInstant(p[8]),
                                            TicketStore.toInstant(p[9]), TicketStore.toInstant(p[10]),
                                            (String) p[11], TicketStore.toInstant(p[12]), (String) p[13],
                                            tickets.stream().map(t -> new TicketLine((String) t[0], (String) t[1],
                                                    (String) t[2], ((String) t[3]).toLowerCase(Locale.ROOT),
                                                    (String) t[4], (String) t[5])).toList(),
                                            others.stream().map(o -> new OtherPage(((Number) o[0]).longValue(),
                                                    (String) o[1], (String) o[2],
                                                    ((String) o[3]).toLowerCase(Locale.ROOT), (String) o[4],
                                                    TicketStore.toInstant(o[5]))).toList())));
                })));
    }
}
