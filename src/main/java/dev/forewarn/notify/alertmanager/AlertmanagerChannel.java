package dev.forewarn.notify.alertmanager;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.PageMessage;
import dev.forewarn.notify.page.PagerChannel;
import dev.forewarn.notify.page.TicketRef;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** Pages through Alertmanager's API v2 by posting one alert whose {@code endsAt} says firing or resolved. */
public final class AlertmanagerChannel implements PagerChannel {

    /** The {@code alertname} label every Forewarn page carries, for routes and inhibition rules. */
    public static final String ALERT_NAME = "ForewarnSlaRisk";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final AlertmanagerConfig config;
    private final JsonPoster poster;

    public AlertmanagerChannel(AlertmanagerConfig config, JsonPoster poster) {
        if (config == null || poster == null) {
            throw new IllegalArgumentException("config and poster must not be null");
        }
        this.config = config;
        this.poster = poster;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    /**
     * Posts a trigger or resolve; Alertmanager identifies an alert by its label set, so both must carry the same
     * tier, team, severity, deadline and dedup key.
     *
     * <p>Alertmanager has no acknowledge: a silence is the closest thing but needs matchers and an author that
     * Forewarn does not own, and an acknowledged page stops escalating anyway. {@link PageAction#ACKNOWLEDGE} is
     * therefore reported delivered without a call; the alert then expires at its {@code endsAt} unless the
     * caller resolves or re-sends it.
     */
    @Override
    public CompletableFuture<DeliveryResult> deliver(PageMessage m) {
        if (m.action() == PageAction.ACKNOWLEDGE) {
            return CompletableFuture.completedFuture(new DeliveryResult.Delivered());
        }
        return poster.deliver("alertmanager", config.alertsUrl(), () -> JsonPoster.json(alerts(m)), config.timeout());
    }

    /** The postable-alerts array for a trigger or resolve. */
    ArrayNode alerts(PageMessage m) {
        ArrayNode alerts = JSON.arrayNode();
        ObjectNode alert = alerts.addObject();
        alert.putObject("labels")
                .put("alertname", ALERT_NAME)
                .put("tier", m.tier().name())
                .put("team", m.team())
                .put("severity", m.severity().name().toLowerCase(Locale.ROOT))
                .put("deadline", m.deadline())
                .put("dedup_key", m.dedupKey());
        ObjectNode annotations = alert.putObject("annotations")
                .put("summary", m.summary())
                .put("breach_at", m.breachAt().toString())
                .put("tickets", m.tickets().stream().map(AlertmanagerChannel::ticketLine)
                        .collect(Collectors.joining("\n")));
        // absent rather than empty, so notification templates can test for them with {{ if }}
        if (m.assignee() != null) {
            annotations.put("assignee", m.assignee());
        }
        if (m.ackUrl() != null) {
            annotations.put("ack_url", m.ackUrl());
        }
        alert.put("startsAt", m.at().toString());
        // A firing alert that is not re-sent is resolved by Alertmanager once endsAt passes (its
        // resolve_timeout only applies when endsAt is absent); an explicit horizon makes that expiry
        // Forewarn's choice, and the caller re-sends the trigger while the page is open.
        alert.put("endsAt", m.action() == PageAction.RESOLVE
                ? m.at().toString()
                : m.at().plus(config.firingHorizon()).toString());
        String generator = m.tickets().get(0).url();
        if (generator != null) {
            alert.put("generatorURL", generator);
        }
        return alerts;
    }

    private static String ticketLine(TicketRef t) {
        String line = t.id() + " " + t.subject() + " (" + t.customer() + ")";
        return t.url() == null ? line : line + " " + t.url();
    }
}
