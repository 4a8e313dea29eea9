package dev.forewarn.sla.model;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Where a ticket stands against its SLA at an instant, as a support lead reads it: each deadline's clock with
 * when its pause began and the most advanced warning stage it reached, and one overall state.
 */
public record TicketStanding(State state, DeadlineStanding firstResponse, DeadlineStanding resolution,
                             Instant nextBreachAt) {

    /** The state of a deadline or a ticket, most pressing first. */
    public enum State {
        /** A deadline was missed (met late counts too). */
        BREACHED,
        /** The clock waits on the customer. */
        PAUSED,
        /** A warning stage was reached: somebody has been paged. */
        AT_RISK,
        /** Running, no stage reached yet. */
        ON_TRACK,
        /** Met in time (a ticket: both deadlines). */
        MET;

        /** The name used by the API and the console: {@code at-risk}, {@code on-track}, … */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** One deadline: its clock, since when it is paused (null unless paused) and the last stage reached. */
    public record DeadlineStanding(ClockReading clock, State state, Instant pausedSince, WarningStage stage) {
    }

    /** Reads both clocks of {@code h} under {@code p} at {@code now}, with {@code stages} deciding "at risk". */
    public static TicketStanding of(TicketHistory h, SlaPolicy p, StagePlan stages, Instant now) {
        DeadlineStanding fr = deadline(h, p, stages, Deadline.FIRST_RESPONSE, now);
        DeadlineStanding res = deadline(h, p, stages, Deadline.RESOLUTION, now);
        State state;
        if (fr.state() == State.BREACHED || res.state() == State.BREACHED) {
            state = State.BREACHED;
        } else if (fr.state() == State.MET && res.state() == State.MET) {
            state = State.MET;
        } else if (fr.state() == State.PAUSED || res.state() == State.PAUSED) {
            state = State.PAUSED;
        } else if (fr.state() == State.AT_RISK || res.state() == State.AT_RISK) {
            state = State.AT_RISK;
        } else {
            state = State.ON_TRACK;
        }
        Instant next = earliest(fr.clock().met() ? null : fr.clock().breachAt(),
                res.clock().met() ? null : res.clock().breachAt());
        return new TicketStanding(state, fr, res, next);
    }

    private static DeadlineStanding deadline(TicketHistory h, SlaPolicy p, StagePlan stages, Deadline d, Instant now) {
        ClockReading r = SlaClock.read(h, p, d, now);
        List<WarningStage> reached = stages.reached(r);
        WarningStage stage = reached.isEmpty() ? null : reached.get(reached.size() - 1);
        State state;
        if (r.breached()) {
            state = State.BREACHED;
        } else if (r.met()) {
            state = State.MET;
        } else if (r.paused()) {
            state = State.PAUSED;
        } else if (stage != null) {
            state = State.AT_RISK;
        } else {
            state = State.ON_TRACK;
        }
        return new DeadlineStanding(r, state, r.paused() ? pausedSince(h, p, now) : null, stage);
    }

    /** When the current unbroken run of pausing statuses began (PENDING then HOLD is one pause). */
    static Instant pausedSince(TicketHistory h, SlaPolicy p, Instant now) {
        List<TicketChange> changes = h.changes();
        int i = changes.size() - 1;
        while (i > 0 && changes.get(i).at().isAfter(now)) {
            i--;
        }
        while (i > 0 && p.pauses(changes.get(i - 1).status())) {
            i--;
        }
        return changes.get(i).at();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
