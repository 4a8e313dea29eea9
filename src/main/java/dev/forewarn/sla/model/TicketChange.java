package dev.forewarn.sla.model;

import java.time.Instant;
import java.util.Objects;

/** A ticket's status and severity from one instant until its next change. */
public record TicketChange(Instant at, TicketStatus status, Severity severity) {

    public TicketChange {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
    }
}
