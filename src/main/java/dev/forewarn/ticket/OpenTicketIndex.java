package dev.forewarn.ticket;

import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clock inputs of the tickets the SLA watch evaluates — status/severity history, creation, first reply, team
 * and customer — kept compactly in memory on the leader, so a tick reads from PostgreSQL only which tickets are
 * due (source, id and revision) and, in one typed set-based query, the tickets whose revision differs from the one
 * held: new, changed through a poller or the webhook, or never loaded by this process (a new leader rebuilds on its
 * first tick).
 *
 * <p>Every stored change of a ticket takes a new revision from one sequence ({@code TicketStore}), so an entry is
 * either exactly the stored state or recognisably stale; an index kept across a loss and regain of leadership
 * therefore stays correct. Timestamps travel as epoch microseconds ({@code bigint}), not as text. One ticket costs
 * about 200 bytes: its entry, its history packed one {@code long} per change, its id and the map node. Ticks do not
 * overlap (the watch skips a tick while one runs), but the maps are concurrent so a test calling the watch directly
 * cannot corrupt them.
 */
public final class OpenTicketIndex {

    private static final TicketStatus[] STATUSES = TicketStatus.values();
    private static final Severity[] SEVERITIES = Severity.values();
    private static final long NONE = Long.MIN_VALUE;
    /** Above this share of due tickets missing, one query by the due condition beats sending their keys. */
    private static final double REBUILD_SHARE = 0.5;

    static final String DUE = "SELECT source, id, revision FROM ticket WHERE next_check_at <= $1";

    private static final String LOAD = """
            SELECT t.source, t.id, t.revision, t.team, t.customer_id,
                   (extract(epoch FROM t.created_at) * 1000000)::bigint,
                   (extract(epoch FROM t.first_response_at) * 1000000)::bigint,
                   array_agg((extract(epoch FROM c.at) * 1000000)::bigint ORDER BY c.seq),
                   array_agg(c.status ORDER BY c.seq), array_agg(c.severity ORDER BY c.seq)
              FROM ticket t JOIN ticket_change c ON c.source = t.source AND c.ticket_id = t.id AND isfinite(c.at)
             WHERE isfinite(t.created_at) AND (t.first_response_at IS NULL OR isfinite(t.first_response_at))
            """;
    // A row stored before dates were checked at the door may hold ±infinity, which no bigint can carry: it is left
    // out here (and so never evaluated) rather than failing the load, and with it the watch, for every ticket.
    static final String LOAD_KEYS = LOAD
            + " AND (t.source, t.id) IN (SELECT * FROM unnest($1::text[], $2::text[])) GROUP BY t.source, t.id";
    static final String LOAD_DUE = LOAD + " AND t.next_check_at <= $1 GROUP BY t.source, t.id";

    /** Per source (a handful), per ticket id: no composite key is built for a lookup. */
    private final Map<String, Map<String, Entry>> bySource = new ConcurrentHashMap<>();
    /** Team and customer names repeat across tickets; one copy each. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    /** One ticket's clock inputs; each change packs epoch microseconds, status and severity into one long. */
    private record Entry(long revision, String team, String customerId, long createdMicros, long firstResponseMicros,
                         long[] changes) {
    }

    /**
     * The tickets whose next check is due at {@code now}, with their histories, reloading from {@code db} only the
     * ones the index does not hold at their current revision.
     */
    public Uni<List<TicketStore.Watched>> due(SqlClient db, Instant now) {
        Tuple at = Tuple.of(now.atOffset(ZoneOffset.UTC));
        return db.preparedQuery(DUE).execute(at).chain(rows -> {
            List<String> sources = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Row r : rows) {
                Entry e = entry(r.getString(0), r.getString(1));
                if (e == null || e.revision() != r.getLong(2)) {
                    sources.add(r.getString(0));
                    ids.add(r.getString(1));
                }
            }
            Uni<Void> loaded;
            if (sources.isEmpty()) {
                loaded = Uni.createFrom().voidItem();
            } else if (sources.size() > rows.size() * REBUILD_SHARE) {
                loaded = db.preparedQuery(LOAD_DUE).execute(at).invoke(this::put).replaceWithVoid();
            } else {
                loaded = db.preparedQuery(LOAD_KEYS)
                        .execute(Tuple.of(sources.toArray(String[]::new), ids.toArray(String[]::new)))
                        .invoke(this::put).replaceWithVoid();
            }
            return loaded.map(ignored -> watched(rows));
        });
    }

    /** Drops a ticket that needs no more checks until it changes (a change gives it a new revision anyway). */
    public void forget(String source, String id) {
        Map<String, Entry> ids = bySource.get(source);
        if (ids != null) {
            ids.remove(id);
        }
    }

    /** How many tickets the index holds. */
    public int size() {
        int n = 0;
        for (Map<String, Entry> ids : bySource.values()) {
            n += ids.size();
        }
        return n;
    }

    private Entry entry(String source, String id) {
        Map<String, Entry> ids = bySource.get(source);
        return ids == null ? null : ids.get(id);
    }

    private void put(RowSet<Row> rows) {
        for (Row r : rows) {
            Long[] at = r.getArrayOfLongs(7);
            String[] status = r.getArrayOfStrings(8);
            String[] severity = r.getArrayOfStrings(9);
            long[] changes = new long[at.length];
            for (int i = 0; i < at.length; i++) {
                changes[i] = at[i] << 8 | (long) TicketStatus.valueOf(status[i]).ordinal() << 4
                        | Severity.valueOf(severity[i]).ordinal();
            }
            Long firstResponse = r.getLong(6);
            Entry e = new Entry(r.getLong(2), name(r.getString(3)), name(r.getString(4)), r.getLong(5),
                    firstResponse == null ? NONE : firstResponse, changes);
            bySource.computeIfAbsent(name(r.getString(0)), k -> new ConcurrentHashMap<>()).put(r.getString(1), e);
        }
    }

    private String name(String s) {
        return s == null ? null : names.computeIfAbsent(s, k -> k);
    }

    private List<TicketStore.Watched> watched(RowSet<Row> rows) {
        List<TicketStore.Watched> out = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String source = r.getString(0);
            String id = r.getString(1);
            Entry e = entry(source, id);
            // Gone between the two queries, or a ticket without history: nothing a clock could read.
            if (e == null || e.changes().length == 0) {
                continue;
            }
            out.add(watched(source, id, e));
        }
        return out;
    }

    private static TicketStore.Watched watched(String source, String id, Entry e) {
        long[] packed = e.changes();
        TicketChange[] changes = new TicketChange[packed.length];
        for (int i = 0; i < packed.length; i++) {
            long c = packed[i];
            changes[i] = new TicketChange(instant(c >> 8), STATUSES[(int) (c >> 4 & 0xF)], SEVERITIES[(int) (c & 0xF)]);
        }
        TicketChange last = changes[changes.length - 1];
        // The first change is at creation, so its instant serves as createdAt; an immutable list is not copied again.
        Instant created = changes[0].at().equals(instant(e.createdMicros())) ? changes[0].at() : instant(e.createdMicros());
        TicketHistory history = new TicketHistory(created, List.of(changes),
                e.firstResponseMicros() == NONE ? null : instant(e.firstResponseMicros()));
        return new TicketStore.Watched(source, id, e.revision(), last.severity(), last.status(), e.team(),
                e.customerId(), history);
    }

    private static Instant instant(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }
}
