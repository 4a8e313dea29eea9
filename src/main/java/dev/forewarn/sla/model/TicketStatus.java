package dev.forewarn.sla.model;

/** A ticket's status in the ticket system; PENDING and HOLD wait on the customer. */
public enum TicketStatus {
    NEW, OPEN, PENDING, HOLD, SOLVED, CLOSED
}
