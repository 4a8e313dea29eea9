package dev.forewarn.bench;

import dev.forewarn.escalation.model.Escalator;
import dev.forewarn.escalation.model.PageState;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.ticket.OpenTicketIndex;
import dev.forewarn.ticket.TicketStore;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.postgresql.PGConnection;

/**
 * The SLA cycle against PostgreSQL: N open tickets with their histories are written to the {@code ticket} and
 * {@code ticket_change} tables of the {@code bench} database, then every ticket is loaded and evaluated the way
 * {@code SlaWatcher} does it: {@link OpenTicketIndex#due} (the production code, over the same reactive PostgreSQL
 * client) reads which tickets are due and reloads those it does not hold at their current revision, and each is
 * evaluated with the real model code ({@link Escalator#readClocks}, {@link Escalator#decide},
 * {@link Escalator#nextCheckAt}). The first round starts from an empty index, as a new leader does (the rebuild);
 * before each later round 1 % of the tickets get a new revision, as if stored by a poller or the webhook, so a warm
 * cycle loads those changes and evaluates all N. The per-ticket writes of the watch are not part of the figure.
 * Usage: {@code SlaCycleBenchmark [N ...]}.
 */
public final class SlaCycleBenchmark {

    private static final String URL = System.getProperty("bench.jdbc",
            "jdbc:postgresql://127.0.0.1:5432/bench?user=postgres");
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 12);

    private static final Duration TICK = Duration.ofSeconds(30);

    private SlaCycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {10_000, 50_000, 100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Vertx vertx = Vertx.vertx();
        Pool pool = Pool.newInstance(PgBuilder.pool()
                .connectingTo(PgConnectOptions.fromUri(URL.substring("jdbc:".length()))).using(vertx.getDelegate())
                .build());
        try (Connection db = DriverManager.getConnection(URL)) {
            // The pool reads the same URL, so this check covers both connections.
            if (!db.getCatalog().startsWith("bench")) {
                throw new IllegalStateException("refusing to write to database " + db.getCatalog());
            }
            System.out.printf("%-8s %10s %8s %10s %10s %10s %10s%n", "tickets", "changes", "insert", "load ms",
                    "eval ms", "total ms", "best tot");
            for (int n : sizes) {
                run(db, pool, n);
            }
        } finally {
            pool.closeAndAwait();
            vertx.closeAndAwait();
        }
    }

    private static void run(Connection db, Pool pool, int n) throws Exception {
        List<SyntheticTickets.Ticket> tickets = SyntheticTickets.generate(n, 42);
        long t0 = System.nanoTime();
        int changes = insert(db, tickets);
        long insertMs = (System.nanoTime() - t0) / 1_000_000;
        System.gc();
        long heapBefore = usedHeap();
        OpenTicketIndex index = new OpenTicketIndex();
        long[] load = new long[ROUNDS];
        long[] eval = new long[ROUNDS];
        long sink = 0;
        Random random = new Random(7);
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                touch(db, n, random);
            }
            long a = System.nanoTime();
            List<TicketStore.Watched> due = index.due(pool, SyntheticTickets.NOW).await().indefinitely();
            long b = System.nanoTime();
            sink += evaluate(due);
            long c = System.nanoTime();
            if (due.size() != n) {
                throw new IllegalStateException("loaded " + due.size() + " of " + n);
            }
            load[round] = (b - a) / 1_000_000;
            eval[round] = (c - b) / 1_000_000;
        }
        System.gc();
        long indexBytes = usedHeap() - heapBefore;
        // Median of the warm rounds after the first two (the rebuild, and JIT warm-up).
        long[] l = Arrays.copyOfRange(load, 2, ROUNDS);
        long[] e = Arrays.copyOfRange(eval, 2, ROUNDS);
        long[] tot = new long[l.length];
        for (int i = 0; i < l.length; i++) {
            tot[i] = l[i] + e[i];
        }
        Arrays.sort(l);
        Arrays.sort(e);
        Arrays.sort(tot);
        System.out.printf("%-8d %10d %8d %10d %10d %10d %10d   (rebuild round: load %d ms, eval %d ms; index %d entries, "
                        + "~%d bytes/ticket; sink %d)%n",
                n, changes, insertMs, l[l.length / 2], e[e.length / 2], l[l.length / 2] + e[e.length / 2], tot[0],
                load[0], eval[0], index.size(), indexBytes / n, sink % 10);
    }

    /** Gives 1 % of the tickets a new revision, as storing them again would; untimed. */
    private static void touch(Connection db, int n, Random random) throws Exception {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < Math.max(1, n / 100); i++) {
            ids.append(i == 0 ? "" : ",").append("'T").append(random.nextInt(n)).append('\'');
        }
        try (Statement st = db.createStatement()) {
            st.execute("UPDATE ticket SET revision = nextval('ticket_revision') WHERE source = 'bench' AND id IN ("
                    + ids + ")");
        }
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
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

    private static long evaluate(List<TicketStore.Watched> due) {
        Instant now = SyntheticTickets.NOW;
        List<PageState> none = List.of();
        long sink = 0;
        for (TicketStore.Watched t : due) {
            SlaPolicy policy = t.customerId().startsWith("c-berlin") ? SyntheticTickets.BERLIN : SyntheticTickets.ALWAYS;
            // As SlaWatcher.evaluateOne does: both clocks read once, shared by the decision and the next check.
            var clocks = Escalator.readClocks(t.history(), policy, now);
            var decisions = Escalator.decide(t.history(), policy, SyntheticTickets.PLAN, none, now, clocks);
            var next = Escalator.nextCheckAt(t.history(), policy, SyntheticTickets.PLAN, none, now, clocks, TICK);
            var breach = Escalator.nextBreachAt(clocks);
            sink += decisions.size() + (clocks[Deadline.FIRST_RESPONSE.ordinal()].breached() ? 1 : 0)
                    + (clocks[Deadline.RESOLUTION.ordinal()].breached() ? 2 : 0) + (next != null ? 1 : 0)
                    + (breach != null ? 1 : 0);
        }
        return sink;
    }
}
