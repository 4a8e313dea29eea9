package dev.forewarn.ticket.json;

import java.util.List;

/** The Forewarn JSON ticket document that in-house tools serve for polling or push to the webhook. */
public record TicketDocument(List<TicketJson> tickets) {
}
