package dev.forewarn.notify.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * The bean side every outbox kind shares: builds its {@link Outbox} at start-up (so bad settings stop the start,
 * naming the key, provided the subclass is {@code @Startup}) and exposes the drains the scheduler and tests call.
 */
public abstract class OutboxBean<M> implements OutboxKind<M> {
    @Inject
    Pool pool;
    @Inject
    OutboxMetrics metrics;
    @Inject
    Clock clock;

    private Outbox<M> outbox;

    @PostConstruct
    void startOutbox() {
        outbox = new Outbox<>(this, pool, metrics, clock);
    }

    /** What the scheduler runs: see {@link Outbox#drain()}. */
    public Uni<Integer> drain() {
        return outbox.drain();
    }

    /** Drains until nothing is due; for tests and tools. */
    public Uni<Integer> drainAll() {
        return outbox.drainAll();
    }

    /** The clock the outbox decides by. */
    protected Clock clock() {
        return clock;
    }
}
