package dev.forewarn.ticket.json;

import java.time.Instant;

/**
 * One ticket as written in the Forewarn JSON format, before validation; see {@code docs/ticket-json-format.md}.
 *
 * @param severity urgent, important or general, or P1, P2 or P3 (any case)
 * @param status   new, open, pending, hold, solved or closed (any case)
 */
public record TicketJson(
        String id,
        String subject,
        String severity,
        String status,
        String team,
        String customerId,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant solvedAt,
        String url) {
}
