package dev.forewarn.console;

import dev.forewarn.escalation.PageActions;
import dev.forewarn.security.AckLinks;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The page behind every acknowledge and resolve link (PagerDuty's link, Slack's button, the email): a GET shows what
 * the page is about and never changes anything; its button POSTs the action. Acting twice is harmless and says so.
 * Signed-in console users reach the same page without a link; they need the operator role and the form's CSRF token.
 */
@Path("/console/pages/{id}")
@Produces(MediaType.TEXT_HTML)
public class PageLinkResource {

    @Inject
    PageActions actions;
    @Inject
    ConsoleViewer viewer;
    @Inject
    ConsoleChrome chrome;
    @Inject
    ConsoleSessions sessions;
    @Inject
    AckLinks links;

    @GET
    @Path("ack")
    @Operation(hidden = true)
    public Uni<Response> showAck(@PathParam("id") long id, @CookieParam(ViewerTime.COOKIE) String zone,
                                 @Context UriInfo uri) {
        return show(id, AckLinks.Action.ACK, zone, uri, null, null);
    }

    @GET
    @Path("resolve")
    @Operation(hidden = true)
    public Uni<Response> showResolve(@PathParam("id") long id, @CookieParam(ViewerTime.COOKIE) String zone,
                                     @Context UriInfo uri) {
        return show(id, AckLinks.Action.RESOLVE, zone, uri, null, null);
    }

    @POST
    @Path("ack")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> acknowledge(@PathParam("id") long id, @FormParam("by") String by,
                                     @FormParam("csrf") String csrf, @CookieParam(ViewerTime.COOKIE) String zone,
                                     @Context UriInfo uri) {
        String refused = refusal(id, AckLinks.Action.ACK, csrf);
        if (refused != null) {
            return show(id, AckLinks.Action.ACK, zone, uri, refused, "warn").map(r -> status(r, 403));
        }
        return actions.acknowledge(id, actor(by), via(id, AckLinks.Action.ACK)).chain(outcome -> switch (outcome) {
            case DONE -> show(id, AckLinks.Action.ACK, zone, uri, "Acknowledged. Escalation stops for this deadline.",
                    "done");
            case ALREADY -> show(id, AckLinks.Action.ACK, zone, uri,
                    "Already acknowledged — nothing changed.", "warn");
            case RESOLVED_ALREADY -> show(id, AckLinks.Action.ACK, zone, uri,
                    "This page is already resolved — nothing to acknowledge.", "warn");
            case NOT_FOUND -> Uni.createFrom().item(notFound(id));
        });
    }

    @POST
    @Path("resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> resolve(@PathParam("id") long id, @FormParam("by") String by,
                                 @FormParam("reason") String reason, @FormParam("csrf") String csrf,
                                 @CookieParam(ViewerTime.COOKIE) String zone, @Context UriInfo uri) {
        String refused = refusal(id, AckLinks.Action.RESOLVE, csrf);
        if (refused != null) {
            return show(id, AckLinks.Action.RESOLVE, zone, uri, refused, "warn").map(r -> status(r, 403));
        }
        String actor = actor(by);
        String why = reason == null || reason.isBlank() ? "resolved by " + actor : reason.strip();
        return actions.resolve(id, actor, why.length() > 500 ? why.substring(0, 500) : why)
                .chain(outcome -> switch (outcome) {
                    case DONE -> show(id, AckLinks.Action.RESOLVE, zone, uri, "Resolved.", "done");
                    case ALREADY, RESOLVED_ALREADY -> show(id, AckLinks.Action.RESOLVE, zone, uri,
                            "Already resolved — nothing changed.", "warn");
                    case NOT_FOUND -> Uni.createFrom().item(notFound(id));
                });
    }

    private Uni<Response> show(long id, AckLinks.Action action, String zone, UriInfo uri, String message,
                               String kind) {
        return PageFacts.load(id).map(page -> {
            if (page == null) {
                return notFound(id);
            }
            boolean link = viewer.holdsLinkFor(id, action);
            boolean canAct = link || viewer.mayOperate();
            String self = uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
            String resolveUrl = action == AckLinks.Action.RESOLVE ? self
                    : link ? AckLinks.path(id, AckLinks.Action.RESOLVE) + links.query(id, AckLinks.Action.RESOLVE)
                    : AckLinks.path(id, AckLinks.Action.RESOLVE);
            String actUrl = action == AckLinks.Action.ACK ? self : null;
            String actor = viewer.session() != null ? viewer.session().name()
                    : page.assignee() != null ? page.assignee() : "";
            String title = (action == AckLinks.Action.ACK ? "Acknowledge" : "Resolve") + " page #" + id;
            Chrome c = chrome.still(viewer, title, zone, self);
            return Response.fromResponse(ConsoleResource.html(Templates.pageAction(c, page, action.segment(), actUrl,
                            resolveUrl, actor, canAct, "your key's role is viewer; acting needs operator.", message,
                            kind == null ? "" : kind)))
                    .header("Referrer-Policy", "no-referrer").build();
        });
    }

    /** Why this POST may not act, or null when it may: the link for this very action, or an operator's session. */
    private String refusal(long id, AckLinks.Action action, String csrf) {
        if (viewer.holdsLinkFor(id, action)) {
            return null;
        }
        if (viewer.session() == null) {
            return "This link does not allow that.";
        }
        if (!sessions.csrfValid(viewer.session(), csrf)) {
            return "The form was stale or did not come from this console — nothing changed. Try again.";
        }
        return viewer.mayOperate() ? null : "Your key's role may not act on pages (it needs operator) — nothing changed.";
    }

    private String actor(String by) {
        if (by != null && !by.isBlank()) {
            String name = by.strip();
            return name.length() > 100 ? name.substring(0, 100) : name;
        }
        return viewer.session() != null ? viewer.session().name() : "ack-link";
    }

    private String via(long id, AckLinks.Action action) {
        return viewer.holdsLinkFor(id, action) ? "link" : "console";
    }

    private static Response notFound(long id) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity("<!DOCTYPE html><title>No such page</title><p>There is no page #" + id + ".</p>").build();
    }

    private static Response status(Response r, int status) {
        return Response.fromResponse(r).status(status).build();
    }
}
