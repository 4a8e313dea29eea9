package dev.forewarn.escalation;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.escalation.model.EscalationPlan;
import dev.forewarn.escalation.model.Escalator;
import dev.forewarn.escalation.model.OnCallRouting;
import dev.forewarn.escalation.model.PageGrouping;
import dev.forewarn.escalation.model.PageState;
import dev.forewarn.escalation.model.Route;
import dev.forewarn.escalation.model.StepDecision;
import dev.forewarn.notify.page.PagerChannels;
import dev.forewarn.polling.ItemFailures;
import dev.forewarn.oncall.OnCallBook;
import dev.forewarn.oncall.model.ScheduleBook;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.SlaMetrics;
import dev.forewarn.sla.SlaPlans;
import dev.forewarn.sla.model.ClockReading;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.ticket.OpenTicketIndex;
import dev.forewarn.ticket.TicketStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * The SLA watch tick: reads the clocks of every ticket whose next check is due, lets the {@link Escalator}
 * decide, routes new pages to whoever is on call, and records pages, their audit events and their deliveries in
 * one transaction — sending happens after commit, through the page outbox.
 *
 * <p>A ticket is only looked at when something can change for it: when it was updated, when its next stage or
 * acknowledgement timeout falls due, or when one of its pages was acknowledged. The clock inputs of watched
 * tickets stay in an {@link OpenTicketIndex} on the leader; a tick asks PostgreSQL which tickets are due and
 * reloads only those whose revision changed since it last read them — stored again, or a page acknowledged (a new
 * leader's first tick loads them all). The verdict —
 * next check, next breach, breach flags — is written only at the revision evaluated, so a ticket stored during
 * the tick is looked at again on the next one rather than locked against its poller.
 * While a region incident is open, pages for tickets of that region's customers share one dedup key
 * ({@link PageGrouping}), so the on-call gets one page listing them, not one per ticket. The escalation plan is
 * {@link EscalationPlans}', the steering numbers refreshed after each tick {@link SteeringMetrics}'.
 */
@ApplicationScoped
public class SlaWatcher {
    private static final Logger LOG = Logger.getLogger(SlaWatcher.class);
    private static final int BATCH = 500;
    /** How long a ticket whose evaluation failed waits before it is tried again (so it is logged once, not per tick). */
    static final Duration PARKED = Duration.ofHours(1);

    @Inject
    PageStore pages;
    @Inject
    PageActions actions;
    @Inject
    SlaPlans slaPlans;
    @Inject
    EscalationPlans plans;
    @Inject
    SteeringMetrics steering;
    @Inject
    OnCallBook oncall;
    @Inject
    PagerChannels channels;
    @Inject
    SlaMetrics metrics;
    @Inject
    ForewarnConfig config;
    @Inject
    Clock clock;
    @Inject
    Pool pool;
    @Inject
    ItemFailures failures;

    /** The clock inputs of watched tickets; filled on this replica's first tick as leader, then kept current. */
    private final OpenTicketIndex index = new OpenTicketIndex();

    /** Evaluates every due ticket, in transactions of up to 500; returns how many tickets were evaluated. */
    public Uni<Integer> evaluateDue() {
        Instant now = clock.instant();
        return oncall.current(now).chain(book -> {
            steering.watchCoverage(book, now);
            return index.due(pool, now).chain(due -> batch(due, 0, book, now));
        }).chain(n -> steering.refresh(now).replaceWith(n));
    }

    private Uni<Integer> batch(List<TicketStore.Watched> due, int from, ScheduleBook book, Instant now) {
        if (from >= due.size()) {
            return Uni.createFrom().item(due.size());
        }
        List<TicketStore.Watched> part = due.subList(from, Math.min(from + BATCH, due.size()));
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> evaluate(s, part, book, now)))
                .chain(() -> batch(due, from + BATCH, book, now));
    }

    private Uni<Void> evaluate(Mutiny.Session s, List<TicketStore.Watched> due, ScheduleBook book, Instant now) {
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String[]> keys = new ArrayList<>(due.size());
        List<String> customers = new ArrayList<>();
        for (TicketStore.Watched t : due) {
            keys.add(new String[] {t.source(), t.id()});
            if (t.customerId() != null) {
                customers.add(t.customerId());
            }
        }
        return pages.statesOf(s, keys)
                .chain(states -> pages.openIncidentsOf(s, customers).chain(incidents -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (TicketStore.Watched t : due) {
                        List<PageState> existing = states.getOrDefault(t.source() + "\u0000" + t.id(), List.of());
                        Long incident = t.customerId() == null ? null : incidents.get(t.customerId());
                        chain = chain.chain(() -> evaluateAlone(s, t, existing, incident, book, now));
                    }
                    return chain;
                }));
    }

    /**
     * One ticket's evaluation, failing alone: a ticket whose clocks or decision cannot be computed is logged and
     * counted by name and looked at again after {@link #PARKED}, and the tick goes on with the others.
     */
    private Uni<Void> evaluateAlone(Mutiny.Session s, TicketStore.Watched t, List<PageState> existing, Long incident,
                                    ScheduleBook book, Instant now) {
        Uni<Void> one;
        try {
            one = evaluateOne(s, t, existing, incident, book, now);
        } catch (RuntimeException e) {
            one = Uni.createFrom().failure(e);
        }
        return one.onFailure(SlaWatcher::decisionFailure).recoverWithUni(e -> {
            failures.failed(ItemFailures.Step.TICKET_EVALUATION, t.source() + "/" + t.id(), e);
            index.forget(t.source(), t.id());
            return s.createNativeQuery("UPDATE ticket SET next_check_at = :next WHERE source = :source AND id = :id "
                            + "AND revision = :revision")
                    .setParameter("next", now.plus(PARKED)).setParameter("source", t.source())
                    .setParameter("id", t.id()).setParameter("revision", t.revision()).executeUpdate()
                    .replaceWithVoid();
        });
    }

    /** A failure of Forewarn's own arithmetic on one ticket's data; a database failure still fails the batch. */
    private static boolean decisionFailure(Throwable e) {
        return e instanceof ArithmeticException || e instanceof java.time.DateTimeException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof NullPointerException || e instanceof IndexOutOfBoundsException;
    }

    private Uni<Void> evaluateOne(Mutiny.Session s, TicketStore.Watched t, List<PageState> existing, Long incident,
                                  ScheduleBook book, Instant now) {
        SlaPolicy policy = slaPlans.forCustomer(t.customerId());
        EscalationPlan plan = plans.escalation();
        // Clocks do not depend on pages, so one reading serves the decision, the next check and the gauges.
        ClockReading[] clocks = Escalator.readClocks(t.history(), policy, now);
        List<StepDecision> decisions = Escalator.decide(t.history(), policy, plan, existing, now, clocks);
        List<PageState> after = new ArrayList<>(existing);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (StepDecision d : decisions) {
            chain = chain.chain(() -> apply(s, t, d, incident, book, clocks, after, now));
        }
        return chain.chain(() -> {
            ClockReading fr = clocks[Deadline.FIRST_RESPONSE.ordinal()];
            ClockReading res = clocks[Deadline.RESOLUTION.ordinal()];
            Instant nextCheck = Escalator.nextCheckAt(t.history(), policy, plan, after, now, clocks,
                    config.tickets().evaluationInterval());
            // Only at the revision evaluated: a ticket stored meanwhile keeps the next_check_at its store set
            // (now), so the next tick evaluates the new state instead of this one's verdict hiding it.
            return s.createNativeQuery("""
                            UPDATE ticket SET next_check_at = :next, next_breach_at = :breach,
                                   first_response_breached = first_response_breached OR :frBreached,
                                   resolution_breached = resolution_breached OR :resBreached
                             WHERE source = :source AND id = :id AND revision = :revision""")
                    .setParameter("next", nextCheck).setParameter("breach", Escalator.nextBreachAt(clocks))
                    .setParameter("frBreached", fr.breached()).setParameter("resBreached", res.breached())
                    .setParameter("source", t.source()).setParameter("id", t.id())
                    .setParameter("revision", t.revision())
                    .executeUpdate()
                    .invoke(() -> {
                        countBreaches(t, fr, res);
                        if (nextCheck == null) {
                            index.forget(t.source(), t.id());
                        }
                    })
                    .replaceWithVoid();
        });
    }

    private final Map<String, Boolean> breachCounted = new ConcurrentHashMap<>();

    private void countBreaches(TicketStore.Watched t, ClockReading fr, ClockReading res) {
        // Counted once per ticket and deadline per process; the stored flags keep the audit across restarts.
        for (ClockReading r : List.of(fr, res)) {
            if (r.breached() && breachCounted.putIfAbsent(t.source() + "/" + t.id() + "/" + r.deadline(), true) == null) {
                metrics.breached(t.severity(), r.deadline());
            }
        }
    }

    private Uni<Void> apply(Mutiny.Session s, TicketStore.Watched t, StepDecision d, Long incident, ScheduleBook book,
                            ClockReading[] clocks, List<PageState> after, Instant now) {
        if (d instanceof StepDecision.Page p) {
            return page(s, t, p.deadline(), p.stage(), p.tier(), p.why(), null, incident, book, clocks, after, now);
        }
        if (d instanceof StepDecision.Escalate e) {
            return pages.markEscalated(s, e.fromPageId())
                    .invoke(() -> replace(after, e.fromPageId(), true))
                    .chain(() -> pages.event(s, e.fromPageId(), "ESCALATED", "forewarn",
                            "not acknowledged in time; paging " + e.tier(), now))
                    .chain(() -> page(s, t, e.deadline(), e.stage(), e.tier(), e.why(), e.fromPageId(), incident,
                            book, clocks, after, now));
        }
        if (d instanceof StepDecision.Resolve r) {
            return actions.resolve(s, r.pageId(), "forewarn", r.why(), now).invoke(() -> replaceResolved(after, r.pageId(), now))
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> page(Mutiny.Session s, TicketStore.Watched t, Deadline deadline, String stage, Tier tier,
                           String why, Long escalatedFrom, Long incident, ScheduleBook book, ClockReading[] clocks,
                           List<PageState> after, Instant now) {
        Route route = OnCallRouting.route(tier, t.team(), book, now);
        for (Route.Gap gap : route.gaps()) {
            metrics.gap(gap.tier(), gap.team());
            LOG.warnf("On-call gap: %s team %s: %s — paging the next tier for ticket %s/%s", gap.tier(), gap.team(),
                    gap.reason(), t.source(), t.id());
        }
        Tier routedTier = route instanceof Route.Routed r ? r.tier() : tier;
        String assignee = route instanceof Route.Routed r ? r.person() : null;
        if (route instanceof Route.Unrouted) {
            LOG.errorf("Nobody on call in %s or above for team %s: ticket %s/%s is paged without an assignee",
                    tier, t.team(), t.source(), t.id());
        }
        String dedup = PageGrouping.dedupKey(t.source(), t.id(), deadline, stage, tier, routedTier, t.team(), incident);
        ClockReading reading = clocks[deadline.ordinal()];
        PageStore.NewPage np = new PageStore.NewPage(t.source(), t.id(), deadline, stage, tier, routedTier, t.team(),
                assignee, dedup, incident, why, reading.breachAt(), escalatedFrom);
        return pages.insert(s, np, now).chain(id -> {
            if (id == null) {
                return Uni.createFrom().voidItem();
            }
            after.add(new PageState(id, deadline, stage, tier, now, null, null, false));
            String detail = why + (assignee == null ? "" : "; on call: " + assignee)
                    + (routedTier != tier ? "; nobody on call in " + tier + ", paged " + routedTier : "")
                    + (incident == null ? "" : "; grouped under region incident #" + incident);
            LOG.infof("Page #%d %s %s/%s %s %s: %s", id, routedTier, t.source(), t.id(), slug(deadline), stage, detail);
            return pages.event(s, id, "TRIGGERED", "forewarn", detail, now)
                    .chain(() -> pages.queue(s, id, dedup, "TRIGGER", channels.channelsFor(routedTier, t.team()), now))
                    .replaceWithVoid();
        });
    }

    private static void replace(List<PageState> after, long id, boolean escalated) {
        for (int i = 0; i < after.size(); i++) {
            PageState p = after.get(i);
            if (p.id() == id) {
                after.set(i, new PageState(p.id(), p.deadline(), p.stage(), p.tier(), p.pagedAt(), p.acknowledgedAt(),
                        p.resolvedAt(), escalated));
            }
        }
    }

    private static void replaceResolved(List<PageState> after, long id, Instant now) {
        for (int i = 0; i < after.size(); i++) {
            PageState p = after.get(i);
            if (p.id() == id) {
                after.set(i, new PageState(p.id(), p.deadline(), p.stage(), p.tier(), p.pagedAt(), p.acknowledgedAt(),
                        now, p.escalated()));
            }
        }
    }

    private static String slug(Deadline d) {
        return PageGrouping.slug(d);
    }
}
