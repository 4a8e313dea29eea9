package dev.forewarn.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.customer.model.SkipReason;
import dev.forewarn.incident.IncidentEventRepository;
import dev.forewarn.incident.IncidentRepository;
import dev.forewarn.notify.NoticeRepository;
import dev.forewarn.security.InputRules;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
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
import jakarta.ws.rs.core.MediaType;
import dev.forewarn.incident.Incident;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestResponse;
import java.util.Locale;
import java.util.Set;

/** Region incidents with their timeline and the notices sent for them. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

    @Inject
    IncidentRepository incidents;
    @Inject
    IncidentEventRepository events;
    @Inject
    NoticeRepository notices;
    @Inject
    ObjectMapper mapper;

    @GET
    @WithSession
    @Operation(summary = "Lists region incidents newest first, by state and region; X-Total-Count and "
            + "X-Next-Cursor headers page through them.")
    public Uni<RestResponse<List<Views.IncidentSummary>>> list(@QueryParam("state") String state,
                                                               @QueryParam("region") String region,
                                                               @QueryParam("limit") @DefaultValue("100") int limit,
                                                               @QueryParam("cursor") String cursor,
                                                               @Context UriInfo uri) {
        String status = state == null ? null : state.toUpperCase(Locale.ROOT);
        if (status != null && !Set.of("OPEN", "RESOLVED").contains(status)) {
            throw new BadRequestException("state must be OPEN or RESOLVED");
        }
        InputRules.line(region, InputRules.MAX_ID).ifPresent(p -> {
            throw new BadRequestException("region " + p);
        });
        int n = Paging.limit(limit);
        String[] after = Paging.key(cursor, "incidents", 2);
        Instant openedBefore = after == null ? null
                : Instant.EPOCH.plus(Paging.number(after[0]), ChronoUnit.MICROS);
        Long idBefore = after == null ? null : Paging.number(after[1]);
        return incidents.countMatching(status, region).chain(total ->
                incidents.search(status, region, openedBefore, idBefore, n + 1).map(rows -> {
                    List<Incident> shown = Paging.cut(rows, n);
                    String next = null;
                    if (rows.size() > n) {
                        Incident last = shown.get(shown.size() - 1);
                        next = Paging.cursor("incidents",
                                Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, last.openedAt)),
                                Long.toString(last.id));
                    }
                    return Paging.answer(new Paging.Page<>(shown.stream().map(Views.IncidentSummary::of).toList(),
                            total, next), uri);
                }));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Shows one region incident with its timeline and the delivery of every notice.")
    public Uni<Views.IncidentView> get(@PathParam("id") long id) {
        return incidents.findById(id).chain(incident -> {
            if (incident == null) {
                throw new NotFoundException("no incident #" + id);
            }
            return events.timeline(id).chain(timeline -> notices.forIncident(id).chain(ns -> notices.skippedFor(id)
                    .map(skipped -> new Views.IncidentView(
                    Views.IncidentSummary.of(incident), RegionsResource.evidence(mapper, incident.evidence),
                    timeline.stream().map(e -> new Views.EventView(e.id, e.since == null ? e.at : e.since, e.at,
                            e.kind, e.fromState, e.toState, e.noticeKind, e.muted,
                            RegionsResource.evidence(mapper, e.evidence))).toList(),
                    ns.stream().map(Views.NoticeView::of).toList(),
                    skipped.stream().map(s -> new Views.SkipView(s.eventId(), s.customerId(), s.reason(),
                            SkipReason.valueOf(s.reason()).explanation())).toList()))));
        });
    }
}
