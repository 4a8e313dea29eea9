package dev.forewarn.bench;

import dev.forewarn.escalation.model.Escalator;
import dev.forewarn.escalation.model.PageState;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * The SLA cycle against PostgreSQL: N open tickets with their histories are written to the {@code ticket} and
 * {@code ticket_change} tables of the {@code bench} database, then — timed separately — every due ticket is
 * loaded with its history in one query and evaluated with the real model code (both clocks,
 * {@link Escalator#decide}, {@link Escalator#nextDecisionAt}). Usage: {@code SlaCycleBenchmark [N ...]}.
 */
public final class SlaCycleBenchmark {

    private static final String URL = System.getProperty("bench.jdbc",
            "jdbc:postgresql://127.0.0.1:5432/bench?user=postgres");
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 7);

    /** What one round loads: the ticket row and its history. */
    record Loaded(String id, String customerId, TicketHistory history) {
    }

    private SlaCycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 50_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        try (Connection db = DriverManager.getConnection(URL)) {
            if (!db.getCatalog().startsWith("bench")) {
                throw new IllegalStateException("refusing to write to database " + db.getCatalog());
            }
            System.out.printf("%-8s %10s %8s %10s %10s %10s %10s%n", "tickets", "changes", "insert", "load ms",
                    "eval ms", "total ms", "best tot");
            for (int n : sizes) {
                run(db, n);
            }
        }
    }

    private static void run(Connection db, int n) throws Exception {
        List<SyntheticTickets.Ticket> tickets = SyntheticTickets.generate(n, 42);
        long t0 = System.nanoTime();
        int changes = insert(db, tickets);
        long insertMs = (System.nanoTime() - t0) / 1_000_000;
        // Warm the JIT on the same work first; a daemon evaluates every few seconds, so steady state is what counts.
        long[] load = new long[ROUNDS];
        long[] eval = new long[ROUNDS];
        long sink = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long a = System.nanoTime();
            List<Loaded> due = loadDue(db, SyntheticTickets.NOW);
            long b = System.nanoTime();
            sink += evaluate(due);
            long c = System.nanoTime();
            if (due.size() != n) {
                throw new IllegalStateException("loaded " + due.size() + " of " + n);
            }
            load[round] = (b - a) / 1_000_000;
            eval[round] = (c - b) / 1_000_000;
        }
        // Median of the rounds after the first two (JIT warm-up).
        long[] l = Arrays.copyOfRange(load, 2, ROUNDS);
        long[] e = Arrays.copyOfRange(eval, 2, ROUNDS);
        long[] tot = new long[l.length];
        for (int i = 0; i < l.length; i++) {
            tot[i] = l[i] + e[i];
        }
        Arrays.sort(l);
        Arrays.sort(e);
        Arrays.sort(tot);
        System.out.printf("%-8d %10d %8d %10d %10d %10d %10d   (first round: load %d ms, eval %d ms; sink %d)%n",
                n, changes, insertMs, l[l.length / 2], e[e.length / 2], l[l.length / 2] + e[e.length / 2], tot[0],
                load[0], eval[0], sink % 10);
    }

    private static int insert(Connection db, List<SyntheticTickets.Ticket> tickets) throws Exception {
        try (Statement st = db.createStatement()) {
            st.execute("TRUNCATE page_event, page_delivery, page, ticket_change, ticket CASCADE");
        }
        StringBuilder t = new StringBuilder(tickets.size() * 160);
        StringBuilder c = new StringBuilder(tickets.size() * 240);
        int changes = 0;
        for (SyntheticTickets.Ticket ticket : tickets) {
            TicketHistory h = ticket.history();
            TicketChange last = h.changes().get(h.changes().size() - 1);
            t.append("bench\t").append(ticket.id()).append("\tsynthetic ticket\t").append(last.severity())
                    .append('\t').append(last.status()).append("\tnetwork\t").append(ticket.customerId())
                    .append('\t').append(h.createdAt()).append('\t').append(last.at()).append('\t')
                    .append(h.firstResponseAt() == null ? "\\N" : h.firstResponseAt().toString())
                    .append("\t\\N\t\\N\t").append(h.createdAt()).append('\t').append(SyntheticTickets.NOW)
                    .append('\n');
            for (int i = 0; i < h.changes().size(); i++) {
                TicketChange ch = h.changes().get(i);
                c.append("bench\t").append(ticket.id()).append('\t').append(i + 1).append('\t').append(ch.at())
                        .append('\t').append(ch.status()).append('\t').append(ch.severity()).append('\n');
                changes++;
            }
        }
        var copy = db.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY ticket (source, id, subject, severity, status, team, customer_id, created_at, updated_at, "
                + "first_response_at, solved_at, url, first_seen_at, next_check_at) FROM STDIN", new StringReader(t.toString()));
        copy.copyIn("COPY ticket_change (source, ticket_id, seq, at, status, severity) FROM STDIN",
                new StringReader(c.toString()));
        try (Statement st = db.createStatement()) {
            st.execute("ANALYZE ticket");
            st.execute("ANALYZE ticket_change");
        }
        return changes;
    }

    /**
     * Every due ticket with its history in one round trip: the same columns {@code TicketStore.due} and its
     * history query read, joined instead of an IN list of 2 × 500 parameters per batch.
     */
    static List<Loaded> loadDue(Connection db, Instant now) throws Exception {
        List<Loaded> out = new ArrayList<>();
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try (PreparedStatement q = db.prepareStatement("""
                SELECT t.id, t.customer_id, t.created_at, t.first_response_at, c.at, c.status, c.severity
                  FROM ticket t JOIN ticket_change c ON c.source = t.source AND c.ticket_id = t.id
                 WHERE t.next_check_at <= ?
                 ORDER BY t.source, t.id, c.seq""")) {
            q.setFetchSize(20_000);
            q.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = q.executeQuery()) {
                String id = null;
                String customer = null;
                Instant created = null;
                Instant firstResponse = null;
                List<TicketChange> history = new ArrayList<>(4);
                while (rs.next()) {
                    String rowId = rs.getString(1);
                    if (!rowId.equals(id)) {
                        if (id != null) {
                            out.add(new Loaded(id, customer, new TicketHistory(created, history, firstResponse)));
                        }
                        id = rowId;
                        customer = rs.getString(2);
                        created = rs.getObject(3, OffsetDateTime.class).toInstant();
                        OffsetDateTime fr = rs.getObject(4, OffsetDateTime.class);
                        firstResponse = fr == null ? null : fr.toInstant();
                        history = new ArrayList<>(4);
                    }
                    history.add(new TicketChange(rs.getObject(5, OffsetDateTime.class).toInstant(),
                            TicketStatus.valueOf(rs.getString(6)), Severity.valueOf(rs.getString(7))));
                }
                if (id != null) {
                    out.add(new Loaded(id, customer, new TicketHistory(created, history, firstResponse)));
                }
            }
        } finally {
            db.commit();
            db.setAutoCommit(auto);
        }
        return out;
    }

    private static long evaluate(List<Loaded> due) {
        Instant now = SyntheticTickets.NOW;
        List<PageState> none = List.of();
        long sink = 0;
        for (Loaded t : due) {
            SlaPolicy policy = t.customerId().startsWith("c-berlin") ? SyntheticTickets.BERLIN : SyntheticTickets.ALWAYS;
            // As SlaWatcher does: both clocks read once, shared by the decision and the next check.
            var clocks = Escalator.readClocks(t.history(), policy, now);
            var fr = clocks[Deadline.FIRST_RESPONSE.ordinal()];
            var res = clocks[Deadline.RESOLUTION.ordinal()];
            var decisions = Escalator.decide(t.history(), policy, SyntheticTickets.PLAN, none, now, clocks);
            var next = Escalator.nextDecisionAt(t.history(), policy, SyntheticTickets.PLAN, none, now, clocks);
            sink += decisions.size() + (fr.breached() ? 1 : 0) + (res.breached() ? 2 : 0) + (next.isPresent() ? 1 : 0);
        }
        return sink;
    }
}
