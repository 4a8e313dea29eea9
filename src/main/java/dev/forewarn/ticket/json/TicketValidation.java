package dev.forewarn.ticket.json;

import dev.forewarn.ticket.TicketSnapshot;
import java.util.List;

/** The outcome of validating a ticket document: the tickets taken in and, per refused ticket, every problem found. */
public record TicketValidation(List<TicketSnapshot> accepted, List<Rejection> rejected) {

    public TicketValidation {
        accepted = List.copyOf(accepted);
        rejected = List.copyOf(rejected);
    }
}
