package dev.forewarn.console;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.security.ApiKeys;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * Signing in and out of the console with an API key, and the viewer's time-zone preference. The session cookie is
 * HttpOnly, SameSite=Strict, Secure when the console is reached over HTTPS, and expires with the session.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class LoginResource {
    private static final Logger LOG = Logger.getLogger(LoginResource.class);

    @Inject
    ApiKeys keys;
    @Inject
    ConsoleSessions sessions;
    @Inject
    ConsoleChrome chrome;
    @Inject
    ConsoleViewer viewer;
    @Inject
    ForewarnConfig config;
    @Inject
    ConsoleConfig console;
    @Inject
    Clock clock;

    @GET
    @Path("login")
    @Operation(hidden = true)
    public Response form(@QueryParam("next") String next, @CookieParam(ViewerTime.COOKIE) String zone) {
        return ConsoleResource.html(Templates.login(chrome.still(null, "Sign in", zone, "/console/login"),
                safeNext(next), null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signIn(@FormParam("key") String key, @FormParam("next") String next,
                           @CookieParam(ViewerTime.COOKIE) String zone, @Context UriInfo uri) {
        var who = keys.identify(key);
        if (who.isEmpty()) {
            LOG.infof("Console sign-in refused: the key matches no configured API key");
            return Response.fromResponse(ConsoleResource.html(Templates.login(chrome.still(null, "Sign in", zone,
                    "/console/login"), safeNext(next), "That key is not a valid API key."))).status(401).build();
        }
        ConsoleSessions.Session s = sessions.open(who.get().name(), who.get().role(), clock.instant());
        LOG.infof("Console sign-in: %s (%s)", s.name(), s.role());
        return Response.seeOther(URI.create(safeNext(next))).cookie(cookie(s.cookie(),
                console.sessionValidity(), uri)).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response signOut(@Context UriInfo uri) {
        // No CSRF check needed: signing somebody out is the one harm a forged request could do, and it is harmless.
        return Response.seeOther(URI.create("/console/login")).cookie(cookie("", Duration.ZERO, uri)).build();
    }

    /** Remembers the viewer's time zone (a preference, not state: a cookie only) and goes back. */
    @GET
    @Path("zone")
    @Operation(hidden = true)
    public Response zone(@QueryParam("tz") String tz, @QueryParam("back") String back) {
        String target = back != null && (back.startsWith("/console/") || back.equals("/console"))
                && !back.startsWith("//") ? back : "/console";
        var zone = ViewerTime.zoneOf(tz);
        Response.ResponseBuilder r = Response.seeOther(URI.create(target.replace(" ", "%20")));
        zone.ifPresent(z -> r.cookie(new NewCookie.Builder(ViewerTime.COOKIE)
                .value(java.net.URLEncoder.encode(z.getId().equals("Z") ? "UTC" : z.getId(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .path("/").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.STRICT).build()));
        return r.build();
    }

    private NewCookie cookie(String value, Duration validity, UriInfo uri) {
        boolean https = "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || config.paging().publicUrl().startsWith("https:");
        return new NewCookie.Builder(ConsoleSessions.COOKIE).value(value).path("/console")
                .maxAge((int) validity.getSeconds()).httpOnly(true).secure(https)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** Where to go after signing in: only a console path, never another site. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/console") || next.startsWith("//") || next.contains("\\")
                || next.startsWith("/console/login")) {
            return "/console";
        }
        return next;
    }
}
