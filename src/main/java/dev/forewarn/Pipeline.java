package dev.forewarn;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.page.PageOutbox;
import dev.forewarn.ha.GracefulShutdown;
import dev.forewarn.ha.LeaderLock;
import dev.forewarn.escalation.SlaWatcher;
import dev.forewarn.maintenance.MaintenanceNotifier;
import dev.forewarn.notify.NoticeOutbox;
import dev.forewarn.ticket.TicketPoller;
import dev.forewarn.probe.ProbePoller;
import dev.forewarn.quality.RegionJudge;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The pipeline, readable in one place:
 * <pre>
 *   poll (each source on its own interval)            ProbePoller   → ProbeStore
 *   evaluate (after each poll and on a tick)           RegionJudge   → IncidentService
 *     → hysteresis (windows in probe time) → incident transition
 *     → route (customers of the region) → mute (maintenance) → dedup (one outbox row per event and customer)
 *   maintenance windows (once or weekly) → advance / start / end notices, corrections
 *                                                      MaintenanceNotifier → notice rows (same outbox)
 *   deliver with retry → record                        NoticeOutbox  → NoticeComposer (preferences, links)
 *                                                                    → EmailSender (one email per address)
 *
 *   poll tickets (each source on its own interval)     TicketPoller  → TicketIngest (ticket + history)
 *   SLA clocks → escalation decision → route (on call) SlaWatcher    → pages + page_delivery rows
 *     → group (open region incident) → dedup (one page per ticket, deadline, stage, tier)
 *   deliver with retry → record                        PageOutbox    → PagerDuty / Alertmanager / webhook / Slack / email
 * </pre>
 * State changes and their outbox rows commit together; sending happens after commit.
 */
@ApplicationScoped
public class Pipeline {
    private static final Logger LOG = Logger.getLogger(Pipeline.class);

    @Inject
    ProbePoller poller;
    @Inject
    RegionJudge judge;
    @Inject
    NoticeOutbox outbox;
    @Inject
    TicketPoller ticketPoller;
    @Inject
    SlaWatcher slaWatcher;
    @Inject
    PageOutbox pageOutbox;
    @Inject
    MaintenanceNotifier maintenanceNotifier;
    @Inject
    ForewarnConfig config;
    @Inject
    Instance<Scheduler> scheduler;
    @Inject
    LeaderLock leader;
    @Inject
    Vertx vertx;
    @Inject
    Clock clock;
    @Inject
    GracefulShutdown shutdown;

    // Jobs currently failing: a failure is logged when it starts (and a recovery when it ends), not every tick.
    private final java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicBoolean judging = new AtomicBoolean();
    private final AtomicBoolean judgeAgain = new AtomicBoolean();
    private volatile long lastJudged = System.nanoTime() - Long.MAX_VALUE / 2;
    private Instant wakeAt;
    private long wakeTimer = -1;

