package dev.forewarn.escalation.model;

import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds ticket histories for escalation tests from offsets after {@link #T0}, so cases read like a timeline. */
final class Ticket {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    private final Severity severity;
    private final List<TicketChange> changes = new ArrayList<>();
    private Instant firstResponseAt;

    private Ticket(Severity severity) {
        this.severity = severity;
        changes.add(new TicketChange(T0, TicketStatus.OPEN, severity));
    }

    /** An urgent ticket opened at T0. */
    static Ticket urgent() {
        return new Ticket(Severity.URGENT);
    }

    /** A general ticket opened at T0. */
    static Ticket general() {
        return new Ticket(Severity.GENERAL);
    }

    Ticket pendingAfter(String offset) {
        return status(TicketStatus.PENDING, offset);
    }

    Ticket openAgainAfter(String offset) {
        return status(TicketStatus.OPEN, offset);
    }

    Ticket solvedAfter(String offset) {
        return status(TicketStatus.SOLVED, offset);
    }

    Ticket closedAfter(String offset) {
        return status(TicketStatus.CLOSED, offset);
    }

    Ticket answeredAfter(String offset) {
        firstResponseAt = at(offset);
        return this;
    }

    /**
     * A ticket written as "urgent|general" followed by "; event offset" parts, for tables:
     * "general; pending 2:05:00; open 2:30:00; answered 3:00:00; solved 4:00:00; closed 5:00:00".
     */
    static Ticket parse(String script) {
        String[] parts = script.split(";");
        Ticket ticket = parts[0].trim().equals("urgent") ? urgent() : general();
        for (int i = 1; i < parts.length; i++) {
            String[] event = parts[i].trim().split("\\s+");
            switch (event[0]) {
                case "pending" -> ticket.pendingAfter(event[1]);
                case "open" -> ticket.openAgainAfter(event[1]);
                case "answered" -> ticket.answeredAfter(event[1]);
                case "solved" -> ticket.solvedAfter(event[1]);
                case "closed" -> ticket.closedAfter(event[1]);
                default -> throw new IllegalArgumentException("unknown ticket event " + event[0]);
            }
        }
        return ticket;
    }

    TicketHistory history() {
        return new TicketHistory(T0, changes, firstResponseAt);
    }

    /** T0 plus an offset written as hours:minutes:seconds ("0:07:30"). */
    static Instant at(String offset) {
        String[] parts = offset.split(":");
        return T0.plus(Duration.ofHours(Long.parseLong(parts[0])).plusMinutes(Long.parseLong(parts[1]))
                .plusSeconds(Long.parseLong(parts[2])));
    }

    /** The offset of {@code t} from T0 as hours:minutes:seconds. */
    static String offset(Instant t) {
        long s = Duration.between(T0, t).getSeconds();
        return String.format("%d:%02d:%02d", s / 3600, s % 3600 / 60, s % 60);
    }

    private Ticket status(TicketStatus status, String offset) {
        changes.add(new TicketChange(at(offset), status, severity));
        return this;
    }
}
