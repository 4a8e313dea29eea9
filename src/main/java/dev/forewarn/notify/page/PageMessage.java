package dev.forewarn.notify.page;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Severity;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The channel-neutral content of one page that every {@link PagerChannel} renders in its own format. */
public record PageMessage(
        String dedupKey,
        PageAction action,
        String summary,
        Severity severity,
        Tier tier,
        String team,
        String assignee,
        String deadline,
        Instant breachAt,
        Instant at,
        List<TicketRef> tickets,
        String ackUrl,
        Map<String, String> details) {

    /** PagerDuty's limit on summary length, which the other channels share so a page reads the same everywhere. */
    public static final int MAX_SUMMARY = 1024;

    /** PagerDuty's limit on dedup_key length. */
    public static final int MAX_DEDUP_KEY = 255;

    public PageMessage {
        if (dedupKey == null || dedupKey.isBlank() || dedupKey.length() > MAX_DEDUP_KEY) {
            throw new IllegalArgumentException("dedupKey must be 1.." + MAX_DEDUP_KEY + " characters");
        }
        require(action, "action");
        if (summary == null || summary.isBlank() || summary.length() > MAX_SUMMARY
                || summary.indexOf('\n') >= 0 || summary.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("summary must be one non-blank line of at most " + MAX_SUMMARY
                    + " characters (see PageMessage.oneLine)");
        }
        require(severity, "severity");
        require(tier, "tier");
        if (team == null || team.isBlank()) {
            throw new IllegalArgumentException("team must not be blank");
        }
        if (deadline == null || deadline.isBlank()) {
            throw new IllegalArgumentException("deadline must not be blank");
        }
        require(breachAt, "breachAt");
        require(at, "at");
        if (tickets == null || tickets.isEmpty()) {
            throw new IllegalArgumentException("tickets must hold at least one ticket");
        }
        tickets = List.copyOf(tickets);
        // LinkedHashMap keeps the caller's order, which chat channels show as-is
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /**
     * Collapses line breaks and runs of whitespace and cuts the text to {@link #MAX_SUMMARY} characters,
     * so ticket subjects typed by customers can become a valid summary.
     */
    public static String oneLine(String text) {
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_SUMMARY ? flat : flat.substring(0, MAX_SUMMARY - 1) + "…";
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
    }
}
