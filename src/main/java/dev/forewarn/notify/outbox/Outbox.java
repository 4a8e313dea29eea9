package dev.forewarn.notify.outbox;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryPolicy;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.model.RetrySchedule;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.logging.Logger;

/**
 * The outbox engine every kind of message goes out through (see {@link OutboxKind}): claims due rows with
 * {@code FOR UPDATE SKIP LOCKED}, sends them with bounded concurrency while the next batch is claimed, decides
 * each outcome with the {@link DeliveryPolicy} and records it durably as soon as it is known.
 *
 * <p>Exactly once, down to the physical limit: a claim moves its rows' next attempt one lease ahead and commits
 * before anything is sent, and no send starts that could outlast the lease, so no two drains (or replicas) send
 * a row at once; one drain per outbox runs at a time in a replica, and a message holds its send slot until its
 * outcome is committed, so at any instant at most {@code concurrency} messages per replica are sent but not
 * recorded — the most a crash ({@code kill -9}) can repeat, one lease later.
 */
public final class Outbox<M> {
    private static final Logger LOG = Logger.getLogger(Outbox.class);
    /** Time a claim leaves, beyond the longest send, for recording the outcome. */
    private static final Duration SLACK = Duration.ofSeconds(2);

    private final OutboxKind<M> kind;
    private final ForewarnConfig.Outbox settings;
    private final Pool pool;
    private final OutboxMetrics metrics;
    private final Clock clock;
    private final DeliveryPolicy policy;
    private final OutcomeWriter<M> writer;
    private final String claim;
    private final String backlog;
    private final Set<String> failingChannels = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean drainAgain = new AtomicBoolean();
    private volatile boolean leaseOverrun;

    /** Checks the kind's settings (a bad one stops the start-up, naming the key) and prepares its statements. */
    public Outbox(OutboxKind<M> kind, Pool pool, OutboxMetrics metrics, Clock clock) {
        this.kind = kind;
        this.settings = kind.settings();
        check(kind.identity().configPrefix(), settings, kind.sendDeadline());
        this.pool = pool;
        this.metrics = metrics;
        this.clock = clock;
        this.policy = new DeliveryPolicy(new RetrySchedule(settings.initialBackoff(), settings.maxBackoff(),
                settings.giveUpAfter()));
        this.writer = new OutcomeWriter<>(pool, kind);
        this.claim = """
                UPDATE %1$s SET attempts = attempts + 1, next_attempt_at = $1
                 WHERE id IN (SELECT id FROM %1$s
                               WHERE status = 'PENDING' AND next_attempt_at <= $2
                               ORDER BY next_attempt_at, id LIMIT $3
                               FOR UPDATE SKIP LOCKED)
                RETURNING *""".formatted(kind.identity().table());
        this.backlog = """
                SELECT %s AS channel, count(*) AS n,
                       coalesce(extract(epoch FROM $1::timestamptz - min(created_at)), 0)::float8 AS oldest
                  FROM %s WHERE status = 'PENDING' GROUP BY 1""".formatted(kind.identity().channelColumn(),
                kind.identity().table());
        metrics.register(kind);
    }

