package dev.forewarn.notify.pagerduty;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.PageMessage;
import dev.forewarn.notify.page.PagerChannel;
import dev.forewarn.notify.page.TicketRef;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Severity;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Pages through the PagerDuty Events API v2, one event per page action correlated by dedup key. */
public final class PagerDutyChannel implements PagerChannel {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final PagerDutyConfig config;
    private final JsonPoster poster;

    public PagerDutyChannel(PagerDutyConfig config, JsonPoster poster) {
        if (config == null || poster == null) {
            throw new IllegalArgumentException("config and poster must not be null");
        }
        this.config = config;
        this.poster = poster;
    }

    @Override
    public String name() {
        return "pagerduty";
    }

    @Override
    public CompletableFuture<DeliveryResult> deliver(PageMessage m) {
        return poster.deliver("pagerduty", config.eventsUrl(), () -> JsonPoster.json(event(m)), config.timeout());
    }

    /** The Events API v2 body for a page; acknowledge and resolve carry only the key that names the alert. */
    ObjectNode event(PageMessage m) {
        ObjectNode event = JSON.objectNode()
                .put("routing_key", config.routingKey())
                .put("event_action", m.action().name().toLowerCase(Locale.ROOT))
                .put("dedup_key", m.dedupKey());
        if (m.action() != PageAction.TRIGGER) {
            return event;
        }
        ObjectNode payload = event.putObject("payload")
                .put("summary", m.summary())
                .put("source", "forewarn")
                .put("severity", severity(m.severity(), m.tier()))
                .put("timestamp", m.at().toString())
                .put("component", m.deadline())
                .put("group", m.team())
                .put("class", "sla-breach-risk");
        ObjectNode custom = payload.putObject("custom_details");
        // caller details first so the fixed fields below always win on a name clash
        m.details().forEach(custom::put);
        custom.put("tier", m.tier().name())
                .put("assignee", m.assignee())
                .put("deadline", m.deadline())
                .put("breach_at", m.breachAt().toString());
        ArrayNode tickets = custom.putArray("tickets");
        for (TicketRef t : m.tickets()) {
            tickets.addObject().put("id", t.id()).put("subject", t.subject()).put("customer", t.customer())
                    .put("url", t.url());
        }
        ArrayNode links = event.putArray("links");
        if (m.ackUrl() != null) {
            links.addObject().put("href", m.ackUrl()).put("text", "Acknowledge in Forewarn");
        }
        for (TicketRef t : m.tickets()) {
            if (t.url() != null) {
                links.addObject().put("href", t.url()).put("text", "Ticket " + t.id() + ": " + t.subject());
            }
        }
        event.put("client", "Forewarn");
        if (m.ackUrl() != null) {
            event.put("client_url", m.ackUrl());
        }
        return event;
    }

    /** URGENT tickets and anything reaching L3 wake people up; the rest maps one to one. */
    static String severity(Severity severity, Tier tier) {
        if (severity == Severity.URGENT || tier == Tier.L3) {
            return "critical";
        }
        return severity == Severity.IMPORTANT ? "error" : "warning";
    }
}
