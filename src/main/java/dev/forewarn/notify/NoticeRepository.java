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
}
