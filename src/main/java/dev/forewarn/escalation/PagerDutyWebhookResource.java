package dev.forewarn.escalation;

import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.rest.ApiError;
import dev.forewarn.config.ForewarnConfig;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.forewarn.security.HmacSigner;
import dev.forewarn.security.InputRules;
import org.jboss.logging.Logger;

/**
 * Applies acknowledgements and resolutions made in PagerDuty (v3 webhooks, {@code X-PagerDuty-Signature:
 * v1=<hex HMAC-SHA256 of the body>}) to Forewarn's pages. PagerDuty's incident payload does not carry the dedup
 * key, so the page is found by the "Forewarn page #N" reference every page summary (the incident title) ends with.
 */
@Path("/api/pagerduty/webhook")
public class PagerDutyWebhookResource {
    private static final Logger LOG = Logger.getLogger(PagerDutyWebhookResource.class);
    private static final Pattern PAGE_REF = Pattern.compile("Forewarn page #(\\d{1,18})\\b");

    @Inject
    PageActions actions;
    @Inject
    ForewarnConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    dev.forewarn.security.ReplayGuard replays;
    @Inject
    java.time.Clock clock;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receives PagerDuty v3 webhooks (HMAC-signed) so an acknowledgement made in PagerDuty "
            + "reaches Forewarn.")
    @SecurityRequirement(name = "pagerDutySignature")
    @RequestBody(required = true, description = "A PagerDuty v3 webhook event; incident.acknowledged and "
            + "incident.resolved of an incident whose title ends with (Forewarn page #N) are applied, others "
            + "ignored",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "acknowledged in PagerDuty", value = """
                            {"event": {"id": "01DEN4HPBQAJZ3CUCW3MVSCB8M", "event_type": "incident.acknowledged",
                            "resource_type": "incident", "occurred_at": "2026-03-02T10:07:12.000Z",
                            "agent": {"type": "user_reference", "summary": "Alice Chen"},
                            "data": {"id": "Q2UXSWMZ4D1HCY", "type": "incident",
                            "title": "[L1] zendesk/4711 first response due in 5m (Forewarn page #88)"}}}""")))
    @APIResponse(responseCode = "204", description = "Applied, ignored (not Forewarn's) or already applied (replay)")
    @APIResponse(responseCode = "400", description = "The body is not JSON")
    @APIResponse(responseCode = "401", description = "Missing or wrong signature")
    @APIResponse(responseCode = "404", description = "PagerDuty webhooks are not configured "
            + "(forewarn.paging.pagerduty-webhook-secret)")
    public Uni<Response> receive(@HeaderParam("X-PagerDuty-Signature") String signatures, byte[] body) {
        String secret = config.paging().pagerdutyWebhookSecret().orElse(null);
        if (secret == null) {
            return Uni.createFrom().item(Response.status(404).entity(ApiError.of(
                    "PagerDuty webhooks are not configured (forewarn.paging.pagerduty-webhook-secret)")).build());
        }
        if (!signed(secret, signatures, body == null ? new byte[0] : body)) {
            LOG.warn("PagerDuty webhook: request with a missing or wrong signature rejected");
            return Uni.createFrom().item(Response.status(401).entity(ApiError.of("signature rejected")).build());
        }
        JsonNode event;
        try {
            event = mapper.readTree(body).path("event");
        } catch (Exception e) {
            return Uni.createFrom().item(Response.status(400).entity(ApiError.of("malformed JSON")).build());
        }
        String type = event.path("event_type").asText("");
        String title = event.path("data").path("title").asText("");
        // Signed, but still text from outside that lands in the audit trail: no control characters, bounded.
        String agent = InputRules.clean(event.path("agent").path("summary").asText("someone"), 100);
        Matcher m = PAGE_REF.matcher(title);
        if (!m.find() || !(type.equals("incident.acknowledged") || type.equals("incident.resolved"))) {
            // Other events and other incidents are none of Forewarn's business; PagerDuty expects a 2xx anyway.
            return Uni.createFrom().item(Response.noContent().build());
        }
        long pageId = Long.parseLong(m.group(1));
        // PagerDuty's v3 payload has no timestamp to bound. What was signed is the body, so a body seen before is
        // a replay whatever its signature header looks like (letter case, order, an extra rotated signature), and
        // with or without an event id.
        String eventId = event.path("id").asText("");
        Uni<Boolean> first = replays.firstTime("pagerduty:" + sha256(body), clock.instant());
        return first.chain(isFirst -> {
            if (!isFirst) {
                LOG.warnf("PagerDuty webhook: event %s was already applied; replay ignored", eventId.isEmpty() ? "(no id)" : clip(eventId));
                return Uni.createFrom().item(Response.noContent().build());
            }
            Uni<PageActions.Outcome> done = type.equals("incident.acknowledged")
                    ? actions.acknowledge(pageId, "pagerduty:" + agent, "pagerduty")
                    : actions.resolve(pageId, "pagerduty:" + agent, "resolved in PagerDuty by " + agent);
            return done.map(o -> Response.noContent().build());
        });
    }

    private static String clip(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "…";
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean signed(String secret, String header, byte[] body) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected = HmacSigner.hmacSha256(HmacSigner.key(secret), new byte[0], body);
        // Several signatures may be present while PagerDuty rotates the secret: any one matching is enough.
        for (String part : header.split(",")) {
            String p = part.trim();
            if (p.startsWith("v1=")) {
                try {
                    if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(p.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException malformed) {
                    // A malformed signature simply does not match.
                }
            }
        }
        return false;
    }
}
