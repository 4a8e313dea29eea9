package dev.forewarn.ticket;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.rest.ApiError;
import dev.forewarn.security.InputRules;
import dev.forewarn.ticket.json.Rejection;
import dev.forewarn.ticket.json.TicketDocument;
import dev.forewarn.ticket.json.TicketFormatException;
import dev.forewarn.ticket.json.TicketJsonMapping;
import dev.forewarn.ticket.json.TicketValidation;
import dev.forewarn.ticket.webhook.Verification;
import dev.forewarn.ticket.webhook.WebhookTicketSettings;
import dev.forewarn.ticket.webhook.WebhookVerifier;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Receives Forewarn JSON ticket events pushed by ticket systems (docs/ticket-json-format.md), signed with
 * HMAC-SHA256 over {@code timestamp + "." + body}; unsigned, badly signed or stale requests are rejected with 401.
 */
@Path("/api/tickets/events")
public class TicketWebhookResource {
    private static final Logger LOG = Logger.getLogger(TicketWebhookResource.class);

    /** What happened to a pushed document. */
    public record Accepted(int accepted, List<Rejection> rejected) {
    }

    private final Map<String, WebhookVerifier> verifiers;

    @Inject
    TicketIngest ingest;
    @Inject
    dev.forewarn.security.ReplayGuard replays;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    @Inject
    public TicketWebhookResource(WebhookTicketSettings settings) {
        this.verifiers = settings.webhookSources().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new WebhookVerifier(
                        e.getValue().secret().orElseThrow().getBytes(StandardCharsets.UTF_8))));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receives signed ticket events pushed by a ticket system or tool.")
    public Uni<Response> receive(@QueryParam("source") String source,
                                 @HeaderParam(WebhookVerifier.TIMESTAMP_HEADER) String timestamp,
                                 @HeaderParam(WebhookVerifier.SIGNATURE_HEADER) String signature, byte[] body) {
        String name = source != null ? source : verifiers.size() == 1 ? verifiers.keySet().iterator().next() : null;
        WebhookVerifier verifier = name == null ? null : verifiers.get(name);
        if (verifier == null) {
            return Uni.createFrom().item(Response.status(404).type(MediaType.APPLICATION_JSON).entity(ApiError.of(
                    "no webhook ticket source" + (name == null ? "; name one with ?source=" : " named " + name))).build());
        }
        Instant now = clock.instant();
        Verification v = verifier.verify(timestamp, signature, body == null ? new byte[0] : body, now);
        if (v instanceof Verification.Rejected r) {
            LOG.warnf("Ticket webhook %s: request rejected: %s", name, r.reason());
            return Uni.createFrom().item(Response.status(401).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of("signature rejected: " + r.reason())).build());
        }
        TicketValidation validation;
        try {
            String text = InputRules.utf8(body).orElseThrow(() -> new TicketFormatException("body is not valid UTF-8"));
            TicketDocument doc = TicketJsonMapping.parse(text, mapper);
            if (doc.tickets().size() > TicketJsonMapping.MAX_PUSHED_TICKETS) {
                return Uni.createFrom().item(Response.status(413).type(MediaType.APPLICATION_JSON).entity(ApiError.of(
                        "tickets: at most " + TicketJsonMapping.MAX_PUSHED_TICKETS + " per request, got "
                                + doc.tickets().size() + "; split the push")).build());
            }
            validation = TicketJsonMapping.validate(doc, name, now);
        } catch (TicketFormatException e) {
            return Uni.createFrom().item(Response.status(400).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of(e.getMessage())).build());
        }
        TicketValidation result = validation;
        return replays.firstTime("ticket:" + name + ":" + WebhookVerifier.fingerprint(signature), now).chain(first -> {
            if (!first) {
                LOG.warnf("Ticket webhook %s: a replayed request was refused", name);
                return Uni.createFrom().item(Response.status(409).type(MediaType.APPLICATION_JSON)
                        .entity(ApiError.of("this signed request was already received")).build());
            }
            return ingest.ingest(result.accepted(), now).map(n -> Response
                .status(n == 0 && !result.rejected().isEmpty() ? 400 : 202).type(MediaType.APPLICATION_JSON)
                    .entity(new Accepted(n, result.rejected())).build());
        });
    }
}
