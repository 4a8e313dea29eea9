package dev.forewarn.escalation.model;

import dev.forewarn.sla.model.ClockReading;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import java.time.Duration;
import java.time.Instant;

/** Writes the one-line human reasons carried by step decisions. */
final class Reasons {

    private Reasons() {
    }

    /** "first response 50 % elapsed (7 min 30 s of 15 min), 7 min 30 s to breach". */
    static String clock(ClockReading r) {
        long percent = r.elapsed().toMillis() * 100 / Math.max(1, r.target().toMillis());
        StringBuilder why = new StringBuilder(96).append(name(r.deadline())).append(' ').append(percent)
                .append(" % elapsed (").append(human(r.elapsed())).append(" of ").append(human(r.target()))
                .append("), ");
        Duration remaining = r.remaining();
        if (remaining.isNegative()) {
            why.append("breached by ").append(human(remaining.negated()));
        } else if (remaining.isZero()) {
            why.append("breached now");
        } else {
            why.append(human(remaining)).append(" to breach");
        }
        return why.toString();
    }

    /** "L1 did not acknowledge the half page within 10 min; " followed by {@link #clock}. */
    static String unacknowledged(PageState page, Duration timeout, ClockReading r) {
        return page.tier() + " did not acknowledge the " + page.stage() + " page within " + human(timeout) + "; "
                + clock(r);
    }

    /** "first response met after 5 min: first reply posted", or why the ticket no longer needs pages. */
    static String resolved(ClockReading r, TicketHistory h, Instant now) {
        TicketStatus status = h.stateAt(now).status();
        String cause;
        if (r.deadline() == Deadline.FIRST_RESPONSE && h.firstResponseAt() != null
                && !h.firstResponseAt().isAfter(now)) {
            cause = "first reply posted";
        } else if (status.isFinal()) {
            cause = status == TicketStatus.CLOSED ? "ticket closed" : "ticket solved";
        } else {
            // First response also counts as met by an earlier solve, even after the ticket was reopened.
            cause = "ticket was solved before a first reply";
        }
        return r.met() ? name(r.deadline()) + " met after " + human(r.elapsed()) + ": " + cause : cause;
    }

    static String name(Deadline d) {
        return d == Deadline.FIRST_RESPONSE ? "first response" : "resolution";
    }

    /** Hours, minutes and seconds with zero parts left out ("1 h 5 s"); "0 s" for nothing. */
    static String human(Duration d) {
        long seconds = d.getSeconds();
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        StringBuilder out = new StringBuilder(16);
        if (h > 0) {
            out.append(h).append(" h");
        }
        if (m > 0) {
            out.append(out.length() > 0 ? " " : "").append(m).append(" min");
        }
        if (s > 0 || out.length() == 0) {
            out.append(out.length() > 0 ? " " : "").append(s).append(" s");
        }
        return out.toString();
    }
}
