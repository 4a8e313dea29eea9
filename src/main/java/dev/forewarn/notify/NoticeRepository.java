package dev.forewarn.notify;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored notices (the outbox and its history). */
@ApplicationScoped
public class NoticeRepository implements PanacheRepository<Notice> {

    public Uni<List<Notice>> forIncident(long incidentId) {
        return list("incidentId = ?1 order by id", incidentId);
    }

    /** One customer an incident event did not notify, and the {@code SkipReason} name why. */
    public record Skipped(long eventId, String customerId, String reason) {
    }

    public Uni<List<Skipped>> skippedFor(long incidentId) {
        return getSession().chain(s -> s.createNativeQuery("""
                        SELECT s.event_id, s.customer_id, s.reason FROM notice_skip s
                          JOIN incident_event e ON e.id = s.event_id
                         WHERE e.incident_id = :incident ORDER BY s.event_id, s.customer_id""", Object[].class)
                .setParameter("incident", incidentId)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new Skipped(((Number) r[0]).longValue(), (String) r[1],
                        (String) r[2])).toList());
    }
}
