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

    /** Incidents newest first, optionally by status and region, strictly after the (openedAt, id) of a cursor. */
    public Uni<List<Incident>> search(String status, String regionId, java.time.Instant beforeOpened, Long beforeId,
                                      int limit) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        String q = filter(status, regionId, params);
        if (beforeOpened != null) {
            q += " and (openedAt < :openedAt or (openedAt = :openedAt and id < :id))";
            params.put("openedAt", beforeOpened);
            params.put("id", beforeId);
        }
        return find(q + " order by openedAt desc, id desc", params).page(0, limit).list();
    }

    /** How many incidents match the status and region. */
    public Uni<Long> countMatching(String status, String regionId) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        return count(filter(status, regionId, params), params);
    }

    private static String filter(String status, String regionId, java.util.Map<String, Object> params) {
        StringBuilder q = new StringBuilder("1 = 1");
        if (status != null) {
            q.append(" and status = :status");
            params.put("status", status);
        }
        if (regionId != null) {
            q.append(" and regionId = :region");
            params.put("region", regionId);
        }
        return q.toString();
    }
}
