package dev.forewarn.escalation;

import dev.forewarn.oncall.model.OnCall;
import dev.forewarn.oncall.model.Schedule;
import dev.forewarn.oncall.model.ScheduleBook;
import dev.forewarn.sla.SlaMetrics;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.ticket.TicketStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * The numbers the support team steers by, refreshed after every SLA tick: open tickets by severity and latest
 * stage paged, time to the nearest breach, first-contact resolution rate, and on-call coverage.
 */
@ApplicationScoped
public class SteeringMetrics {
    private static final Logger LOG = Logger.getLogger(SteeringMetrics.class);

    @Inject
    SlaMetrics metrics;

    private final Set<String> gapsLogged = ConcurrentHashMap.newKeySet();

    /** Sets the on-call coverage gauges and logs a gap when it opens and when it closes. */
    void watchCoverage(ScheduleBook book, Instant now) {
        for (Schedule schedule : book.schedules()) {
            OnCall answer = schedule.whoIsOnCall(now);
            boolean covered = answer instanceof OnCall.Covered;
            metrics.coverage(schedule.tier(), schedule.team(), covered);
            String key = schedule.tier() + "/" + schedule.team();
            if (!covered && gapsLogged.add(key)) {
                LOG.warnf("On-call gap: nobody is on call for %s team %s (next coverage: %s)", schedule.tier(),
                        schedule.team(), ((OnCall.Gap) answer).nextCoverageAt());
            } else if (covered && gapsLogged.remove(key)) {
                LOG.infof("On-call gap closed: %s team %s is covered again", schedule.tier(), schedule.team());
            }
        }
    }

    /** Re-reads the open tickets by stage, the nearest breaches and the first-contact resolution rate. */
    Uni<Void> refresh(Instant now) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                        SELECT lower(t.severity),
                               coalesce((SELECT p.stage FROM page p WHERE p.source = t.source AND p.ticket_id = t.id
                                          AND p.status <> 'RESOLVED' ORDER BY p.paged_at DESC, p.id DESC LIMIT 1), 'none'),
                               count(*)
                          FROM ticket t WHERE t.status NOT IN ('SOLVED', 'CLOSED') GROUP BY 1, 2""", Object[].class)
                .getResultList()
                .invoke(rows -> {
                    Map<String, Long> open = new HashMap<>();
                    rows.forEach(r -> open.put(r[0] + "/" + r[1], ((Number) r[2]).longValue()));
                    metrics.openTickets(open);
                })
                .chain(() -> s.createNativeQuery("""
                                SELECT severity, min(next_breach_at) FROM ticket
                                 WHERE status NOT IN ('SOLVED', 'CLOSED') AND next_breach_at IS NOT NULL
                                 GROUP BY severity""", Object[].class).getResultList())
                .invoke(rows -> {
                    Map<Severity, Double> next = new EnumMap<>(Severity.class);
                    rows.forEach(r -> next.put(Severity.valueOf((String) r[0]),
                            Duration.between(now, TicketStore.toInstant(r[1])).toMillis() / 1000.0));
                    for (Severity sev : Severity.values()) {
                        metrics.nextBreach(sev, next.get(sev));
                    }
                })
                .chain(() -> s.createNativeQuery("""
                                SELECT count(*) FILTER (WHERE first_response_at IS NOT NULL
                                                          AND solved_at <= first_response_at + interval '5 minutes'
                                                          AND NOT EXISTS (
                                                              SELECT 1 FROM ticket_change a JOIN ticket_change b
                                                                ON b.source = a.source AND b.ticket_id = a.ticket_id
                                                               AND b.seq > a.seq
                                                             WHERE a.source = t.source AND a.ticket_id = t.id
                                                               AND a.status IN ('SOLVED', 'CLOSED')
                                                               AND b.status NOT IN ('SOLVED', 'CLOSED'))),
                                       count(*)
                                  FROM ticket t WHERE solved_at > :since""", Object[].class)
                        .setParameter("since", now.minus(Duration.ofDays(30))).getSingleResult())
                .invoke(r -> {
                    long total = ((Number) r[1]).longValue();
                    metrics.firstContactResolution(total == 0 ? null : ((Number) r[0]).doubleValue() / total);
                })))
                .replaceWithVoid();
    }
}
