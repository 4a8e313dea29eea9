package dev.forewarn.incident;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored incidents. */
@ApplicationScoped
public class IncidentRepository implements PanacheRepository<Incident> {

    public Uni<Incident> findOpen(String regionId) {
        return find("regionId = ?1 and status = ?2", regionId, Incident.OPEN).firstResult();
    }

    public Uni<Incident> findLastResolved(String regionId) {
        return find("regionId = ?1 and status = ?2 order by resolvedAt desc", regionId, Incident.RESOLVED).firstResult();
    }

    public Uni<List<Incident>> search(String status, String regionId, int limit) {
        StringBuilder q = new StringBuilder("1 = 1");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (regionId != null) {
            q.append(" and regionId = :region");
            params.put("region", regionId);
        }
        return find(q + " order by openedAt desc", params).page(0, limit).list();
    }
}
