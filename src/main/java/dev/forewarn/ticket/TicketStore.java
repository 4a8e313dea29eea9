package dev.forewarn.ticket;

import dev.forewarn.db.SqlValues;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps tickets current in PostgreSQL together with their status/severity history, so the SLA watch never
 * has to reload a source's whole history to evaluate deadlines. All methods run in the caller's session.
 */
@ApplicationScoped
public class TicketStore {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(TicketStore.class);

    /** What storing one snapshot changed, for the steering metrics. */
    public record Stored(TicketSnapshot snapshot, boolean created, boolean firstResponded, boolean solved,
                         boolean reopened) {
    }

    /** A ticket as the SLA watch needs it; {@code revision} is the stored revision the history was read at. */
    public record Watched(String source, String id, long revision, Severity severity, TicketStatus status,
                          String team, String customerId, TicketHistory history) {
    }

    private static final String SELECT_ONE = """
            SELECT status, severity, first_response_at, solved_at,
                   (SELECT max(seq) FROM ticket_change c WHERE c.source = t.source AND c.ticket_id = t.id),
                   (SELECT max(at) FROM ticket_change c WHERE c.source = t.source AND c.ticket_id = t.id),
                   updated_at
              FROM ticket t WHERE source = :source AND id = :id FOR UPDATE""";

    private static final String INSERT = """
            INSERT INTO ticket (source, id, subject, severity, status, team, customer_id, created_at, updated_at,
                                first_response_at, solved_at, url, first_seen_at, next_check_at)
            VALUES (:source, :id, :subject, :severity, :status, :team, :customer, :created, :updated,
                    :firstResponse, :solved, :url, :now, :now)""";

    private static final String UPDATE = """
            UPDATE ticket SET subject = :subject, severity = :severity, status = :status, team = :team,
                   customer_id = :customer, updated_at = :updated, first_response_at = :firstResponse,
                   solved_at = :solved, url = :url, next_check_at = :now, revision = nextval('ticket_revision')
             WHERE source = :source AND id = :id""";

    private static final String INSERT_CHANGE = """
            INSERT INTO ticket_change (source, ticket_id, seq, at, status, severity)
            VALUES (:source, :id, :seq, :at, :status, :severity)""";

    /** Stores one snapshot: inserts or updates the ticket and appends a history entry when status or severity changed. */
    public Uni<Stored> store(Mutiny.Session s, TicketSnapshot t, Instant now) {
        return s.createNativeQuery(SELECT_ONE, Object[].class)
                .setParameter("source", t.source()).setParameter("id", t.id())
                .getResultList()
                .chain(rows -> rows.isEmpty() ? insert(s, t, now) : update(s, t, rows.get(0), now));
    }

    private Uni<Stored> insert(Mutiny.Session s, TicketSnapshot t, Instant now) {
        // A ticket first seen mid-life is assumed to have had its current status since creation: that can only
        // make Forewarn page earlier than needed, never later.
        return bind(s.createNativeQuery(INSERT), t, now).setParameter("created", t.createdAt()).executeUpdate()
                .chain(() -> change(s, t, 1, t.createdAt()))
                .map(ignored -> new Stored(t, true, t.firstResponseAt() != null, t.solvedAt() != null, false));
    }

    private Uni<Stored> update(Mutiny.Session s, TicketSnapshot t, Object[] row, Instant now) {
        Instant storedUpdate = toInstant(row[6]);
        if (storedUpdate != null && t.updatedAt().isBefore(storedUpdate)) {
            // A late or replayed older document (an "open" sent before a "solved" we already hold) must never put
            // the ticket back: whatever the source, the newest update the source reported wins.
            LOG.debugf("Ticket %s/%s: ignored a state from %s older than the stored one (%s)", t.source(), t.id(),
                    t.updatedAt(), storedUpdate);
            return Uni.createFrom().item(new Stored(t, false, false, false, false));
        }
        TicketStatus oldStatus = TicketStatus.valueOf((String) row[0]);
        Severity oldSeverity = Severity.valueOf((String) row[1]);
        boolean hadFirstResponse = row[2] != null;
        boolean wasFinal = oldStatus.isFinal();
        int seq = ((Number) row[4]).intValue();
        Instant lastChange = toInstant(row[5]);
        boolean changed = oldStatus != t.status() || oldSeverity != t.severity();
        // History must stay in time order even when a source reports an older updated_at than we recorded.
        Instant at = t.updatedAt().isBefore(lastChange) ? lastChange : t.updatedAt();
        Uni<Integer> updated = bind(s.createNativeQuery(UPDATE), t, now).executeUpdate();
        Uni<Integer> appended = changed ? updated.chain(() -> change(s, t, seq + 1, at)) : updated;
        return appended.map(ignored -> new Stored(t, false, !hadFirstResponse && t.firstResponseAt() != null,
                !wasFinal && t.status().isFinal(), wasFinal && !t.status().isFinal()));
    }

    private Uni<Integer> change(Mutiny.Session s, TicketSnapshot t, int seq, Instant at) {
        return s.createNativeQuery(INSERT_CHANGE)
                .setParameter("source", t.source()).setParameter("id", t.id()).setParameter("seq", seq)
                .setParameter("at", at).setParameter("status", t.status().name())
                .setParameter("severity", t.severity().name())
                .executeUpdate();
    }

    private static Mutiny.MutationQuery bind(Mutiny.MutationQuery q, TicketSnapshot t, Instant now) {
        return q.setParameter("source", t.source()).setParameter("id", t.id())
                .setParameter("subject", t.subject()).setParameter("severity", t.severity().name())
                .setParameter("status", t.status().name()).setParameter("team", t.team())
                .setParameter("customer", t.customerId())
                .setParameter("updated", t.updatedAt()).setParameter("firstResponse", t.firstResponseAt())
                .setParameter("solved", t.solvedAt()).setParameter("url", t.url()).setParameter("now", now);
    }

    /** A {@code timestamptz} column as an instant; see {@link SqlValues#instant}. */
    public static Instant toInstant(Object o) {
        return SqlValues.instant(o);
    }
}
