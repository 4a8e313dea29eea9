package dev.forewarn.notify.webhook;

import dev.forewarn.security.HmacSigner;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.PageMessage;
import dev.forewarn.notify.page.PagerChannel;
import dev.forewarn.notify.page.TicketRef;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** Posts a page as signed generic JSON (schema {@value #SCHEMA}) to any HTTP receiver. */
public final class WebhookChannel implements PagerChannel {

    /** Names the body format so receivers can tell versions apart. */
    public static final String SCHEMA = "forewarn.page/v1";

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WebhookConfig config;
    private final JsonPoster poster;
    private final HmacSigner signer;
    private final Clock clock;

    /** {@code clock} stamps the signature at sending time, so a retry hours later still passes replay checks. */
    public WebhookChannel(WebhookConfig config, JsonPoster poster, Clock clock) {
        if (config == null || poster == null || clock == null) {
            throw new IllegalArgumentException("config, poster and clock must not be null");
        }
        this.config = config;
        this.poster = poster;
        this.signer = new HmacSigner(config.secret());
        this.clock = clock;
    }

    @Override
    public String name() {
        return "webhook";
    }

    /**
     * Posts the body described at {@link #body} with headers {@value HmacSigner#TIMESTAMP_HEADER} (Unix seconds
     * at sending) and {@value HmacSigner#SIGNATURE_HEADER} ({@code sha256=} lowercase hex HMAC-SHA256 of
     * {@code timestamp + "." + body} with the shared secret).
     */
    @Override
    public CompletableFuture<DeliveryResult> deliver(PageMessage m) {
        return poster.deliver("webhook", config.url(), () -> {
            byte[] body = JsonPoster.toBytes(body(m));
            long timestamp = clock.instant().getEpochSecond();
            return new JsonPoster.Request(body, Map.of(
                    HmacSigner.TIMESTAMP_HEADER, Long.toString(timestamp),
                    HmacSigner.SIGNATURE_HEADER, signer.sign(timestamp, body)));
        }, config.timeout());
    }

    /**
     * The documented body: {@code schema, dedup_key, action (trigger|acknowledge|resolve), summary, severity
     * (urgent|important|general), tier (L1..L3), team, assignee (null when unknown), deadline, breach_at, at
     * (ISO-8601 UTC), tickets [{id, subject, customer, url}], ack_url (nullable), details {string: string}}.
     */
    static ObjectNode body(PageMessage m) {
        ObjectNode body = JSON.objectNode()
                .put("schema", SCHEMA)
                .put("dedup_key", m.dedupKey())
                .put("action", m.action().name().toLowerCase(Locale.ROOT))
                .put("summary", m.summary())
                .put("severity", m.severity().name().toLowerCase(Locale.ROOT))
                .put("tier", m.tier().name())
                .put("team", m.team())
                .put("assignee", m.assignee())
                .put("deadline", m.deadline())
                .put("breach_at", m.breachAt().toString())
                .put("at", m.at().toString());
        ArrayNode tickets = body.putArray("tickets");
        for (TicketRef t : m.tickets()) {
            tickets.addObject().put("id", t.id()).put("subject", t.subject()).put("customer", t.customer())
                    .put("url", t.url());
        }
        body.put("ack_url", m.ackUrl());
        ObjectNode details = body.putObject("details");
        m.details().forEach(details::put);
        return body;
    }
}
