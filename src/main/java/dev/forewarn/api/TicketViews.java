package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.forewarn.sla.model.ClockReading;
import dev.forewarn.sla.model.TicketStanding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The tickets API's response records: a ticket with both SLA clocks, its warning stage, pages and history. */
public final class TicketViews {
    private TicketViews() {
    }

    /**
     * One deadline. {@code dueAt} is when it breaches if the clock keeps running (null while paused or once met);
     * {@code remainingSeconds} is the business time left (negative: overdue; kept while paused, null once met).
     */
    @Schema(example = """
            {"state": "at-risk", "targetSeconds": 900, "dueAt": "2026-03-02T10:10:00Z", "remainingSeconds": 240,
            "paused": false, "pausedSince": null, "met": false, "metAt": null, "breached": false,
            "stage": "L1-warning", "stageTier": "L1"}""")
    public record DeadlineView(String state, long targetSeconds, Instant dueAt, Long remainingSeconds, boolean paused,
                               Instant pausedSince, boolean met, Instant metAt, boolean breached, String stage,
                               String stageTier) {
        static DeadlineView of(TicketStanding.DeadlineStanding d) {
            ClockReading r = d.clock();
            return new DeadlineView(d.state().label(), r.target().getSeconds(), r.breachAt(),
                    r.met() ? null : seconds(r.remaining()), r.paused(), d.pausedSince(), r.met(), r.metAt(),
                    r.breached(), d.stage() == null ? null : d.stage().name(),
                    d.stage() == null ? null : d.stage().tier().name());
        }
    }

    /** One entry of the status history. */
    @Schema(example = """
            {"at": "2026-03-02T09:55:00Z", "status": "OPEN", "severity": "URGENT"}""")
    public record ChangeView(Instant at, String status, String severity) {
    }

    /**
     * A ticket with its SLA standing: {@code state} is breached, paused, at-risk, on-track or met;
     * {@code secondsToBreach} counts to the earliest running deadline (negative once overdue).
     */
    @Schema(example = """
            {"source": "zendesk", "id": "4711", "subject": "Video calls drop after 30 s for users in Frankfurt",
            "severity": "urgent", "status": "open", "team": "network", "customerId": "acme-classes",
            "plan": "default", "url": "https://support.example.com/agent/tickets/4711",
            "createdAt": "2026-03-02T09:55:00Z", "updatedAt": "2026-03-02T09:58:00Z", "state": "at-risk",
            "nextBreachAt": "2026-03-02T10:10:00Z", "secondsToBreach": 240, "firstResponse": {"state": "at-risk",
            "targetSeconds": 900, "dueAt": "2026-03-02T10:10:00Z", "remainingSeconds": 240, "paused": false,
            "pausedSince": null, "met": false, "metAt": null, "breached": false, "stage": "L1-warning",
            "stageTier": "L1"}, "resolution": {"state": "on-track", "targetSeconds": 7200,
            "dueAt": "2026-03-02T11:55:00Z", "remainingSeconds": 6540, "paused": false, "pausedSince": null,
            "met": false, "metAt": null, "breached": false, "stage": null, "stageTier": null}, "pages": [{"id": 88,
            "ticket": "zendesk/4711", "deadline": "FIRST_RESPONSE", "stage": "L1-warning", "tier": "L1",
            "routedTier": "L1", "team": "network", "assignee": "Alice Chen", "status": "OPEN",
            "dedupKey": "forewarn-zendesk-4711-first-response-L1-warning-L1", "regionIncident": null,
            "why": "first response due in 5m", "breachAt": "2026-03-02T10:10:00Z", "pagedAt": "2026-03-02T10:05:00Z",
            "acknowledgedAt": null, "acknowledgedBy": null, "resolvedAt": null, "resolvedWhy": null}],
            "history": [{"at": "2026-03-02T09:55:00Z", "status": "OPEN", "severity": "URGENT"}]}""")
    public record TicketView(String source, String id, String subject, String severity, String status, String team,
                             String customerId, String plan, String url, Instant createdAt, Instant updatedAt,
                             String state, Instant nextBreachAt, Long secondsToBreach, DeadlineView firstResponse,
                             DeadlineView resolution, List<PagesResource.PageView> pages, List<ChangeView> history) {

        /** The "source/id" reference used by pages and the console. */
        public String ref() {
            return source + "/" + id;
        }

        /** Pages not yet resolved. */
        public long openPages() {
            return pages.stream().filter(p -> !"RESOLVED".equals(p.status())).count();
        }
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    static Long seconds(Duration d) {
        return d == null ? null : d.getSeconds();
    }
}
