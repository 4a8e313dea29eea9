package dev.forewarn.ticket.zendesk;

import dev.forewarn.ticket.TicketSnapshot;
import java.util.List;

/**
 * One page of the Zendesk incremental cursor export, normalised.
 *
 * @param tickets     the tickets that could be mapped
 * @param afterCursor the cursor for the next request; null when Zendesk sent none
 * @param endOfStream true when the page reached the present, so the next poll can wait for the normal interval
 * @param skipped     one line per ticket that could not be mapped, naming the ticket and the problem
 */
public record ZendeskPage(List<TicketSnapshot> tickets, String afterCursor, boolean endOfStream, List<String> skipped) {

    public ZendeskPage {
        tickets = List.copyOf(tickets);
        skipped = List.copyOf(skipped);
    }
}
