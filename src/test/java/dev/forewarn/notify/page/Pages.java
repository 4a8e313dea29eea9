package dev.forewarn.notify.page;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Severity;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test builder for pages that reads like prose: {@code Pages.urgent().tier(L2).action(RESOLVE).build()}. */
public final class Pages {

    public static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
    public static final Instant BREACH = Instant.parse("2026-03-10T10:12:00Z");
    public static final TicketRef TICKET = new TicketRef("4711", "Calls drop after 30 s", "Acme Tutoring",
            "https://support.example/tickets/4711");

    private String dedupKey = "ticket-4711/first-response/2026-03-10T10:15:00Z/L2";
    private PageAction action = PageAction.TRIGGER;
    private String summary = "P1 4711 first response due in 12m: Calls drop after 30 s";
    private Severity severity = Severity.URGENT;
    private Tier tier = Tier.L2;
    private String team = "education";
    private String assignee = "cara";
    private String deadline = "first response";
    private Instant breachAt = BREACH;
    private Instant at = T0;
    private List<TicketRef> tickets = List.of(TICKET);
    private String ackUrl = "https://forewarn.example/ack/abc123";
    private Map<String, String> details = new LinkedHashMap<>(Map.of("region", "eu-west"));

    private Pages() {
    }

    public static Pages urgent() {
        return new Pages();
    }

    public static Pages severity(Severity severity) {
        Pages p = new Pages();
        p.severity = severity;
        return p;
    }

    public Pages action(PageAction action) {
        this.action = action;
        return this;
    }

    public Pages tier(Tier tier) {
        this.tier = tier;
        return this;
    }

    public Pages assignee(String assignee) {
        this.assignee = assignee;
        return this;
    }

    public Pages detail(String key, String value) {
        details.put(key, value);
        return this;
    }

    public Pages ackUrl(String ackUrl) {
        this.ackUrl = ackUrl;
        return this;
    }

    public Pages summary(String summary) {
        this.summary = summary;
        return this;
    }

    public Pages at(Instant at) {
        this.at = at;
        return this;
    }

    public Pages tickets(List<TicketRef> tickets) {
        this.tickets = tickets;
        return this;
    }

    public PageMessage build() {
        return new PageMessage(dedupKey, action, summary, severity, tier, team, assignee, deadline, breachAt, at,
                tickets, ackUrl, details);
    }
}
