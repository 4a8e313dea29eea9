package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Deadline;
import java.util.Locale;

/**
 * Which page a new page joins: its dedup key. While a region incident is open, the pages for tickets of that
 * region's customers share one key per (incident, deadline, stage, routed tier, team), so the on-call gets one
 * page listing them; otherwise a page is its ticket's own, per (ticket, deadline, stage, tier).
 */
public final class PageGrouping {
    /** PagerDuty's limit on a dedup key, which every channel shares. */
    public static final int MAX_KEY = 255;

    private PageGrouping() {
    }

    /**
     * @param source     the ticket's source
     * @param ticketId   the ticket's id in its source
     * @param deadline   the deadline paged for
     * @param stage      the warning stage paged
     * @param tier       the tier the stage pages
     * @param routedTier the tier actually paged (higher when nobody is on call in {@code tier})
     * @param team       the ticket's team
     * @param incident   the open region incident of the ticket's customer, or null
     */
    public static String dedupKey(String source, String ticketId, Deadline deadline, String stage, Tier tier,
                                  Tier routedTier, String team, Long incident) {
        String key = incident != null
                ? "forewarn-incident-" + incident + "-" + slug(deadline) + "-" + stage + "-" + routedTier + "-" + team
                : "forewarn-" + source + "-" + ticketId + "-" + slug(deadline) + "-" + stage + "-" + tier;
        return key.length() > MAX_KEY ? key.substring(0, MAX_KEY) : key;
    }

    /** A deadline as it appears in keys and logs: {@code first-response}, {@code resolution}. */
    public static String slug(Deadline d) {
        return d.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
