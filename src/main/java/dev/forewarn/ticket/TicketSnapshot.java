package dev.forewarn.ticket;

import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketStatus;
import java.time.Instant;
import java.util.Objects;

/**
 * The normalised state of one ticket as a source last reported it, whatever system it came from.
 *
 * @param source          which configured ticket source reported it (for example {@code zendesk})
 * @param id              the ticket's id within that source
 * @param subject         the ticket's subject; may be empty, never null
 * @param severity        the severity that decides the SLA deadlines
 * @param status          the ticket's status
 * @param team            the group name (or id) that decides which rotation is paged; {@code "default"} when none
 * @param customerId      the customer (organisation) id; null when unknown
 * @param createdAt       when the ticket was opened
 * @param updatedAt       when the ticket last changed
 * @param firstResponseAt the first public agent reply; null while nobody has replied
 * @param solvedAt        when the ticket was solved; null while unsolved
 * @param url             a link for humans; null when the source offers none
 */
public record TicketSnapshot(
        String source,
        String id,
        String subject,
        Severity severity,
        TicketStatus status,
        String team,
        String customerId,
        Instant createdAt,
        Instant updatedAt,
        Instant firstResponseAt,
        Instant solvedAt,
        String url) {

    /** The team name used when a ticket belongs to no group. */
    public static final String DEFAULT_TEAM = "default";

    public TicketSnapshot {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(team, "team");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
