package dev.forewarn;

import dev.forewarn.ha.GracefulShutdown;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The plumbing under {@link Pipeline}'s jobs: failures logged once per job, work counted for a graceful shutdown,
 * runs that never overlap, wake-up timers, and the Vert.x contexts Hibernate Reactive needs (one per job, so no two
 * jobs share a session).
 */
@ApplicationScoped
public class Scheduling {
    private static final Logger LOG = Logger.getLogger(Scheduling.class);

    @Inject
    Vertx vertx;
    @Inject
    Clock clock;
    @Inject
    GracefulShutdown shutdown;

    // Jobs currently failing: a failure is logged when it starts (and a recovery when it ends), not every tick.
    private final Set<String> failing = ConcurrentHashMap.newKeySet();

    /**
     * Runs {@code work} as job {@code job}: never fails, logs a failure when it starts and a recovery when it ends,
     * and counts as in flight so SIGTERM waits for it (none starts once the process is stopping).
     */
    public Uni<Void> guarded(String job, Uni<?> work) {
        return shutdown.track(work.replaceWithVoid())
                .replaceWithVoid()
                .invoke(() -> {
                    if (failing.remove(job)) {
                        LOG.infof("Job %s works again", job);
                    }
                })
                .onFailure().invoke(e -> {
                    if (shutdown.stopping()) {
                        // Past the shutdown grace the pools close under a job: expected, and retried by the next
                        // process (leases), so not an error.
                        LOG.infof("Job %s stopped by the shutdown: %s", job, e.getMessage());
                    } else if (failing.add(job)) {
                        LOG.errorf(e, "Job %s failed; it runs again every tick and this is logged again only once it "
                                + "has recovered and fails anew", job);
                    }
                })
                .onFailure().recoverWithNull();
    }

    /** Continues {@code work} on the current job's context (a source may complete on another thread). */
    public <T> Uni<T> backOnJobContext(Uni<T> work) {
        Context context = VertxContext.isOnDuplicatedContext() ? Vertx.currentContext() : isolatedContext();
        return work.emitOn(task -> context.runOnContext(done -> task.run()));
    }

    /** Starts {@code work} on a fresh context of its own and returns at once; for work nobody should wait for. */
    public void detach(Supplier<Uni<?>> work) {
        isolatedContext().runOnContext(ignored -> work.get().subscribe().with(done -> { }, failure -> { }));
    }

    /** Starts {@code work} on a fresh context of its own after {@code delay}; for a peer's {@code Retry-After}. */
    public void detachAfter(Duration delay, Supplier<Uni<?>> work) {
        vertx.setTimer(Math.max(1, delay.toMillis()), id -> detach(work));
    }

    /** A fresh Vert.x context, marked safe as Hibernate Reactive requires, so no two jobs share a session. */
    private Context isolatedContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    /** Runs that never overlap: a request while one runs makes that one run once more when it ends. */
    public static final class SingleFlight {
        private final AtomicBoolean running = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();

        /** Runs {@code work} now, or once more after the run in progress; {@code stillWanted} is asked before re-running. */
        public Uni<Void> run(Supplier<Uni<Void>> work, Supplier<Boolean> stillWanted) {
            if (!running.compareAndSet(false, true)) {
                again.set(true);
                return Uni.createFrom().voidItem();
            }
            again.set(false);
            return work.get()
                    .eventually(() -> running.set(false))
                    .chain(() -> again.get() && stillWanted.get() ? run(work, stillWanted) : Uni.createFrom().voidItem());
        }
    }

    /**
     * A wake-up timer running {@code action}. Made here rather than with {@code scheduling.new WakeTimer(…)}: an
     * injected bean is a client proxy, whose own fields (the clock, Vert.x) are never set.
     */
    public WakeTimer wakeTimer(Runnable action) {
        return new WakeTimer(action);
    }

    /**
     * One pending wake-up at a time, the earliest asked for: {@code action} runs on a fresh context at that instant.
     */
    public final class WakeTimer {
        private final Runnable action;
        private Instant wakeAt;
        private long timer = -1;

        private WakeTimer(Runnable action) {
            this.action = action;
        }

        /** Wakes at {@code due} unless an earlier wake-up is pending or {@code due} is {@code horizon} or more away. */
        public synchronized void wakeAt(Instant due, Duration horizon) {
            if (due == null || (wakeAt != null && !wakeAt.isAfter(due))) {
                return;
            }
            long delay = Math.max(1, Duration.between(clock.instant(), due).toMillis() + 1);
            if (delay >= horizon.toMillis()) {
                return; // the tick comes first anyway
            }
            if (timer >= 0) {
                vertx.cancelTimer(timer);
            }
            wakeAt = due;
            timer = vertx.setTimer(delay, id -> {
                synchronized (this) {
                    wakeAt = null;
                    timer = -1;
                }
                // Never the context the timer was set on: the job that set it may still hold a session there.
                isolatedContext().runOnContext(ignored -> action.run());
            });
        }
    }
}
