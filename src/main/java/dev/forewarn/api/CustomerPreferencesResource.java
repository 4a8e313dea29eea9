package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.forewarn.rest.ApiError;
import dev.forewarn.customer.Customer;
import dev.forewarn.customer.CustomerRepository;
import dev.forewarn.customer.PreferenceService;
import dev.forewarn.customer.model.NoticePreferences;
import dev.forewarn.customer.model.NoticeTopic;
import dev.forewarn.security.CurrentCaller;
import dev.forewarn.customer.StatusLinks;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import dev.forewarn.security.HmacSigner;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A customer's notice preferences, status link and audit trail, as support sees and changes them. */
@Path("/api/customers/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerPreferencesResource {

    @Inject
    CustomerRepository customers;
    @Inject
    PreferenceService preferences;
    @Inject
    StatusLinks links;
    @Inject
    CurrentCaller caller;

    /** Preferences as the API shows and takes them: what the customer opted out of. */
    @Schema(example = """
            {"mutedRegions": ["ap-southeast"], "mutedTopics": ["maintenance"], "unsubscribed": []}""")
    public record PreferencesView(List<String> mutedRegions, List<String> mutedTopics, List<String> unsubscribed) {
        static PreferencesView of(NoticePreferences p) {
            return new PreferencesView(p.mutedRegions().stream().sorted().toList(), p.mutedTopicSlugs(),
                    p.unsubscribed().stream().sorted().toList());
        }
    }

    /** The customer's current status and preferences links (admin only: whoever holds them acts as the customer). */
    @Schema(example = """
            {"version": 2, "statusUrl": "https://forewarn.example.com/status/acme-classes/v2.Jq8x0fS2",
            "preferencesUrl": "https://forewarn.example.com/status/acme-classes/v2.Jq8x0fS2/preferences"}""")
    public record LinkView(int version, String statusUrl, String preferencesUrl) {
    }

    /** One audit entry. */
    @Schema(example = """
            {"at": "2026-03-02T09:30:00Z", "actor": "ops-admin", "via": "API",
            "change": "muted regions: ap-southeast"}""")
    public record AuditView(Instant at, String actor, String via, String change) {
    }

    @GET
    @Path("preferences")
    @WithSession
    @Operation(summary = "Shows what a customer opted out of: muted regions and topics, unsubscribed addresses.")
    @APIResponse(responseCode = "200", description = "What the customer opted out of",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PreferencesView.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<Response> get(@PathParam("id") String id) {
        return customers.findById(id).map(c -> c == null ? noCustomer(id)
                : Response.ok(PreferencesView.of(c.preferences())).build());
    }

    @PUT
    @Path("preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    @Operation(summary = "Replaces a customer's notice preferences; the change is recorded in the customer's audit "
            + "trail.")
    @APIResponse(responseCode = "200", description = "The preferences as stored",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PreferencesView.class)))
    @APIResponse(responseCode = "400", description = "A region, topic or address the customer does not have (named "
            + "in fields)")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<Response> put(@PathParam("id") String id, PreferencesView body) {
        if (body == null) {
            return Uni.createFrom().item(Response.status(400).entity(ApiError.of("a body is required")).build());
        }
        return customers.findById(id).chain(c -> {
            if (c == null) {
                return Uni.createFrom().item(noCustomer(id));
            }
            List<ApiError.FieldError> problems = new ArrayList<>();
            check(problems, "mutedRegions", body.mutedRegions(), Set.of(c.regions));
            check(problems, "mutedTopics", body.mutedTopics(), new HashSet<>(List.of(NoticeTopic.values()).stream()
                    .map(NoticeTopic::slug).toList()));
            check(problems, "unsubscribed", body.unsubscribed(), Set.of(c.emails));
            if (!problems.isEmpty()) {
                return Uni.createFrom().item(Response.status(400)
                        .entity(new ApiError("invalid preferences", problems)).build());
            }
            NoticePreferences next = NoticePreferences.of(orEmpty(body.mutedRegions()), orEmpty(body.mutedTopics()),
                    orEmpty(body.unsubscribed()));
            return preferences.update(id, next, caller.name() == null ? "api" : caller.name(), "API")
                    .map(changed -> Response.ok(PreferencesView.of(changed.orElseThrow().customer().preferences()))
                            .build());
        });
    }

    @GET
    @Path("status-link")
    @WithSession
    @Operation(summary = "Shows the customer's current signed status-page and preferences links (admin only).")
    @APIResponse(responseCode = "200", description = "The customer's current links",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Status links are not configured (forewarn.security.link-secret)")
    public Uni<Response> link(@PathParam("id") String id) {
        return customers.findById(id).map(c -> c == null ? noCustomer(id) : linkOf(c));
    }

    /** Revokes every status link issued so far (a forwarded email, a departed employee); returns the new link. */
    @POST
    @Path("status-link/revoke")
    @Operation(summary = "Revokes every status link issued so far and returns the new one.")
    @APIResponse(responseCode = "200", description = "The new links",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = LinkView.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    @APIResponse(responseCode = "409", description = "Status links are not configured (forewarn.security.link-secret)")
    public Uni<Response> revoke(@PathParam("id") String id) {
        return preferences.revokeLinks(id, caller.name() == null ? "api" : caller.name())
                .map(c -> c.isEmpty() ? noCustomer(id) : linkOf(c.get()));
    }

    /** A customer's webhook: https (or http) URL and the HMAC secret (16+ characters; never shown again). */
    @Schema(example = """
            {"url": "https://hooks.acme-classes.example/forewarn", "secret": "whsec-2f9c1a7b4d6e8f30"}""")
    public record WebhookInput(String url, String secret) {
    }

    /** Registers the customer's webhook; every notice is then also posted there, signed. */
    @PUT
    @Path("webhook")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Registers the customer's webhook: every notice is then also posted there, signed with its "
            + "secret.")
    @APIResponse(responseCode = "204", description = "Registered")
    @APIResponse(responseCode = "400", description = "The URL or secret is invalid (named in fields)")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<Response> setWebhook(@PathParam("id") String id, WebhookInput in) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (in == null || in.url() == null || !in.url().matches("https?://[^\\s]+") || in.url().length() > 2000) {
            problems.add(new ApiError.FieldError("url", "must be an http(s) URL"));
        } else {
            try {
                java.net.URI.create(in.url()).toURL();
            } catch (IllegalArgumentException | java.net.MalformedURLException e) {
                problems.add(new ApiError.FieldError("url", "is not a valid URL"));
            }
        }
        if (in == null || in.secret() == null || in.secret().length() < HmacSigner.MIN_SECRET_LENGTH
                || in.secret().length() > 256) {
            problems.add(new ApiError.FieldError("secret", "must be 16 to 256 characters"));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Response.status(400).entity(new ApiError("invalid webhook", problems))
                    .build());
        }
        return preferences.setWebhook(id, in.url(), in.secret(), caller.name() == null ? "api" : caller.name())
                .map(c -> c.isEmpty() ? noCustomer(id) : Response.noContent().build());
    }

    @DELETE
    @Path("webhook")
    @Operation(summary = "Removes the customer's webhook; notices go by email only.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<Response> removeWebhook(@PathParam("id") String id) {
        return preferences.setWebhook(id, null, null, caller.name() == null ? "api" : caller.name())
                .map(c -> c.isEmpty() ? noCustomer(id) : Response.noContent().build());
    }

    @GET
    @Path("audit")
    @WithSession
    @Operation(summary = "Lists who changed the customer's preferences, links and webhook, when and through what.")
    @APIResponse(responseCode = "200", description = "Audit entries, oldest first",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AuditView.class)))
    @APIResponse(responseCode = "404", description = "No such customer")
    public Uni<Response> audit(@PathParam("id") String id) {
        return customers.findById(id).chain(c -> c == null ? Uni.createFrom().item(noCustomer(id))
                : preferences.trail(id).map(trail -> Response.ok(trail.stream()
                        .map(a -> new AuditView(a.at, a.actor, a.via, a.change)).toList()).build()));
    }

    private Response linkOf(Customer c) {
        if (!links.enabled()) {
            return Response.status(409).entity(ApiError.of("status links need forewarn.security.link-secret"))
                    .build();
        }
        return Response.ok(new LinkView(c.linkVersion, links.statusUrl(c).orElseThrow(),
                links.preferencesUrl(c).orElseThrow())).build();
    }

    private static void check(List<ApiError.FieldError> problems, String field, List<String> given, Set<String> known) {
        List<String> values = orEmpty(given);
        for (int i = 0; i < values.size(); i++) {
            if (!known.contains(values.get(i))) {
                problems.add(new ApiError.FieldError(field + "[" + i + "]", "'" + values.get(i)
                        + "' is not one of the customer's " + field.replace("muted", "").toLowerCase()));
            }
        }
    }

    private static List<String> orEmpty(List<String> l) {
        return l == null ? List.of() : l;
    }

    private static Response noCustomer(String id) {
        return Response.status(404).entity(ApiError.of("no customer '" + id + "'")).build();
    }
}
