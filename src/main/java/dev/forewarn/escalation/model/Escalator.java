package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.BusinessCalendar;
import dev.forewarn.sla.model.ClockReading;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.SlaClock;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.WarningStage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Decides the next escalation steps of one ticket — new pages, escalations, resolutions — from its history,
 * its SLA policy, the escalation plan and the pages already made.
 */
public final class Escalator {

    private static final Deadline[] DEADLINES = Deadline.values();
    private static final Duration RECHECK_IDLE = Duration.ofHours(1);

    private Escalator() {
    }

    /**
     * What should happen now to ticket {@code h}'s pages under policy {@code p} and {@code plan}, given the
     * {@code pages} already made for it; empty when nothing should, which is the common case.
     *
     * <p>The rules, applied to each deadline (first response, then resolution) on its own:
     * <ol>
     *   <li><b>Deadline met or ticket final.</b> When the deadline is met (first reply posted, ticket solved) or
     *       the ticket is SOLVED or CLOSED, every open page of that deadline is resolved and nothing new is paged
     *       or escalated for it. A reopened ticket's resolution clock runs again; its earlier pages stay resolved
     *       and only stages after them page.</li>
     *   <li><b>Paused clock.</b> While the ticket waits on the customer (a pausing status) nothing is paged or
     *       escalated; open pages stay open. An acknowledgement timeout that ran out during the pause escalates
     *       as soon as the clock runs again.</li>
     *   <li><b>One page per stage.</b> Of the stages reached that lie after the most advanced stage already paged
     *       (in plan order), only the most advanced is paged; the earlier ones are {@link StepDecision.Superseded}:
     *       a ticket first seen at 95 % pages L3 once, not L1, L2 and L3 together. Stages at or before a paged
     *       stage never page again, so a superseded stage needs no stored record to stay unpaged.</li>
     *   <li><b>An acknowledgement owns the deadline.</b> While a page of the deadline is acknowledged and not
     *       resolved, the remaining warning stages stay silent — somebody is on it, and waking the next tier
     *       would only add noise — except the breach stage (a trigger at or beyond 100 % of the target): a
     *       deadline that is actually missed still reaches its tier. Resolving the acknowledged page by hand
     *       gives the deadline back to the stages.</li>
     *   <li><b>Escalation.</b> An open page not acknowledged within its tier's timeout, and not yet escalated,
     *       pages the next tier for the same stage. Acknowledged pages never escalate. Nothing comes after L3:
     *       an unacknowledged L3 page stays open and later stages keep paging L3. An escalation is skipped when
     *       the deadline already has an open page at the next tier or above (made earlier or in this same call):
     *       that tier already knows about the ticket, and its own page escalates if it does not act. Timeouts run
     *       on wall-clock time, not the SLA calendar, because the pager rings whatever the business hours.</li>
     *   <li><b>Exactly once.</b> No Page or Escalate is decided for a (deadline, stage, tier) that {@code pages}
     *       already holds, so repeated calls with the decisions applied never page twice.</li>
     * </ol>
     * Decisions come per deadline in this order: resolutions, superseded stages, the page, escalations.
     */
    public static List<StepDecision> decide(TicketHistory h, SlaPolicy p, EscalationPlan plan, List<PageState> pages,
                                            Instant now) {
        return decide(h, p, plan, pages, now, readClocks(h, p, now));
    }

