package dev.forewarn.api;

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

/** Pages with their audit trail (who was paged, when, over which channel, every acknowledgement and resolve). */
@Path("/api/pages")
@Produces(MediaType.APPLICATION_JSON)
public class PagesResource {

    /** A page in a list. */
    public record PageView(long id, String ticket, String deadline, String stage, String tier, String routedTier,
                           String team, String assignee, String status, String dedupKey, Long regionIncident,
                           String why, Instant breachAt, Instant pagedAt, Instant acknowledgedAt,
                           String acknowledgedBy, Instant resolvedAt, String resolvedWhy) {
    }

    /** One audit entry. */
    public record EventView(Instant at, String kind, String actor, String detail) {
    }

    /** One delivery on one channel. */
    public record DeliveryView(String action, String channel, String status, int attempts, Instant sentAt,
                               String lastError) {
    }

    /** A page with its audit trail and deliveries. */
    public record PageDetail(PageView page, List<EventView> events, List<DeliveryView> deliveries) {
    }

    /** What an action did. */
    public record ActionResult(String result) {
    }

    private static final String COLUMNS = "id, source || '/' || ticket_id, deadline, stage, tier, routed_tier, team, "
            + "assignee, status, dedup_key, incident_id, why, breach_at, paged_at, acknowledged_at, acknowledged_by, "
            + "resolved_at, resolved_why";

    @Inject
    PageActions actions;
    @Inject
    dev.forewarn.security.CurrentCaller caller;

    @GET
    public Uni<List<PageView>> list(@QueryParam("status") String status, @QueryParam("ticket") String ticket,
                                    @QueryParam("limit") @DefaultValue("100") int limit) {
        String st = status == null ? null : status.toUpperCase(Locale.ROOT);
        if (st != null && !Set.of("OPEN", "ACKNOWLEDGED", "RESOLVED").contains(st)) {
            throw new BadRequestException("status must be OPEN, ACKNOWLEDGED or RESOLVED");
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000");
        }
        if (ticket != null) {
            InputRules.line(ticket, 2 * InputRules.MAX_ID).ifPresent(p -> {
                throw new BadRequestException("ticket " + p);
            });
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery("SELECT " + COLUMNS
                        + " FROM page WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + " AND (CAST(:ticket AS text) IS NULL OR source || '/' || ticket_id = :ticket)"
                        + " ORDER BY id DESC LIMIT :limit", Object[].class)
                .setParameter("status", st).setParameter("ticket", ticket).setParameter("limit", limit)
                .getResultList()))
                .map(rows -> rows.stream().map(PagesResource::view).toList());
    }

    @GET
    @Path("{id}")
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
    public Uni<Response> acknowledge(@PathParam("id") long id, @QueryParam("by") String by) {
        String actor = actor(by);
        return actions.acknowledge(id, actor, "api").map(PagesResource::answer);
    }

    @POST
    @Path("{id}/resolve")
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

    private static PageView view(Object[] r) {
        return new PageView(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], (String) r[8], (String) r[9],
                r[10] == null ? null : ((Number) r[10]).longValue(), (String) r[11], TicketStore.toInstant(r[12]),
                TicketStore.toInstant(r[13]), TicketStore.toInstant(r[14]), (String) r[15],
                TicketStore.toInstant(r[16]), (String) r[17]);
    }
}
