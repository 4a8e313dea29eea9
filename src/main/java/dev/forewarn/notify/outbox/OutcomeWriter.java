package dev.forewarn.notify.outbox;

import dev.forewarn.notify.model.DeliveryPolicy;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records outcomes durably the moment they are known: each {@link #write} completes once its outcome is
 * committed. Outcomes that arrive while a commit is under way are committed together by the next one (a group
 * commit), so recording per message costs one transaction per few milliseconds, not one per message.
 *
 * <p>Rows no longer {@code PENDING} are left as they are, so a late or repeated record never undoes another.
 */
final class OutcomeWriter<M> {
    private static final int MAX_ERROR = 1000;

    private final Pool pool;
    private final OutboxKind<M> kind;
    private final String update;
    private final List<Waiting<M>> queue = new ArrayList<>();
    private boolean writing;

    private record Waiting<M>(Settled<M> settled, UniEmitter<? super Void> done) {
    }

    OutcomeWriter(Pool pool, OutboxKind<M> kind) {
        this.pool = pool;
        this.kind = kind;
        this.update = """
                UPDATE %s t SET status = u.status, next_attempt_at = u.next, last_error = u.error,
                       sent_at = coalesce(u.sent_at, t.sent_at)
                  FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::text[], $5::timestamptz[])
                       AS u(id, status, next, error, sent_at)
                 WHERE t.id = u.id AND t.status = 'PENDING'
                RETURNING t.id""".formatted(kind.identity().table());
    }

    /** Records one outcome; completes when it is committed, fails when the commit failed. */
    Uni<Void> write(Settled<M> settled) {
        return Uni.createFrom().emitter(done -> {
            boolean start;
            synchronized (this) {
                queue.add(new Waiting<>(settled, done));
                start = !writing;
                writing = true;
            }
            if (start) {
                flush();
            }
        });
    }

    private void flush() {
        List<Waiting<M>> batch;
        synchronized (this) {
            if (queue.isEmpty()) {
                writing = false;
                return;
            }
            batch = new ArrayList<>(queue);
            queue.clear();
        }
        List<Settled<M>> settled = batch.stream().map(Waiting::settled).toList();
        pool.withTransaction(tx -> record(tx, settled))
                .subscribe().with(ok -> {
                    batch.forEach(w -> w.done().complete(null));
                    flush();
                }, failure -> {
                    batch.forEach(w -> w.done().fail(failure));
                    flush();
                });
    }

    private Uni<Void> record(SqlConnection tx, List<Settled<M>> settled) {
        int n = settled.size();
        Long[] ids = new Long[n];
        String[] statuses = new String[n];
        OffsetDateTime[] next = new OffsetDateTime[n];
        String[] errors = new String[n];
        OffsetDateTime[] sentAt = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Settled<M> s = settled.get(i);
            OffsetDateTime at = s.at().atOffset(ZoneOffset.UTC);
            ids[i] = s.message().id();
            next[i] = at;
            if (s.verdict() instanceof DeliveryPolicy.Sent) {
                statuses[i] = "SENT";
                sentAt[i] = at;
            } else if (s.verdict() instanceof DeliveryPolicy.RetryAt r) {
                statuses[i] = "PENDING";
                next[i] = r.at().atOffset(ZoneOffset.UTC);
                errors[i] = truncate(r.reason());
            } else {
                statuses[i] = "FAILED";
                errors[i] = truncate(((DeliveryPolicy.Failed) s.verdict()).why());
            }
        }
        return tx.preparedQuery(update).execute(Tuple.of(ids, statuses, next, errors, sentAt))
                .chain(rows -> {
                    // Only what this write changed: a row another drain already recorded keeps its own record.
                    Set<Long> changed = new HashSet<>();
                    rows.forEach(r -> changed.add(r.getLong(0)));
                    return kind.recorded(tx, settled.stream().filter(x -> changed.contains(x.message().id()))
                            .toList());
                });
    }

    private static String truncate(String s) {
        return s == null || s.length() <= MAX_ERROR ? s : s.substring(0, MAX_ERROR);
    }
}
