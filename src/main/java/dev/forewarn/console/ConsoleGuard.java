package dev.forewarn.console;

import dev.forewarn.security.AckLinks;
import dev.forewarn.security.ApiKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Lets into /console only a signed-in session (see {@link ConsoleSessions}) or, for a page's acknowledge and resolve
 * pages, the holder of that page's signed link; everybody else is sent to the sign-in form. With API keys turned
 * off (the demo) everybody is let in as an admin.
 */
public class ConsoleGuard {
    private static final Pattern LINK = Pattern.compile("/console/pages/(\\d{1,18})/(ack|resolve)/?");

    @Inject
    ApiKeys keys;
    @Inject
    ConsoleSessions sessions;
    @Inject
    AckLinks links;
    @Inject
    ConsoleViewer viewer;
    @Inject
    Clock clock;

    @ServerRequestFilter
    public Optional<Response> guard(ContainerRequestContext ctx) {
        String path = ctx.getUriInfo().getRequestUri().getPath();
        if (!path.equals("/console") && !path.startsWith("/console/")) {
            return Optional.empty();
        }
        if (path.equals("/console/login") || path.equals("/console/logout") || path.equals("/console/zone")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!keys.enabled()) {
            viewer.signedIn(sessions.anonymous(now));
        } else {
            Cookie cookie = ctx.getCookies().get(ConsoleSessions.COOKIE);
            sessions.read(cookie == null ? null : cookie.getValue(), now).ifPresent(viewer::signedIn);
        }
        Matcher link = LINK.matcher(path);
        if (link.matches()) {
            var query = ctx.getUriInfo().getQueryParameters();
            long page = Long.parseLong(link.group(1));
            AckLinks.Action action = AckLinks.Action.of(link.group(2)).orElseThrow();
            if (links.valid(page, action, query.getFirst("expires"), query.getFirst("token"))) {
                viewer.holdsLink(page, action);
                return Optional.empty();
            }
            if (viewer.session() == null && query.getFirst("token") != null) {
                return Optional.of(Response.status(403).type(MediaType.TEXT_HTML_TYPE).entity("<!DOCTYPE html>"
                        + "<title>Link expired</title><p>This link is not valid or has expired. "
                        + "<a href=\"/console/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8)
                        + "\">Sign in to the console</a> to act on page #" + page + ".</p>").build());
            }
        }
        if (viewer.session() != null) {
            return Optional.empty();
        }
        if (ctx.getMethod().equals("GET") || ctx.getMethod().equals("HEAD")) {
            String next = ctx.getUriInfo().getRequestUri().getRawPath()
                    + (ctx.getUriInfo().getRequestUri().getRawQuery() == null ? ""
                    : "?" + ctx.getUriInfo().getRequestUri().getRawQuery());
            return Optional.of(Response.seeOther(URI.create("/console/login?next="
                    + URLEncoder.encode(next, StandardCharsets.UTF_8))).build());
        }
        return Optional.of(Response.status(401).type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Sign in at /console/login first (or use an unexpired link from the page).").build());
    }
}
