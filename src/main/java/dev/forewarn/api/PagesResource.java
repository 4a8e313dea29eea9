package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.forewarn.rest.ApiError;
import dev.forewarn.security.InputRules;
import dev.forewarn.escalation.PageActions;
import dev.forewarn.ticket.TicketStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Pages with their audit trail (who was paged, when, over which channel, every acknowledgement and resolve). */
@Path("/api/pages")
@Produces(MediaType.APPLICATION_JSON)
public class PagesResource {

    /** A page in a list. */
    @Schema(example = """
            {"id": 88, "ticket": "zendesk/4711", "deadline": "FIRST_RESPONSE", "stage": "L1-warning", "tier": "L1",
            "routedTier": "L1", "team": "network", "assignee": "Alice Chen", "status": "OPEN",
            "dedupKey": "forewarn-zendesk-4711-first-response-L1-warning-L1", "regionIncident": null,
            "why": "first response due in 5m", "breachAt": "2026-03-02T10:10:00Z", "pagedAt": "2026-03-02T10:05:00Z",
            "acknowledgedAt": null, "acknowledgedBy": null, "resolvedAt": null, "resolvedWhy": null}""")
    public record PageView(long id, String ticket, String deadline, String stage, String tier, String routedTier,
                           String team, String assignee, String status, String dedupKey, Long regionIncident,
                           String why, Instant breachAt, Instant pagedAt, Instant acknowledgedAt,
                           String acknowledgedBy, Instant resolvedAt, String resolvedWhy) {
    }

    /** One audit entry. */
    @Schema(example = """
            {"at": "2026-03-02T10:07:00Z", "kind": "ACKNOWLEDGED", "actor": "Alice Chen", "detail": "via pagerduty"}""")
    public record EventView(Instant at, String kind, String actor, String detail) {
    }

    /** One delivery on one channel. */
    @Schema(example = """
            {"action": "TRIGGER", "channel": "pagerduty", "status": "SENT", "attempts": 1,
            "sentAt": "2026-03-02T10:05:01Z", "lastError": null}""")
    public record DeliveryView(String action, String channel, String status, int attempts, Instant sentAt,
                               String lastError) {
    }

    /** A page with its audit trail and deliveries. */
    @Schema(example = """
            {"page": {"id": 88, "ticket": "zendesk/4711", "deadline": "FIRST_RESPONSE", "stage": "L1-warning",
            "tier": "L1", "routedTier": "L1", "team": "network", "assignee": "Alice Chen", "status": "OPEN",
            "dedupKey": "forewarn-zendesk-4711-first-response-L1-warning-L1", "regionIncident": null,
            "why": "first response due in 5m", "breachAt": "2026-03-02T10:10:00Z", "pagedAt": "2026-03-02T10:05:00Z",
            "acknowledgedAt": null, "acknowledgedBy": null, "resolvedAt": null, "resolvedWhy": null},
            "events": [{"at": "2026-03-02T10:05:00Z", "kind": "TRIGGERED", "actor": "forewarn",
            "detail": "first response due in 5m; on call: Alice Chen"}], "deliveries": [{"action": "TRIGGER",
            "channel": "pagerduty", "status": "SENT", "attempts": 1, "sentAt": "2026-03-02T10:05:01Z",
            "lastError": null}]}""")
    public record PageDetail(PageView page, List<EventView> events, List<DeliveryView> deliveries) {
    }

    /** What an action did. */
    @Schema(example = """
            {"result": "done"}""")
    public record ActionResult(String result) {
    }

    static final String COLUMNS = "id, source || '/' || ticket_id, deadline, stage, tier, routed_tier, team, "
            + "assignee, status, dedup_key, incident_id, why, breach_at, paged_at, acknowledged_at, acknowledged_by, "
            + "resolved_at, resolved_why";

    @Inject
    PageActions actions;
    @Inject
    dev.forewarn.security.CurrentCaller caller;