    private Uni<Void> guarded(String job, Uni<?> work) {
        // Counted as in flight so SIGTERM waits for it; none starts once the process is stopping.
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

    void registerPollers(@Observes StartupEvent ignored) {
        if (!config.jobs().enabled()) {
            LOG.info("Background jobs are disabled (forewarn.jobs.enabled=false)");
            return;
        }
        for (String source : poller.polledSources()) {
            scheduler.get().newJob("probe-" + source)
                    .setInterval(config.sources().get(source).interval().toString())
                    // A source may be this very process (the demo): let the HTTP server start first.
                    .setDelayed("3s")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    // Fresh samples are judged at once, so the evaluation tick's phase adds nothing to detection.
                    .setAsyncTask(execution -> {
                        if (!leader.isLeader()) {
                            return Uni.createFrom().voidItem();
                        }
                        // A source may complete on another thread (an event loop, a client's own); the judgement
                        // goes on in this job's context, where its database session belongs.
                        Context context = jobContext();
                        return guarded("probe-" + source, poller.poll(source))
                                .emitOn(task -> context.runOnContext(done -> task.run()))
                                .chain(this::judgeNow);
                    })
                    .schedule();
        }
        for (String source : ticketPoller.polledSources()) {
            scheduler.get().newJob("tickets-" + source)
                    .setInterval(config.tickets().sources().get(source).interval().toString())
                    .setDelayed("3s")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setAsyncTask(execution -> !leader.isLeader() ? Uni.createFrom().voidItem()
                            : guarded("tickets-" + source, ticketPoller.poll(source)))
                    .schedule();
        }
        // A ticket source that answered 429 is polled again exactly when its Retry-After ends, not at its next tick.
        ticketPoller.onRetryAfter((source, wait) -> vertx.setTimer(Math.max(1, wait.toMillis()), id ->
                isolatedContext().runOnContext(onContext -> {
                    if (leader.isLeader()) {
                        guarded("tickets-" + source, ticketPoller.poll(source)).subscribe().with(done -> { });
                    }
                })));
        LOG.infof("Watching %d region(s) through %d probe source(s), tickets from %d source(s)",
                config.regions().size(), poller.polledSources().size(), config.tickets().sources().size());
    }

    @Scheduled(identity = "leader-lock", every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = JobsDisabled.class)
    void keepLeadership() {
        leader.refresh();
    }

    @Scheduled(identity = "evaluate-regions", every = "${forewarn.evaluation.interval}", delayed = "8s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NotLeading.class)
    Uni<Void> evaluate() {
        // Every region is judged after every poll; the tick is for data going stale and pushed data, so it is
        // spared while polls keep the judgements at least this fresh.
        if (System.nanoTime() - lastJudged < config.evaluation().interval().toNanos()) {
            return Uni.createFrom().voidItem();
        }
        return judgeNow();
    }

    /**
     * Judges every region now — after each probe poll and on the evaluation tick (which also notices data going
     * stale) and when a region's run is due to settle. Judgements never overlap: a request while one runs makes
     * that one run once more when it ends. A judgement that settled a change drains the notice outbox straight
     * away instead of waiting for its tick.
     */
    Uni<Void> judgeNow() {
        if (!judging.compareAndSet(false, true)) {
            judgeAgain.set(true);
            return Uni.createFrom().voidItem();
        }
        judgeAgain.set(false);
        lastJudged = System.nanoTime();
        return guarded("evaluate-regions", judge.evaluateAll().invoke(this::judgeWhenDue).invoke(judgements -> {
                    if (judgements.stream().anyMatch(j -> j.step().change().isPresent())) {
                        // On its own context: a fan-out may drain for a while, judging must not wait for it.
                        isolatedContext().runOnContext(ignored -> drain().subscribe().with(done -> { }));
                    }
                }))
                .eventually(() -> judging.set(false))
                .chain(() -> judgeAgain.get() && leader.isLeader() ? judgeNow() : Uni.createFrom().voidItem());
    }

    /**
     * Wakes the judge the moment a region's running run can settle, so a warning waits for neither the next poll
     * nor the next tick. One wake-up is pending at a time, the earliest; later ones come from the next judgement.
     */
    private synchronized void judgeWhenDue() {
        Instant due = judge.nextDue().orElse(null);
        if (due == null || (wakeAt != null && !wakeAt.isAfter(due))) {
            return;
        }
        long delay = Math.max(1, Duration.between(clock.instant(), due).toMillis() + 1);
        if (delay >= config.evaluation().interval().toMillis()) {
            return; // the tick comes first anyway
        }
        if (wakeTimer >= 0) {
            vertx.cancelTimer(wakeTimer);
        }
        wakeAt = due;
        wakeTimer = vertx.setTimer(delay, id -> {
            synchronized (this) {
                wakeAt = null;
                wakeTimer = -1;
            }
            if (config.jobs().enabled() && leader.isLeader()) {
                // Never the context the timer was set on: the job that set it may still hold a session there.
                isolatedContext().runOnContext(ignored -> judgeNow().subscribe().with(done -> { }));
            }
        });
    }

    /** The job's own Vert.x context when on one; otherwise a fresh isolated one. */
    private Context jobContext() {
        return VertxContext.isOnDuplicatedContext() ? Vertx.currentContext() : isolatedContext();
    }

    /** A fresh Vert.x context, marked safe as Hibernate Reactive requires, so no two jobs share a session. */
    private Context isolatedContext() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        return context;
    }

    @Scheduled(identity = "drain-outbox", every = "${forewarn.notices.send-interval}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    Uni<Void> drain() {
        return guarded("drain-outbox", outbox.drain());
    }

    @Scheduled(identity = "maintenance-notices", every = "${forewarn.status.maintenance-interval}", delayed = "6s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NotLeading.class)
    Uni<Void> notifyMaintenance() {
        return guarded("maintenance-notices", maintenanceNotifier.queueDue()
                .chain(queued -> queued > 0 ? outbox.drain() : Uni.createFrom().item(0)));
    }

    @Scheduled(identity = "sla-watch", every = "${forewarn.tickets.evaluation-interval}", delayed = "4s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NotLeading.class)
    Uni<Void> watchSla() {
        return guarded("sla-watch", slaWatcher.evaluateDue());
    }

    @Scheduled(identity = "drain-pages", every = "${forewarn.paging.send-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    Uni<Void> drainPages() {
        return guarded("drain-pages", pageOutbox.drain());
    }

    /** Skips the scheduled jobs when {@code forewarn.jobs.enabled} is false. */
    @Singleton
    public static class JobsDisabled implements Scheduled.SkipPredicate {
        @Inject
        ForewarnConfig config;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.jobs().enabled();
        }
    }

    /** Skips leader-only jobs on replicas that do not hold the leader lock (and when jobs are disabled). */
    @Singleton
    public static class NotLeading implements Scheduled.SkipPredicate {
        @Inject
        ForewarnConfig config;
        @Inject
        LeaderLock leader;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.jobs().enabled() || !leader.isLeader();
        }
    }
}
