package dev.forewarn.notify.page.model;

import dev.forewarn.sla.model.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a page says, decided from the stored pages that share its dedup key (one ticket, or every ticket of a
 * region incident): the summary line, the most severe ticket's severity, the earliest breach, the deadline's
 * name and the details every channel carries.
 *
 * @param summary  one line: tier, subject, reason and the page reference (PagerDuty's webhooks carry no dedup
 *                 key, so an acknowledgement made there finds its way back by "Forewarn page #id")
 * @param severity the most severe ticket of the group
 * @param breachAt the earliest breach of the group, or {@code now} when none is known
 * @param deadline "first response" or "resolution"
 * @param details  stage, page id and region incident, in that order; a follow-up adds who acknowledged or why
 *                 it was resolved
 */
public record PageText(String summary, Severity severity, Instant breachAt, String deadline,
                       Map<String, String> details) {

    /**
     * Composes the text of the group {@code pages} (non-empty; the first one, by page id, leads) for the page
     * action named {@code action} ({@code TRIGGER}, {@code ACKNOWLEDGE}, {@code RESOLVE}).
     */
    public static PageText of(List<PagedTicket> pages, String action, Instant now) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("a page needs at least one stored page");
        }
        PagedTicket first = pages.stream().min(Comparator.comparingLong(PagedTicket::pageId)).orElseThrow();
        Severity severity = pages.stream().map(PagedTicket::severity).min(Comparator.naturalOrder()).orElseThrow();
        Instant breach = pages.stream().map(PagedTicket::breachAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(now);
        String subject = pages.size() == 1
                ? severity.name().toLowerCase() + " ticket " + first.ticketId() + " \"" + first.subject() + "\""
                : pages.size() + " tickets from customers of a degraded region (incident #" + first.incidentId() + ")";
        String summary = "[" + first.tier() + "] " + subject + ": " + first.why() + " (Forewarn page #"
                + first.pageId() + ")";
        Map<String, String> details = new LinkedHashMap<>();
        details.put("stage", first.stage());
        details.put("page_id", String.valueOf(first.pageId()));
        if (first.incidentId() != null) {
            details.put("region_incident", String.valueOf(first.incidentId()));
        }
        // Follow-ups say what happened now, not what the trigger said then.
        if ("ACKNOWLEDGE".equals(action) && first.ackedBy() != null) {
            details.put("acknowledged_by", first.ackedBy());
        }
        if ("RESOLVE".equals(action) && first.resolvedWhy() != null) {
            details.put("resolved_why", first.resolvedWhy());
        }
        return new PageText(summary, severity, breach,
                "FIRST_RESPONSE".equals(first.deadline()) ? "first response" : "resolution", details);
    }
}
