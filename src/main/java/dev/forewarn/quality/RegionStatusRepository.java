package dev.forewarn.quality;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Stored region judgements. */
@ApplicationScoped
public class RegionStatusRepository implements PanacheRepositoryBase<RegionStatusRow, String> {

    private static final String UPSERT = """
            INSERT INTO region_status (region_id, settled_state, observed_state, pending_state, pending_since,
                                       last_known_at, evaluated_at, evidence)
            VALUES (:region, :settled, :observed, :pending, :pendingSince, :lastKnownAt, :evaluatedAt, :evidence)
            ON CONFLICT (region_id) DO UPDATE SET
              settled_state = excluded.settled_state, observed_state = excluded.observed_state,
              pending_state = excluded.pending_state, pending_since = excluded.pending_since,
              last_known_at = excluded.last_known_at, evaluated_at = excluded.evaluated_at,
              evidence = excluded.evidence""";

    /** Writes one region's judgement; call within a transaction. */
    public Uni<Integer> upsert(RegionStatusRow row) {
        return getSession().chain(s -> s.createNativeQuery(UPSERT)
                .setParameter("region", row.regionId)
                .setParameter("settled", row.settledState)
                .setParameter("observed", row.observedState)
                .setParameter("pending", row.pendingState)
                .setParameter("pendingSince", row.pendingSince)
                .setParameter("lastKnownAt", row.lastKnownAt)
                .setParameter("evaluatedAt", row.evaluatedAt)
                .setParameter("evidence", row.evidence)
                .executeUpdate());
    }
}