    /**
     * {@link #decide(TicketHistory, SlaPolicy, EscalationPlan, List, Instant)} with both clocks already read at
     * {@code now} for {@code h} under {@code p} ({@code clocks[d.ordinal()]} for each {@link Deadline} d), so a
     * caller that also needs the readings pays for them once.
     */
    public static List<StepDecision> decide(TicketHistory h, SlaPolicy p, EscalationPlan plan, List<PageState> pages,
                                            Instant now, ClockReading[] clocks) {
        requireReadings(clocks);
        List<StepDecision> out = null;
        for (Deadline d : DEADLINES) {
            out = decideFor(clocks[d.ordinal()], h, plan, pages, now, out);
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** Both clocks of {@code h} at {@code now}, indexed by {@link Deadline#ordinal()}. */
    public static ClockReading[] readClocks(TicketHistory h, SlaPolicy p, Instant now) {
        ClockReading[] clocks = new ClockReading[DEADLINES.length];
        for (Deadline d : DEADLINES) {
            clocks[d.ordinal()] = SlaClock.read(h, p, d, now);
        }
        return clocks;
    }

    private static void requireReadings(ClockReading[] clocks) {
        if (clocks.length != DEADLINES.length) {
            throw new IllegalArgumentException("one reading per deadline expected, got " + clocks.length);
        }
        for (Deadline d : DEADLINES) {
            if (clocks[d.ordinal()] == null || clocks[d.ordinal()].deadline() != d) {
                throw new IllegalArgumentException("clocks[" + d.ordinal() + "] must be the " + d + " reading");
            }
        }
    }

    /**
     * The earliest instant at which {@link #decide} with the same inputs could return something: {@code now}
     * when it already would, the instant the next stage not yet superseded falls due on the policy's calendar,
     * or the earliest acknowledgement timeout of a page that could still escalate. Empty when nothing can
     * happen until the ticket or its pages change (every deadline met or paused, all pages settled), so the
     * caller can skip the ticket until then.
     */
    public static Optional<Instant> nextDecisionAt(TicketHistory h, SlaPolicy p, EscalationPlan plan,
                                                   List<PageState> pages, Instant now) {
        return nextDecisionAt(h, p, plan, pages, now, readClocks(h, p, now));
    }

    /** {@link #nextDecisionAt(TicketHistory, SlaPolicy, EscalationPlan, List, Instant)} with both clocks already read. */
    public static Optional<Instant> nextDecisionAt(TicketHistory h, SlaPolicy p, EscalationPlan plan,
                                                   List<PageState> pages, Instant now, ClockReading[] clocks) {
        requireReadings(clocks);
        Instant earliest = null;
        for (Deadline d : DEADLINES) {
            ClockReading r = clocks[d.ordinal()];
            if (isFinished(r, h, now)) {
                if (hasOpenPage(pages, d)) {
                    return Optional.of(now);
                }
                continue;
            }
            if (r.paused()) {
                continue;
            }
            List<WarningStage> stages = plan.stages().stages();
            boolean owned = isOwned(pages, d);
            long target = r.target().toNanos();
            long elapsed = r.elapsed().toNanos();
            long nextPoint = Long.MAX_VALUE;
            for (int i = lastPagedIndex(plan, pages, d) + 1; i < stages.size(); i++) {
                long point = stages.get(i).trigger().pointInNanos(target);
                if (owned && point < target) {
                    continue;
                }
                if (point <= elapsed) {
                    return Optional.of(now);
                }
                nextPoint = Math.min(nextPoint, point);
            }
            if (nextPoint != Long.MAX_VALUE) {
                earliest = min(earliest, BusinessCalendar.instant(p.calendar().addBusinessNanos(
                        BusinessCalendar.epochNanos(now), nextPoint - elapsed)));
            }
            int highestOpen = highestOpenTier(pages, d);
            for (int i = 0; i < pages.size(); i++) {
                PageState page = pages.get(i);
                Tier next = escalationTarget(page, d, highestOpen, pages);
                if (next != null) {
                    Instant expiry = page.pagedAt().plus(plan.ackTimeout(page.tier()));
                    if (!expiry.isAfter(now)) {
                        return Optional.of(now);
                    }
                    earliest = min(earliest, expiry);
                }
            }
        }
        return Optional.ofNullable(earliest);
    }

    /**
     * When the SLA watch should look at ticket {@code h} again, given the {@code pages} it holds once this
     * evaluation's decisions are applied: {@link #nextDecisionAt}, but never sooner than {@code tick} from
     * {@code now} (a decision due now that changed nothing would otherwise spin), and an hour from now for an open
     * ticket with a running or paused clock and nothing else due, so the steering gauges stay honest; null when
     * nothing can happen until the ticket or its pages change.
     */
    public static Instant nextCheckAt(TicketHistory h, SlaPolicy p, EscalationPlan plan, List<PageState> pages,
                                      Instant now, ClockReading[] clocks, Duration tick) {
        Optional<Instant> next = nextDecisionAt(h, p, plan, pages, now, clocks);
        if (next.isPresent()) {
            return next.get().isAfter(now) ? next.get() : now.plus(tick);
        }
        boolean open = !h.changes().get(h.changes().size() - 1).status().isFinal();
        if (open && (nextBreachAt(clocks) != null || clocks[Deadline.FIRST_RESPONSE.ordinal()].paused())) {
            return now.plus(RECHECK_IDLE);
        }
        return null;
    }

    /** The earliest projected breach of a deadline not met yet, or null when none is running. */
    public static Instant nextBreachAt(ClockReading[] clocks) {
        Instant earliest = null;
        for (ClockReading r : clocks) {
            if (!r.met() && r.breachAt() != null) {
                earliest = min(earliest, r.breachAt());
            }
        }
        return earliest;
    }

    private static List<StepDecision> decideFor(ClockReading r, TicketHistory h, EscalationPlan plan,
                                                List<PageState> pages, Instant now, List<StepDecision> out) {
        Deadline d = r.deadline();
        if (isFinished(r, h, now)) {
            String why = null;
            for (int i = 0; i < pages.size(); i++) {
                PageState page = pages.get(i);
                if (page.deadline() == d && page.isOpen()) {
                    why = why != null ? why : Reasons.resolved(r, h, now);
                    out = add(out, new StepDecision.Resolve(page.id(), why));
                }
            }
            return out;
        }
        if (r.paused()) {
            return out;
        }

        List<WarningStage> stages = plan.stages().stages();
        int lastPaged = lastPagedIndex(plan, pages, d);
        boolean owned = isOwned(pages, d);
        long target = r.target().toNanos();
        long elapsed = r.elapsed().toNanos();
        int mostAdvanced = -1;
        for (int i = lastPaged + 1; i < stages.size(); i++) {
            if (pages(stages.get(i), target, elapsed, owned)) {
                mostAdvanced = i;
            }
        }
        int highestOpen = highestOpenTier(pages, d);
        if (mostAdvanced >= 0) {
            for (int i = lastPaged + 1; i < mostAdvanced; i++) {
                if (pages(stages.get(i), target, elapsed, owned)) {
                    out = add(out, new StepDecision.Superseded(d, stages.get(i).name()));
                }
            }
            WarningStage stage = stages.get(mostAdvanced);
            out = add(out, new StepDecision.Page(d, stage.name(), stage.tier(),
                    new StepDecision.Reason(() -> Reasons.clock(r))));
            highestOpen = Math.max(highestOpen, stage.tier().ordinal());
        }

        for (int i = 0; i < pages.size(); i++) {
            PageState page = pages.get(i);
            if (page.deadline() != d || !page.isOpen() || page.isAcknowledged()) {
                continue;
            }
            Duration timeout = plan.ackTimeout(page.tier());
            if (page.pagedAt().plus(timeout).isAfter(now)) {
                continue;
            }
            Tier next = escalationTarget(page, d, highestOpen, pages);
            if (next == null) {
                continue;
            }
            out = add(out, new StepDecision.Escalate(page.id(), d, page.stage(), next,
                    new StepDecision.Reason(() -> Reasons.unacknowledged(page, timeout, r))));
            highestOpen = next.ordinal();
        }
        return out;
    }

    /**
     * The tier {@code page} would escalate to once its timeout runs out, or null when it cannot: another
     * deadline's, resolved, acknowledged, already escalated, L3, a tier at or below {@code highestOpen} already
     * has it, or the next tier's page for the stage exists.
     */
    private static Tier escalationTarget(PageState page, Deadline d, int highestOpen, List<PageState> pages) {
        if (page.deadline() != d || !page.isOpen() || page.isAcknowledged() || page.escalated()
                || page.tier() == Tier.L3) {
            return null;
        }
        Tier next = page.tier().next().orElseThrow();
        if (next.ordinal() <= highestOpen || contains(pages, d, page.stage(), next)) {
            return null;
        }
        return next;
    }

    private static boolean isOwned(List<PageState> pages, Deadline d) {
        for (int i = 0; i < pages.size(); i++) {
            PageState page = pages.get(i);
            if (page.deadline() == d && page.isOpen() && page.isAcknowledged()) {
                return true;
            }
        }
        return false;
    }


    private static boolean isFinished(ClockReading r, TicketHistory h, Instant now) {
        return r.met() || h.stateAt(now).status().isFinal();
    }

    /**
     * Whether {@code stage} pages at {@code elapsed} of {@code target}: it is reached, and while the deadline is
     * owned by an acknowledgement it is the breach stage (a trigger at or beyond 100 % of the target).
     */
    private static boolean pages(WarningStage stage, long target, long elapsed, boolean owned) {
        long point = stage.trigger().pointInNanos(target);
        return point <= elapsed && (!owned || point >= target);
    }

    /** The plan position of the most advanced stage {@code pages} holds for {@code d}; -1 if none. */
    private static int lastPagedIndex(EscalationPlan plan, List<PageState> pages, Deadline d) {
        int last = -1;
        for (int i = 0; i < pages.size(); i++) {
            PageState page = pages.get(i);
            if (page.deadline() == d) {
                last = Math.max(last, plan.indexOf(page.stage()));
            }
        }
        return last;
    }

    /** The ordinal of the highest tier with an open page for {@code d}; -1 if none. */
    private static int highestOpenTier(List<PageState> pages, Deadline d) {
        int highest = -1;
        for (int i = 0; i < pages.size(); i++) {
            PageState page = pages.get(i);
            if (page.deadline() == d && page.isOpen()) {
                highest = Math.max(highest, page.tier().ordinal());
            }
        }
        return highest;
    }

    private static boolean hasOpenPage(List<PageState> pages, Deadline d) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).deadline() == d && pages.get(i).isOpen()) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(List<PageState> pages, Deadline d, String stage, Tier tier) {
        for (int i = 0; i < pages.size(); i++) {
            if (pages.get(i).isFor(d, stage, tier)) {
                return true;
            }
        }
        return false;
    }

    private static List<StepDecision> add(List<StepDecision> out, StepDecision decision) {
        // Most evaluations decide nothing, so the list is only made once there is something to put in it.
        List<StepDecision> list = out != null ? out : new ArrayList<>(4);
        list.add(decision);
        return list;
    }

    private static Instant min(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