    /**
     * The rules between the settings that constraint annotations cannot express; throws naming the key.
     *
     * @param sendDeadline the longest one send may take
     */
    public static void check(String prefix, ForewarnConfig.Outbox s, Duration sendDeadline) {
        Map<String, Duration> positive = new LinkedHashMap<>();
        positive.put("send-interval", s.sendInterval());
        positive.put("drain-budget", s.drainBudget());
        positive.put("initial-backoff", s.initialBackoff());
        positive.put("claim-lease", s.claimLease());
        positive.forEach((key, d) -> {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalStateException(prefix + "." + key + " (" + d + ") must be positive");
            }
        });
        if (s.initialBackoff().compareTo(s.maxBackoff()) > 0) {
            throw new IllegalStateException(prefix + ".initial-backoff (" + s.initialBackoff()
                    + ") must not exceed " + prefix + ".max-backoff (" + s.maxBackoff() + ")");
        }
        if (s.giveUpAfter().compareTo(s.initialBackoff()) <= 0) {
            throw new IllegalStateException(prefix + ".give-up-after (" + s.giveUpAfter() + ") must exceed "
                    + prefix + ".initial-backoff (" + s.initialBackoff() + "), or nothing is ever retried");
        }
        // A send still running when its lease ends may be claimed and sent again by another drain, so no send starts
        // that could outlast the lease (withinLease). The lease must therefore hold the longest send and its record,
        // and as long again for the wait for a send slot: with less, a message claimed a moment before its slot came
        // would be left to its lease on every claim and never sent.
        Duration least = sendDeadline.multipliedBy(2).plus(SLACK);
        if (s.claimLease().compareTo(least) < 0) {
            throw new IllegalStateException(prefix + ".claim-lease (" + s.claimLease() + ") must be at least twice "
                    + "the longest send (" + sendDeadline + ") plus " + SLACK + " (" + least + "): the send, its "
                    + "record and the wait for a send slot must fit in it");
        }
    }

    /**
     * What the scheduler runs: claims batch after batch while they come back full, within the drain budget;
     * returns how many messages were attempted. Fails (after recording what it can) when an outcome could not be
     * recorded; that message waits out its lease.
     *
     * <p>One drain of an outbox at a time per replica, so that at most {@code concurrency} messages are in flight:
     * a drain asked for while one runs (a judgement's immediate drain during the scheduled one) makes that one run
     * once more when it ends.
     */
    public Uni<Integer> drain() {
        return single(false);
    }

    /** Drains until a claim finds nothing due, without a time budget; for tests and tools. */
    public Uni<Integer> drainAll() {
        return single(true);
    }

    private Uni<Integer> single(boolean untilEmpty) {
        return Uni.createFrom().deferred(() -> {
            if (!draining.compareAndSet(false, true)) {
                drainAgain.set(true);
                return Uni.createFrom().item(0);
            }
            // Claims run on the drain's own context whatever thread freed the slot that asked for them: preparing
            // a batch may read entities, and Hibernate Reactive needs the context its session belongs to.
            Context context = Vertx.currentContext();
            return runWhileAsked(untilEmpty, context).eventually(() -> draining.set(false));
        });
    }

    private Uni<Integer> runWhileAsked(boolean untilEmpty, Context context) {
        drainAgain.set(false);
        return run(untilEmpty, context).chain(n -> !drainAgain.get() ? Uni.createFrom().item(n)
                : onContext(context, Uni.createFrom().deferred(() -> runWhileAsked(untilEmpty, context)))
                        .map(more -> n + more));
    }

    private Uni<Integer> run(boolean untilEmpty, Context context) {
        return Uni.createFrom().deferred(() -> {
            long deadline = System.nanoTime() + settings.drainBudget().toNanos();
            AtomicReference<Throwable> recordFailed = new AtomicReference<>();
            AtomicBoolean more = new AtomicBoolean(true);
            AtomicInteger leftToLease = new AtomicInteger();
            // A batch that says "stop" is still sent: the claim after it returns nothing, which ends the stream.
            return Multi.createBy().repeating().uni(() -> !more.get() ? Uni.createFrom().item(List.<Message<M>>of())
                            : onContext(context, claimBatch()).invoke(batch -> more.set(recordFailed.get() == null
                                    && (untilEmpty ? !batch.isEmpty() : batch.size() >= settings.batchSize()
                                            && System.nanoTime() - deadline < 0))))
                    .until(List::isEmpty)
                    .onItem().transformToMultiAndConcatenate(batch -> Multi.createFrom().iterable(inOrder(batch)))
                    .onItem().transformToUni(group -> sendInOrder(group, recordFailed, leftToLease))
                    .merge(settings.concurrency())
                    .collect().with(Collectors.summingInt(Integer::intValue))
                    .invoke(() -> noteLeaseOverrun(leftToLease.get()))
                    .call(this::refreshBacklog)
                    .chain(n -> recordFailed.get() == null ? Uni.createFrom().item(n)
                            : Uni.createFrom().failure(recordFailed.get()));
        });
    }

    private void noteLeaseOverrun(int left) {
        if (left > 0 && !leaseOverrun) {
            leaseOverrun = true;
            LOG.warnf("Outbox %s: %d claimed message(s) were not sent because their claim lease would have ended "
                    + "before the send and its record; they go out once the lease has passed. Sends are slower than "
                    + "%s.batch-size per %s.claim-lease allows", kind.identity().name(), left,
                    kind.identity().configPrefix(), kind.identity().configPrefix());
        } else if (left == 0 && leaseOverrun) {
            leaseOverrun = false;
            LOG.infof("Outbox %s: claimed messages are sent within their lease again", kind.identity().name());
        }
    }

    private static <T> Uni<T> onContext(Context context, Uni<T> work) {
        return context == null ? work : work.runSubscriptionOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /** Claims due rows (committed before anything is sent) and prepares them. */
    private Uni<List<Message<M>>> claimBatch() {
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            return pool.withTransaction(tx -> tx.preparedQuery(claim).execute(Tuple.of(
                            now.plus(settings.claimLease()).atOffset(ZoneOffset.UTC), now.atOffset(ZoneOffset.UTC),
                            settings.batchSize())))
                    .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList())
                    .chain(rows -> rows.isEmpty() ? Uni.createFrom().item(List.<Message<M>>of())
                            : kind.prepare(pool, rows));
        });
    }

    /** Messages sharing an order key form one group, sent one after another in id order; others alone. */
    private List<List<Message<M>>> inOrder(List<Message<M>> batch) {
        Map<Object, List<Message<M>>> groups = new LinkedHashMap<>();
        batch.stream().sorted(Comparator.comparingLong(Message::id)).forEach(m -> groups.computeIfAbsent(
                m.orderKey() == null ? (Object) m.id() : m.orderKey(), k -> new ArrayList<>()).add(m));
        return List.copyOf(groups.values());
    }

    /**
     * Sends a group in order; once a message is left to its lease the rest of the group is too, so that a later
     * message (a page's resolve) never overtakes an earlier one (its trigger).
     */
    private Uni<Integer> sendInOrder(List<Message<M>> group, AtomicReference<Throwable> recordFailed,
                                     AtomicInteger leftToLease) {
        Uni<Integer> chain = Uni.createFrom().item(0);
        AtomicBoolean stopped = new AtomicBoolean();
        for (Message<M> m : group) {
            chain = chain.chain(n -> {
                if (stopped.get() || !withinLease(m)) {
                    stopped.set(true);
                    leftToLease.incrementAndGet();
                    return Uni.createFrom().item(n);
                }
                return sendAndRecord(m, recordFailed).replaceWith(n + 1);
            });
        }
        return chain;
    }

    /**
     * Whether the send and its record can still finish within the message's claim: a claim is the promise that
     * no other drain sends the message until its lease ends, so a send that could outlast it is not started (the
     * message waited too long for a slot) and the message goes out once the lease has passed.
     */
    private boolean withinLease(Message<M> m) {
        return m.leaseUntil() == null
                || !clock.instant().plus(kind.sendDeadline()).plus(SLACK).isAfter(m.leaseUntil());
    }

    /** One message: send, decide, record; completes once the outcome is committed (or failed to be). */
    private Uni<Void> sendAndRecord(Message<M> m, AtomicReference<Throwable> recordFailed) {
        return attempt(m)
                .chain(result -> {
                    Settled<M> settled = settle(m, result, clock.instant());
                    return writer.write(settled).invoke(() -> metrics.counted(kind, m, outcome(settled)));
                })
                .onFailure().recoverWithItem(e -> {
                    if (recordFailed.compareAndSet(null, e)) {
                        LOG.errorf(e, "Outbox %s: cannot record an outcome; the message waits out its lease",
                                kind.identity().name());
                    }
                    return null;
                });
    }

    private Uni<DeliveryResult> attempt(Message<M> m) {
        if (m.unsendable() != null) {
            return Uni.createFrom().item(new DeliveryResult.Permanent(m.unsendable()));
        }
        // Each channel has its own deadline; this one only keeps a channel that ignores it from holding its slot
        // past its lease.
        Duration limit = kind.sendDeadline().plus(SLACK.dividedBy(2));
        return Uni.createFrom().deferred(() -> kind.deliver(m.content()))
                .ifNoItem().after(limit).recoverWithItem(() -> new DeliveryResult.Retryable("no answer within " + limit))
                .onFailure().recoverWithItem(e -> new DeliveryResult.Retryable("unexpected: " + e));
    }

    private Settled<M> settle(Message<M> m, DeliveryResult result, Instant now) {
        DeliveryPolicy.Verdict verdict = policy.decide(result, m.attempts(), m.queuedAt(), now,
                ThreadLocalRandom.current().nextDouble());
        // Null when the failure is the message's alone, not a state of a shared channel.
        String failing = kind.failureLogKey(m);
        if (failing != null && result instanceof DeliveryResult.Retryable r) {
            if (failingChannels.add(failing)) {
                LOG.warnf("Outbox %s: channel %s is failing (%s); messages stay queued and are retried with backoff",
                        kind.identity().name(), failing, r.reason());
            }
        } else if (failing != null && result instanceof DeliveryResult.Delivered && failingChannels.remove(failing)) {
            LOG.infof("Outbox %s: channel %s delivers again", kind.identity().name(), failing);
        }
        if (verdict instanceof DeliveryPolicy.Failed f) {
            LOG.warnf("Outbox %s: channel %s: %s failed for good: %s", kind.identity().name(), m.channel(), kind.describe(m),
                    f.why());
        }
        return new Settled<>(m, verdict, now);
    }

    private static String outcome(Settled<?> s) {
        return s.verdict() instanceof DeliveryPolicy.Sent ? "sent"
                : s.verdict() instanceof DeliveryPolicy.RetryAt ? "retry" : "failed";
    }

    private Uni<Void> refreshBacklog() {
        return pool.preparedQuery(backlog).execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC)))
                .invoke(rows -> {
                    Map<String, double[]> byChannel = new LinkedHashMap<>();
                    for (Row r : rows) {
                        byChannel.put(r.getString("channel"), new double[]{r.getLong("n"), r.getDouble("oldest")});
                    }
                    metrics.backlog(kind, byChannel);
                })
                .replaceWithVoid();
    }
}
