package dev.forewarn.ticket;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    @Schema(example = """
            {"accepted": 1, "rejected": []}""")
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
    @SecurityRequirement(name = "ticketSignature")
    @RequestBody(required = true, description = "A Forewarn JSON ticket document (docs/ticket-json-format.md), "
            + "signed as the ticketSignature scheme says",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "one urgent ticket", value = """
                            {"tickets": [{"id": "INC-2041", "subject": "Live stream stutters for viewers in eu-west",
                            "severity": "P1", "status": "open", "team": "streaming-l1", "customerId": "cust-social-7",
                            "createdAt": "2026-03-02T09:55:00Z", "updatedAt": "2026-03-02T09:58:00Z",
                            "firstResponseAt": null, "solvedAt": null,
                            "url": "https://helpdesk.internal.example/tickets/INC-2041"}]}""")))
    @APIResponse(responseCode = "202", description = "Stored; tickets that failed validation are listed with the "
            + "field and reason",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "Unreadable (error), or every ticket rejected (accepted 0 and "
            + "the rejections)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = {Accepted.class, ApiError.class}),
                    examples = @ExampleObject(name = "rejected", value = """
                            {"error": "'tickets' is missing or not an array", "fields": []}""")))
    @APIResponse(responseCode = "401", description = "Missing, wrong or stale signature")
    @APIResponse(responseCode = "404", description = "No webhook ticket source of that name")
    @APIResponse(responseCode = "409", description = "This signed request was already received (replay)")
    @APIResponse(responseCode = "413", description = "More tickets in one push than allowed")
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
