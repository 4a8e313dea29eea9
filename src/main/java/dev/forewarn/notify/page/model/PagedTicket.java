package dev.forewarn.notify.page.model;

import dev.forewarn.sla.model.Severity;
import java.time.Instant;

/**
 * One stored page of a (possibly grouped) page, with the ticket it is about: what {@link PageText} reads.
 *
 * @param pageId     the page's id
 * @param ticketId   "source/id" of the ticket
 * @param deadline   {@code FIRST_RESPONSE} or {@code RESOLUTION}
 * @param stage      the warning stage paged
 * @param tier       the tier routed to (L1, L2, L3)
 * @param why        the escalation's reason, one line
 * @param breachAt   when the deadline is (or was) missed; null when unknown
 * @param incidentId the region incident the page is grouped under, or null
 * @param subject    the ticket's subject
 * @param severity   the ticket's severity
 * @param ackedBy    who acknowledged the page, or null
 * @param resolvedWhy why the page was resolved, or null
 */
public record PagedTicket(long pageId, String ticketId, String deadline, String stage, String tier, String why,
                          Instant breachAt, Long incidentId, String subject, Severity severity, String ackedBy,
                          String resolvedWhy) {
}
