package dev.forewarn.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.customer.model.SkipReason;
import dev.forewarn.incident.IncidentEventRepository;
import dev.forewarn.incident.IncidentRepository;
import dev.forewarn.notify.NoticeRepository;
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
import java.util.List;
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
    public Uni<List<Views.IncidentSummary>> list(@QueryParam("state") String state,
                                                 @QueryParam("region") String region,
                                                 @QueryParam("limit") @DefaultValue("100") int limit) {
        String status = state == null ? null : state.toUpperCase(Locale.ROOT);
        if (status != null && !Set.of("OPEN", "RESOLVED").contains(status)) {
            throw new BadRequestException("state must be OPEN or RESOLVED");
        }
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000");
        }
        return incidents.search(status, region, limit).map(l -> l.stream().map(Views.IncidentSummary::of).toList());
    }

    @GET
    @Path("{id}")
    @WithSession
    public Uni<Views.IncidentView> get(@PathParam("id") long id) {
        return incidents.findById(id).chain(incident -> {
            if (incident == null) {
                throw new NotFoundException("no incident #" + id);
            }
            return events.timeline(id).chain(timeline -> notices.forIncident(id).chain(ns -> notices.skippedFor(id)
                    .map(skipped -> new Views.IncidentView(
                    Views.IncidentSummary.of(incident), RegionsResource.evidence(mapper, incident.evidence),
                    timeline.stream().map(e -> new Views.EventView(e.id, e.at, e.kind, e.fromState, e.toState,
                            e.noticeKind, e.muted, RegionsResource.evidence(mapper, e.evidence))).toList(),
                    ns.stream().map(Views.NoticeView::of).toList(),
                    skipped.stream().map(s -> new Views.SkipView(s.eventId(), s.customerId(), s.reason(),
                            SkipReason.valueOf(s.reason()).explanation())).toList()))));
        });
    }
}
