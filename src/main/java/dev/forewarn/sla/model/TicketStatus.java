package dev.forewarn.sla.model;

/** The lifecycle status of a support ticket, as Zendesk-style ticket systems name it. */
public enum TicketStatus {
    NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED;

    /** Whether the ticket counts as resolved in this status (it may still be reopened from SOLVED). */
    public boolean isFinal() {
        return this == SOLVED || this == CLOSED;
    }
}
