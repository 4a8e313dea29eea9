package dev.forewarn.incident;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored incident timelines. */
@ApplicationScoped
public class IncidentEventRepository implements PanacheRepository<IncidentEvent> {

    public Uni<List<IncidentEvent>> timeline(long incidentId) {
        return list("incidentId = ?1 order by id", incidentId);
    }
}
