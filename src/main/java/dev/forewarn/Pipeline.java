package dev.forewarn;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.escalation.SlaWatcher;
import dev.forewarn.ha.LeaderLock;
import dev.forewarn.ha.SchemaGate;
import dev.forewarn.ha.SchemaMigrated;
import dev.forewarn.maintenance.MaintenanceNotifier;
import dev.forewarn.notify.NoticeOutbox;
import dev.forewarn.notify.page.PageOutbox;
import dev.forewarn.probe.ProbePoller;
import dev.forewarn.quality.RegionJudge;
import dev.forewarn.ticket.TicketPoller;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Scheduler;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The pipeline, readable in one place: the stages of each path in the order they run ({@link #REGION_STAGES},
 * {@link #MAINTENANCE_STAGES}, {@link #TICKET_STAGES}) and the jobs that run them. The plumbing under the jobs
 * (failure logging, graceful shutdown, runs that never overlap, wake-up timers, Vert.x contexts) is
 * {@link Scheduling}'s.
 *
 * <p>Start-up: migrate ({@link SchemaGate}, retried with backoff while PostgreSQL refuses) → imports → the jobs
 * registered here.
 *
 * <p>State changes and their outbox rows commit together; sending happens after commit.
 */
@ApplicationScoped
public class Pipeline {
    private static final Logger LOG = Logger.getLogger(Pipeline.class);

    /** The stages of the region path, in order, each with what runs it (docs/architecture.md shows this list). */
    public static final List<Stage> REGION_STAGES = List.of(
            new Stage("poll", "ProbePoller → ProbeStore"),
            new Stage("evaluate", "RegionJudge (windows in probe time, hysteresis)"),
            new Stage("incident transition", "IncidentService + IncidentPolicy"),
            new Stage("notice", "IncidentChange: the notice kind"),
            new Stage("mute", "IncidentChange.muted: maintenance windows"),
            new Stage("route", "IncidentService: customers of the region, their preferences and channels"),
            new Stage("dedup", "one notice row per event, customer and channel"),
            new Stage("deliver with retry", "Outbox ← NoticeOutbox → NoticeComposer → EmailSender / CustomerWebhookSender"),
            new Stage("record", "Outbox: each outcome as soon as it is known"));

    /** The stages of the maintenance path, in order: planned windows become notices in the same outbox. */
    public static final List<Stage> MAINTENANCE_STAGES = List.of(
            new Stage("schedule", "MaintenanceNotifier → MaintenanceNoticePlan: the advance, start and end notices due"),
            new Stage("route", "MaintenanceNotifier: customers of the region, their preferences and channels"),
            new Stage("dedup", "one notice row per occurrence, step, customer and channel"),
            new Stage("deliver with retry", "Outbox ← NoticeOutbox"),
            new Stage("record", "Outbox: each outcome as soon as it is known"));

    /** The stages of the ticket path, in order. */
    public static final List<Stage> TICKET_STAGES = List.of(
            new Stage("poll", "TicketPoller → TicketIngest"),
            new Stage("clocks", "SlaWatcher → SlaClock"),
            new Stage("escalation decision", "Escalator"),
            new Stage("route", "OnCallRouting: who is on call"),
            new Stage("group", "PageGrouping: the open region incident"),
            new Stage("dedup", "one page per ticket, deadline, stage and tier"),
            new Stage("deliver with retry", "Outbox ← PageOutbox → PageText → pager channels"),
            new Stage("record", "Outbox: each outcome as soon as it is known"));

    /** One stage: its name and what runs it. */
    public record Stage(String name, String runBy) {
    }

    @Inject
    ProbePoller poller;
    @Inject
    RegionJudge judge;
    @Inject
    NoticeOutbox notices;
    @Inject
    MaintenanceNotifier maintenance;
    @Inject
    TicketPoller ticketPoller;
    @Inject
    SlaWatcher slaWatcher;
    @Inject
    PageOutbox pages;
    @Inject
    ForewarnConfig config;
    @Inject
    Instance<Scheduler> scheduler;
    @Inject
    LeaderLock leader;
    @Inject
    Scheduling scheduling;

    private final Scheduling.SingleFlight judging = new Scheduling.SingleFlight();
    private volatile long lastJudged = System.nanoTime() - Long.MAX_VALUE / 2;
    private Scheduling.WakeTimer wake;

    @PostConstruct
    void init() {
        wake = scheduling.wakeTimer(() -> {
            if (config.jobs().enabled() && leader.isLeader()) {
                judgeNow().subscribe().with(done -> { });
            }
        });
    }

    /** Region path, one probe source: poll → evaluate (→ incident transition … dedup) → deliver. */
    Uni<Void> probeCycle(String source) {
        // A source may complete on another thread (an event loop, a client's own); the judgement goes on in this
        // job's context, where its database session belongs.
        return scheduling.backOnJobContext(scheduling.guarded("probe-" + source, poller.poll(source)))
                .chain(this::judgeNow);
    }

    /**
     * Evaluate → incident transition → notice → mute → route → dedup, for every region, in one transaction per
     * judgement — after each probe poll, on the evaluation tick (which also notices data going stale) and when a
     * region's run is due to settle. A judgement that settled a change delivers at once, on its own context (a
     * fan-out may drain for a while, judging must not wait for it). Judgements never overlap: a request while one
     * runs makes that one run once more when it ends.
     */
    Uni<Void> judgeNow() {
        return judging.run(() -> {
            lastJudged = System.nanoTime();
            return scheduling.guarded("evaluate-regions", judge.evaluateAll().invoke(judgements -> {
                // A run still under way wakes the judge the moment it can settle: a warning waits for no tick.
                wake.wakeAt(judge.nextDue().orElse(null), config.evaluation().interval());
                if (judgements.stream().anyMatch(j -> j.step().change().isPresent())) {
                    scheduling.detach(this::deliverNotices);
                }
            }));
        }, leader::isLeader);
    }

    /** Region and maintenance paths: deliver with retry → record. */
    Uni<Void> deliverNotices() {
        return scheduling.guarded("drain-outbox", notices.drain());
    }

    /** Maintenance path: schedule → route → dedup, then deliver at once when something was queued. */
    Uni<Void> announceMaintenance() {
        return scheduling.guarded("maintenance-notices", maintenance.queueDue()
                .chain(queued -> queued > 0 ? notices.drain() : Uni.createFrom().item(0)));
    }

    /** Ticket path, one source: poll (→ ticket and its history). */
    Uni<Void> ticketCycle(String source) {
        return scheduling.guarded("tickets-" + source, ticketPoller.poll(source));
    }

    /** Ticket path: clocks → escalation decision → route → group → dedup (pages and deliveries in one transaction). */
    Uni<Void> escalate() {
        return scheduling.guarded("sla-watch", slaWatcher.evaluateDue());
    }

    /** Ticket path: deliver with retry → record. */
    Uni<Void> deliverPages() {
        return scheduling.guarded("drain-pages", pages.drain());
    }

    /** Starts the pollers once the schema is there: the last start-up step (SchemaGate), after the imports. */
    void registerPollers(@Observes @Priority(100) SchemaMigrated ignored) {
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
                    .setAsyncTask(execution -> leader.isLeader() ? probeCycle(source) : Uni.createFrom().voidItem())
                    .schedule();
        }
        for (String source : ticketPoller.polledSources()) {
            scheduler.get().newJob("tickets-" + source)
                    .setInterval(config.tickets().sources().get(source).interval().toString())
                    .setDelayed("3s")
                    .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                    .setAsyncTask(execution -> leader.isLeader() ? ticketCycle(source) : Uni.createFrom().voidItem())
                    .schedule();
        }
        // A ticket source that answered 429 is polled again exactly when its Retry-After ends, not at its next tick.
        ticketPoller.onRetryAfter((source, wait) -> scheduling.detachAfter(wait,
                () -> leader.isLeader() ? ticketCycle(source) : Uni.createFrom().voidItem()));
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

    @Scheduled(identity = "drain-outbox", every = "${forewarn.notices.send-interval}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    Uni<Void> drain() {
        return deliverNotices();
    }

    @Scheduled(identity = "maintenance-notices", every = "${forewarn.status.maintenance-interval}", delayed = "6s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NotLeading.class)
    Uni<Void> notifyMaintenance() {
        return announceMaintenance();
    }

    @Scheduled(identity = "sla-watch", every = "${forewarn.tickets.evaluation-interval}", delayed = "4s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = NotLeading.class)
    Uni<Void> watchSla() {
        return escalate();
    }

    @Scheduled(identity = "drain-pages", every = "${forewarn.paging.send-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = JobsDisabled.class)
    Uni<Void> drainPages() {
        return deliverPages();
    }

    /**
     * Skips the scheduled jobs when {@code forewarn.jobs.enabled} is false, and until the schema is migrated (a
     * replica waiting for PostgreSQL at start-up runs nothing against a missing schema).
     */
    @Singleton
    public static class JobsDisabled implements Scheduled.SkipPredicate {
        @Inject
        ForewarnConfig config;
        @Inject
        SchemaGate schema;

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.jobs().enabled() || !schema.ready();
        }
    }

    /** Skips leader-only jobs on replicas that do not hold the leader lock (and as {@link JobsDisabled} does). */
    @Singleton
    public static class NotLeading implements Scheduled.SkipPredicate {
        @Inject
        JobsDisabled jobsDisabled;
        @Inject
        LeaderLock leader;

        @Override
        public boolean test(ScheduledExecution execution) {
            return jobsDisabled.test(execution) || !leader.isLeader();
        }
    }
}
