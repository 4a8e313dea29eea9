package dev.forewarn.sla.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds ticket histories in tests so that they read like what happened to the ticket. */
final class Tickets {

    private final Severity initialSeverity;
    private final List<TicketChange> changes = new ArrayList<>();
    private Instant createdAt;
    private Instant firstResponseAt;

    private Tickets(Severity severity) {
        this.initialSeverity = severity;
    }

    static Tickets urgent() {
        return new Tickets(Severity.URGENT);
    }

    static Tickets important() {
        return new Tickets(Severity.IMPORTANT);
    }

    static Tickets general() {
        return new Tickets(Severity.GENERAL);
    }

    Tickets createdAt(Instant at) {
        createdAt = at;
        changes.add(new TicketChange(at, TicketStatus.NEW, initialSeverity));
        return this;
    }

    Tickets openedAt(Instant at) {
        createdAt = at;
        changes.add(new TicketChange(at, TicketStatus.OPEN, initialSeverity));
        return this;
    }

    Tickets openFrom(Instant at) {
        return status(TicketStatus.OPEN, at);
    }

    Tickets reopenedAt(Instant at) {
        return status(TicketStatus.OPEN, at);
    }

    Tickets pendingFrom(Instant at) {
        return status(TicketStatus.PENDING, at);
    }

    Tickets onHoldFrom(Instant at) {
        return status(TicketStatus.HOLD, at);
    }

    Tickets solvedAt(Instant at) {
        return status(TicketStatus.SOLVED, at);
    }

    Tickets closedAt(Instant at) {
        return status(TicketStatus.CLOSED, at);
    }

    Tickets urgentFrom(Instant at) {
        return severity(Severity.URGENT, at);
    }

    Tickets importantFrom(Instant at) {
        return severity(Severity.IMPORTANT, at);
    }

    Tickets generalFrom(Instant at) {
        return severity(Severity.GENERAL, at);
    }

    Tickets answeredAt(Instant at) {
        firstResponseAt = at;
        return this;
    }

    TicketHistory history() {
        return new TicketHistory(createdAt, changes, firstResponseAt);
    }

    @Override
    public String toString() {
        return changes + (firstResponseAt == null ? "" : " answered " + firstResponseAt);
    }

    private Tickets status(TicketStatus status, Instant at) {
        changes.add(new TicketChange(at, status, last().severity()));
        return this;
    }

    private Tickets severity(Severity severity, Instant at) {
        changes.add(new TicketChange(at, last().status(), severity));
        return this;
    }

    private TicketChange last() {
        if (changes.isEmpty()) {
            throw new IllegalStateException("start with openedAt(..) or createdAt(..)");
        }
        return changes.get(changes.size() - 1);
    }
}
