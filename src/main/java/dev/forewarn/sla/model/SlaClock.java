package dev.forewarn.sla.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads a ticket's SLA clock for one deadline from its history, a policy and the current instant.
 *
 * <p>The rules:
 * <ul>
 *   <li><b>Elapsed</b> is the business time (on the policy's calendar) during which the ticket was
 *       in a status that neither pauses (the policy's pausing statuses, by default PENDING and HOLD)
 *       nor is final (SOLVED, CLOSED), from creation until {@code now} or until the deadline was met.
 *       Changes after {@code now} are ignored.</li>
 *   <li><b>Severity</b> is the one in force at {@code now}, and its target applies to the whole
 *       elapsed time since creation: an upgrade to urgent may be breached at once, and a
 *       downgrade may lift a breach that the stricter target had caused.</li>
 *   <li><b>First response</b> is met at {@code firstResponseAt}, or at the first time the ticket was
 *       solved or closed if that came earlier (a ticket solved without a reply needs no page for
 *       one). Once met it stays met, whatever happens later.</li>
 *   <li><b>Resolution</b> is met while the ticket is SOLVED or CLOSED, at the instant its current
 *       final stretch began. A reopen (SOLVED → OPEN) makes it unmet again and the clock resumes
 *       from the elapsed time it had; the time spent solved does not count.</li>
 *   <li><b>Breached</b> when elapsed reaches the target before the deadline is met; a deadline met
 *       exactly on target is not breached, and one met late stays breached.</li>
 *   <li><b>breachAt</b> is the instant elapsed reaches the target if the clock keeps running: in the
 *       future while time remains, in the past once breached; {@code null} while paused or met.</li>
 * </ul>
 */
public final class SlaClock {

    private SlaClock() {
    }

    /** The clock of {@code deadline} for ticket {@code h} under policy {@code p} at {@code now}. */
    public static ClockReading read(TicketHistory h, SlaPolicy p, Deadline d, Instant now) {
        TicketChange current = h.stateAt(now);
        Severity severity = current.severity();
        Duration target = p.target(severity, d);
        BusinessCalendar calendar = p.calendar();
        Instant metAt = d == Deadline.FIRST_RESPONSE ? firstResponseMetAt(h, now) : resolutionMetAt(h, now);
        // Runs for every open ticket on every tick, so the arithmetic is in nanoseconds, not Duration objects.
        long targetNanos = target.toNanos();
        long end = BusinessCalendar.epochNanos(metAt != null ? metAt : now);

        List<TicketChange> changes = h.changes();
        long elapsed = 0;
        boolean crossed = false;
        long crossingFrom = 0;
        long crossingBefore = 0;
        long at = changes.isEmpty() ? 0 : BusinessCalendar.epochNanos(changes.get(0).at());
        for (int i = 0; i < changes.size(); i++) {
            if (at >= end) {
                break;
            }
            long nextAt = i + 1 < changes.size() ? BusinessCalendar.epochNanos(changes.get(i + 1).at()) : end;
            TicketStatus status = changes.get(i).status();
            if (!status.isFinal() && !p.pauses(status)) {
                long part = calendar.businessNanosBetween(at, Math.min(nextAt, end));
                long after = elapsed + part;
                if (!crossed && elapsed < targetNanos && after >= targetNanos) {
                    crossed = true;
                    crossingFrom = at;
                    crossingBefore = elapsed;
                }
                elapsed = after;
            }
            at = nextAt;
        }

        boolean met = metAt != null;
        boolean paused = !met && p.pauses(current.status());
        long remaining = targetNanos - elapsed;
        boolean breached = met ? remaining < 0 : remaining <= 0;
        Instant breachAt = null;
        if (!met && !paused) {
            breachAt = BusinessCalendar.instant(crossed
                    ? calendar.addBusinessNanos(crossingFrom, targetNanos - crossingBefore)
                    : calendar.addBusinessNanos(BusinessCalendar.epochNanos(now), remaining));
        }
        return new ClockReading(d, severity, target, Duration.ofNanos(elapsed), Duration.ofNanos(remaining),
                breachAt, paused, met, metAt, breached);
    }

    private static Instant firstResponseMetAt(TicketHistory h, Instant now) {
        Instant metAt = h.firstResponseAt();
        for (TicketChange change : h.changes()) {
            if (change.status().isFinal()) {
                metAt = metAt == null ? change.at() : min(metAt, change.at());
                break;
            }
        }
        return metAt != null && !metAt.isAfter(now) ? metAt : null;
    }

    private static Instant resolutionMetAt(TicketHistory h, Instant now) {
        List<TicketChange> changes = h.changes();
        int i = changes.size() - 1;
        while (i > 0 && changes.get(i).at().isAfter(now)) {
            i--;
        }
        if (!changes.get(i).status().isFinal()) {
            return null;
        }
        // SOLVED then CLOSED is one resolution, met when it was first solved.
        while (i > 0 && changes.get(i - 1).status().isFinal()) {
            i--;
        }
        return changes.get(i).at();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
