package dev.forewarn.quality;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Stored region judgements. */
@ApplicationScoped
public class RegionStatusRepository implements PanacheRepositoryBase<RegionStatusRow, String> {

    // Rows per statement: eight parameters each, well within PostgreSQL's 65,535 bind parameters.
    static final int ROWS_PER_STATEMENT = 1000;

    private static final String INSERT = """
            INSERT INTO region_status (region_id, settled_state, observed_state, pending_state, pending_since,
                                       last_known_at, evaluated_at, evidence)
            VALUES """;
    private static final String ON_CONFLICT = """
             ON CONFLICT (region_id) DO UPDATE SET
              settled_state = excluded.settled_state, observed_state = excluded.observed_state,
              pending_state = excluded.pending_state, pending_since = excluded.pending_since,
              last_known_at = excluded.last_known_at, evaluated_at = excluded.evaluated_at,
              evidence = excluded.evidence""";

    /**
     * Writes the judgements of a tick, every region in one statement (one per {@value #ROWS_PER_STATEMENT} regions);
     * call within a transaction.
     */
    public Uni<Void> upsertAll(List<RegionStatusRow> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<RegionStatusRow> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> upsert(part));
        }
        return chain;
    }

    private Uni<Void> upsert(List<RegionStatusRow> rows) {
        StringBuilder sql = new StringBuilder(INSERT.length() + ON_CONFLICT.length() + rows.size() * 48);
        sql.append(INSERT);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "(" : ", (");
            for (int c = 1; c <= 8; c++) {
                sql.append(c == 1 ? "?" : ", ?").append(i * 8 + c);
            }
            sql.append(')');
        }
        sql.append(ON_CONFLICT);
        return getSession().chain(s -> {
            var query = s.createNativeQuery(sql.toString());
            int p = 1;
            for (RegionStatusRow row : rows) {
                query.setParameter(p++, row.regionId);
                query.setParameter(p++, row.settledState);
                query.setParameter(p++, row.observedState);
                query.setParameter(p++, row.pendingState);
                query.setParameter(p++, row.pendingSince);
                query.setParameter(p++, row.lastKnownAt);
                query.setParameter(p++, row.evaluatedAt);
                query.setParameter(p++, row.evidence);
            }
            return query.executeUpdate();
        }).replaceWithVoid();
    }
}
