package dev.forewarn.maintenance;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Stored maintenance windows. */
@ApplicationScoped
public class MaintenanceWindowRepository implements PanacheRepository<MaintenanceWindow> {

    public Uni<Boolean> isUnderMaintenance(String regionId, Instant at) {
        return list("regionId = ?1 and status = 'SCHEDULED' and startsAt <= ?2 and endsAt > ?2", regionId, at)
                .map(ws -> ws.stream().anyMatch(w -> w.covers(at)));
    }

    /** Scheduled windows (one-off or recurring) not over at {@code endingAfter}. */
    public Uni<List<MaintenanceWindow>> scheduled(Instant endingAfter) {
        return list("status = 'SCHEDULED' and endsAt > ?1 order by id", endingAfter);
    }

    public Uni<List<MaintenanceWindow>> forRegion(String regionId, Instant endingAfter) {
        if (regionId == null) {
            return list("status = 'SCHEDULED' and endsAt > ?1 order by startsAt", endingAfter);
        }
        return list("regionId = ?1 and status = 'SCHEDULED' and endsAt > ?2 order by startsAt", regionId, endingAfter);
    }
}
