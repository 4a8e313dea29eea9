package dev.forewarn.ticket;

import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Keeps tickets current in PostgreSQL together with their status/severity history, so the SLA watch never
 * has to reload a source's whole history to evaluate deadlines. All methods run in the caller's session.
 */
@ApplicationScoped
public class TicketStore {

    /** What storing one snapshot changed, for the steering metrics. */
    public record Stored(TicketSnapshot snapshot, boolean created, boolean firstResponded, boolean solved,
                         boolean reopened) {
    }

    /** A ticket as the SLA watch needs it. */
    public record Watched(String source, String id, String subject, Severity severity, TicketStatus status,
                          String team, String customerId, String url, TicketHistory history) {
    }

    private static final String SELECT_ONE = """
            SELECT status, severity, first_response_at, solved_at,
                   (SELECT max(seq) FROM ticket_change c WHERE c.source = t.source AND c.ticket_id = t.id),
                   (SELECT max(at) FROM ticket_change c WHERE c.source = t.source AND c.ticket_id = t.id)
              FROM ticket t WHERE source = :source AND id = :id FOR UPDATE""";

    private static final String INSERT = """
            INSERT INTO ticket (source, id, subject, severity, status, team, customer_id, created_at, updated_at,
                                first_response_at, solved_at, url, first_seen_at, next_check_at)
            VALUES (:source, :id, :subject, :severity, :status, :team, :customer, :created, :updated,
                    :firstResponse, :solved, :url, :now, :now)""";

    private static final String UPDATE = """
            UPDATE ticket SET subject = :subject, severity = :severity, status = :status, team = :team,
                   customer_id = :customer, updated_at = :updated, first_response_at = :firstResponse,
                   solved_at = :solved, url = :url, next_check_at = :now
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

    /** Tickets whose next check is due, with their histories. */
    public Uni<List<Watched>> due(Mutiny.Session s, Instant now, int limit) {
        return s.createNativeQuery("""
                        SELECT source, id, subject, severity, status, team, customer_id, url, created_at,
                               first_response_at
                          FROM ticket WHERE next_check_at <= :now ORDER BY next_check_at LIMIT :limit
                           FOR UPDATE SKIP LOCKED""", Object[].class)
                .setParameter("now", now).setParameter("limit", limit)
                .getResultList()
                .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<Watched>of()) : withHistories(s, rows));
    }

    private Uni<List<Watched>> withHistories(Mutiny.Session s, List<Object[]> rows) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            in.append(i == 0 ? "" : ", ").append("(:s").append(i).append(", :i").append(i).append(')');
        }
        Mutiny.SelectionQuery<Object[]> q = s.createNativeQuery("SELECT source, ticket_id, at, status, severity "
                + "FROM ticket_change WHERE (source, ticket_id) IN (" + in + ") ORDER BY source, ticket_id, seq",
                Object[].class);
        for (int i = 0; i < rows.size(); i++) {
            q.setParameter("s" + i, rows.get(i)[0]).setParameter("i" + i, rows.get(i)[1]);
        }
        return q
                .getResultList()
                .map(changes -> {
                    Map<String, List<TicketChange>> byTicket = new HashMap<>();
                    for (Object[] c : changes) {
                        byTicket.computeIfAbsent(c[0] + "\u0000" + c[1], k -> new ArrayList<>())
                                .add(new TicketChange(toInstant(c[2]), TicketStatus.valueOf((String) c[3]),
                                        Severity.valueOf((String) c[4])));
                    }
                    List<Watched> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        List<TicketChange> history = byTicket.getOrDefault(r[0] + "\u0000" + r[1], List.of());
                        if (history.isEmpty()) {
                            continue;
                        }
                        TicketChange last = history.get(history.size() - 1);
                        out.add(new Watched((String) r[0], (String) r[1], (String) r[2], last.severity(),
                                last.status(), (String) r[5], (String) r[6], (String) r[7],
                                new TicketHistory(toInstant(r[8]), history, toInstant(r[9]))));
                    }
                    return out;
                });
    }

    public static Instant toInstant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof Instant i) {
            return i;
        }
        if (o instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (o instanceof java.time.LocalDateTime ldt) {
            return ldt.toInstant(java.time.ZoneOffset.UTC);
        }
        if (o instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalArgumentException("not a timestamp: " + o.getClass());
    }
}
