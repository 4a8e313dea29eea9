package dev.forewarn.security;

import dev.forewarn.rest.ApiError;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerRequest;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Authenticates every /api request with an API key ({@code Authorization: Bearer <key>} or {@code X-Api-Key})
 * and checks the role {@link AccessRules} asks for: 401 without a valid key, 403 with too small a role. Health,
 * metrics and OpenAPI under /q stay open and carry no customer data.
 */
public class ApiKeyFilter {
    private static final Pattern ACTION_LINK = Pattern.compile("/api/pages/(\\d{1,18})/(ack|resolve)/?");

    @Inject
    ApiKeys keys;
    @Inject
    AckLinks links;
    @Inject
    CurrentCaller caller;
    @Inject
    AuthFailures failures;

    @ServerRequestFilter
    public Optional<Response> authenticate(ContainerRequestContext ctx, HttpServerRequest request) {
        String path = ctx.getUriInfo().getRequestUri().getPath();
        Optional<Role> required = AccessRules.required(ctx.getMethod(), path);
        if (required.isEmpty() || !keys.enabled()) {
            return Optional.empty();
        }
        String client = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        Optional<java.time.Duration> wait = failures.waitFor(client);
        if (wait.isPresent()) {
            long seconds = Math.max(1, wait.get().toSeconds() + (wait.get().toNanosPart() > 0 ? 1 : 0));
            return Optional.of(Response.status(429).header("Retry-After", seconds).type(MediaType.APPLICATION_JSON)
                    .entity(ApiError.of("too many failed authentications from this address; retry in " + seconds
                            + " s")).build());
        }
        Matcher link = ACTION_LINK.matcher(path);
        if (link.matches() && Set.of("GET", "HEAD", "POST").contains(ctx.getMethod())) {
            // A signed link is the credential for opening its page and pressing its button, nothing else.
            var query = ctx.getUriInfo().getQueryParameters();
            AckLinks.Action action = AckLinks.Action.of(link.group(2)).orElseThrow();
            if (links.valid(Long.parseLong(link.group(1)), action, query.getFirst("expires"), query.getFirst("token"))) {
                caller.set(action == AckLinks.Action.ACK ? "ack-link" : "resolve-link");
                return Optional.empty();
            }
        }
        String presented = ctx.getHeaderString("X-Api-Key");
        String authorization = ctx.getHeaderString("Authorization");
        if (presented == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = authorization.substring(7);
        }
        Optional<ApiKeys.Caller> who = keys.identify(presented);
        if (who.isEmpty()) {
            failures.refused(presented == null || presented.isBlank() ? AuthFailures.Reason.MISSING
                    : AuthFailures.Reason.UNKNOWN_KEY, client, path);
            return Optional.of(Response.status(401).header("WWW-Authenticate", "Bearer realm=\"forewarn\"")
                    .type(MediaType.APPLICATION_JSON).entity(ApiError.of("an API key is required "
                            + "(Authorization: Bearer <key>)")).build());
        }
        if (!who.get().role().includes(required.get())) {
            failures.refused(AuthFailures.Reason.FORBIDDEN, client, path);
            return Optional.of(Response.status(403).type(MediaType.APPLICATION_JSON).entity(ApiError.of(
                    "this key's role (" + who.get().role().name().toLowerCase() + ") may not do that; it needs "
                            + required.get().name().toLowerCase())).build());
        }
        caller.set(who.get().name());
        return Optional.empty();
    }
}
