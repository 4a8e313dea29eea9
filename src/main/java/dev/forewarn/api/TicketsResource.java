package dev.forewarn.api;

import dev.forewarn.sla.model.Severity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;

/** Tickets with their SLA state: both deadlines, the warning stage reached, the pages sent and the status history. */
@Path("/api/tickets")
@Produces(MediaType.APPLICATION_JSON)
public class TicketsResource {
    private static final Set<String> STATES = Set.of("open", "at-risk", "breached", "paused", "all");

    @Inject
    TicketQueries queries;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Lists tickets soonest breach first, filtered by SLA state, severity, team and customer; "
            + "X-Total-Count and X-Next-Cursor headers page through them.")
    public Uni<RestResponse<List<TicketViews.TicketView>>> list(
            @QueryParam("state") @DefaultValue("open") String state, @QueryParam("severity") String severity,
            @QueryParam("team") String team, @QueryParam("customer") String customer,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        String st = state.toLowerCase(Locale.ROOT);
        if (!STATES.contains(st)) {
            throw new BadRequestException("state must be open, at-risk, breached, paused or all");
        }
        Severity sev = null;
        if (severity != null) {
            try {
                sev = Severity.valueOf(severity.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException("severity must be urgent, important or general");
            }
        }
        var filter = new TicketQueries.Filter(st, sev, blankToNull(team, "team"), blankToNull(customer, "customer"),
                Paging.limit(limit), cursor);
        return queries.list(filter, clock.instant()).map(page -> Paging.answer(page, uri));
    }

    @GET
    @Path("{source}/{id}")
    @Operation(summary = "Shows one ticket with both SLA clocks, its warning stage, its pages and its status history.")
    public Uni<TicketViews.TicketView> get(@PathParam("source") String source, @PathParam("id") String id) {
        return queries.get(source, id, clock.instant()).map(t -> {
            if (t == null) {
                throw new NotFoundException("no ticket " + source + "/" + id);
            }
            return t;
        });
    }

    private static String blankToNull(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw new BadRequestException(field + " must be at most 200 characters");
        }
        return value.strip();
    }
}