    @GET
    @Operation(summary = "Lists pages newest first, by status and ticket; X-Total-Count and X-Next-Cursor headers "
            + "page through them.")
    public Uni<RestResponse<List<PageView>>> list(@QueryParam("status") String status,
                                                  @QueryParam("ticket") String ticket,
                                                  @QueryParam("limit") @DefaultValue("100") int limit,
                                                  @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        String st = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (st != null && !Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(st)) {
            throw new BadRequestException("status must be OPEN, ACKNOWLEDGED or RESOLVED");
        }
        if (ticket != null) {
            InputRules.line(ticket, 2 * InputRules.MAX_ID).ifPresent(p -> {
                throw new BadRequestException("ticket " + p);
            });
        }
        int n = Paging.limit(limit);
        String[] after = Paging.key(cursor, "pages", 1);
        long before = after == null ? Long.MAX_VALUE : Paging.number(after[0]);
        String where = " FROM page WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                + " AND (CAST(:ticket AS text) IS NULL OR source || '/' || ticket_id = :ticket)";
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("SELECT count(*)" + where,
                        Long.class).setParameter("status", st).setParameter("ticket", ticket).getSingleResult()
                .chain(total -> s.createNativeQuery("SELECT " + COLUMNS + where + " AND id < :before"
                                + " ORDER BY id DESC LIMIT :limit", Object[].class)
                        .setParameter("status", st).setParameter("ticket", ticket).setParameter("before", before)
                        .setParameter("limit", n + 1).getResultList()
                        .map(rows -> {
                            List<PageView> shown = Paging.cut(rows, n).stream().map(PagesResource::view).toList();
                            String next = rows.size() > n
                                    ? Paging.cursor("pages", Long.toString(shown.get(shown.size() - 1).id())) : null;
                            return Paging.answer(new Paging.Page<>(shown, total, next), uri);
                        }))));
    }

    /** Pages not resolved yet, newest first (for the console). */
    public Uni<List<PageView>> unresolved(int limit) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS
                        + " FROM page WHERE status <> 'RESOLVED' ORDER BY id DESC LIMIT :limit", Object[].class)
                .setParameter("limit", limit).getResultList()))
                .map(rows -> rows.stream().map(PagesResource::view).toList());
    }

    /**
     * Links in pages sent before the console existed point here; a browser opening one is sent on to the same
     * page in the console, keeping the signed query.
     */
    @GET
    @Path("{id}/{action: ack|resolve}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(hidden = true)
    public Response openLink(@PathParam("id") long id, @PathParam("action") String action, @Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return Response.seeOther(java.net.URI.create("/console/pages/" + id + "/" + action
                + (query == null ? "" : "?" + query))).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Shows one page with its audit trail and its deliveries per channel.")
    public Uni<PageDetail> get(@PathParam("id") long id) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS
                        + " FROM page WHERE id = :id", Object[].class).setParameter("id", id).getResultList()
                .chain(rows -> {
                    if (rows.isEmpty()) {
                        throw new NotFoundException("no page #" + id);
                    }
                    PageView page = view(rows.get(0));
                    return s.createNativeQuery("SELECT at, kind, actor, detail FROM page_event WHERE page_id = :id "
                                    + "ORDER BY id", Object[].class).setParameter("id", id).getResultList()
                            .chain(events -> s.createNativeQuery("SELECT action, channel, status, attempts, sent_at, "
                                            + "last_error FROM page_delivery WHERE dedup_key = :key ORDER BY id",
                                            Object[].class).setParameter("key", page.dedupKey()).getResultList()
                                    .map(deliveries -> new PageDetail(page,
                                            events.stream().map(e -> new EventView(TicketStore.toInstant(e[0]),
                                                    (String) e[1], (String) e[2], (String) e[3])).toList(),
                                            deliveries.stream().map(d -> new DeliveryView((String) d[0],
                                                    (String) d[1], (String) d[2], ((Number) d[3]).intValue(),
                                                    TicketStore.toInstant(d[4]), (String) d[5])).toList())));
                })));
    }

    @POST
    @Path("{id}/ack")
    @Operation(summary = "Acknowledges a page (and the pages grouped with it); acknowledging twice is harmless.")
    @APIResponse(responseCode = "200", description = "Done, or nothing to do because it already was",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "404", description = "No such page")
    @APIResponse(responseCode = "409", description = "The page is already resolved")
    public Uni<Response> acknowledge(@PathParam("id") long id, @QueryParam("by") String by) {
        String actor = actor(by);
        return actions.acknowledge(id, actor, "api").map(PagesResource::answer);
    }

    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolves a page (and the pages grouped with it); resolving twice is harmless.")
    @APIResponse(responseCode = "200", description = "Done, or nothing to do because it already was",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ActionResult.class)))
    @APIResponse(responseCode = "404", description = "No such page")
    @APIResponse(responseCode = "409", description = "The page is already resolved")
    public Uni<Response> resolve(@PathParam("id") long id, @QueryParam("by") String by,
                                 @QueryParam("reason") String reason) {
        String actor = actor(by);
        if (reason != null) {
            InputRules.line(reason, 500).ifPresent(p -> {
                throw new BadRequestException("reason " + p);
            });
        }
        String why = reason != null && !reason.isBlank() ? reason.strip() : "resolved by " + actor;
        return actions.resolve(id, actor, why).map(PagesResource::answer);
    }

    private String actor(String by) {
        String actor = by;
        if (actor == null || actor.isBlank()) {
            // Without a name, the audit trail records the API key (or "ack-link") that acted.
            return caller.name() == null ? "api" : caller.name();
        }
        actor = actor.strip();
        InputRules.line(actor, 100).ifPresent(p -> {
            throw new BadRequestException("by " + p);
        });
        return actor;
    }

    private static Response answer(PageActions.Outcome outcome) {
        return switch (outcome) {
            case DONE -> Response.ok(new ActionResult("done")).build();
            case ALREADY -> Response.ok(new ActionResult("nothing to do: already in that state")).build();
            case NOT_FOUND -> Response.status(404).entity(ApiError.of("no such page")).build();
            case RESOLVED_ALREADY -> Response.status(409).entity(ApiError.of("the page is already resolved")).build();
        };
    }

    static PageView view(Object[] r) {
        return new PageView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[11], TicketStore.toInstant(r[12]),
                TicketStore.toInstant(r[13]), TicketStore.toInstant(r[14]), (String) r[15],
                TicketStore.toInstant(r[16]), (String) r[17]);
    }
}
