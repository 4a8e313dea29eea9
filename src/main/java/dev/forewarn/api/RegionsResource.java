package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.incident.Incident;
import dev.forewarn.incident.IncidentRepository;
import dev.forewarn.maintenance.MaintenanceWindowRepository;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.RegionStatusRepository;
import dev.forewarn.quality.RegionStatusRow;
import dev.forewarn.quality.model.RegionEvidence;
import dev.forewarn.quality.model.RegionState;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Regions with their current state and the evidence behind it. */
@Path("/api/regions")
@Produces(MediaType.APPLICATION_JSON)
public class RegionsResource {

    @Inject
    RegionCatalog catalog;
    @Inject
    RegionStatusRepository statuses;
    @Inject
    IncidentRepository incidents;
    @Inject
    MaintenanceWindowRepository maintenance;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    @GET
    @WithSession
    @Operation(summary = "Lists every region with its observed and settled state and the evidence behind it.")
    public Uni<List<Views.RegionView>> list() {
        Instant now = clock.instant();
        return statuses.listAll().chain(rows -> incidents.list("status", Incident.OPEN)
                .chain(open -> maintenance.forRegion(null, now).map(windows -> {
                    Map<String, RegionStatusRow> byRegion = rows.stream()
                            .collect(Collectors.toMap(r -> r.regionId, Function.identity()));
                    Map<String, Long> openByRegion = open.stream()
                            .collect(Collectors.toMap(i -> i.regionId, i -> i.id, (a, b) -> a));
                    return catalog.all().stream().map(r -> view(r, byRegion.get(r.id()), openByRegion.get(r.id()),
                            windows.stream().anyMatch(w -> w.regionId.equals(r.id()) && w.covers(now)))).toList();
                })));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "Shows one region with its observed and settled state and the evidence behind it.")
    public Uni<Views.RegionView> get(@PathParam("id") String id) {
        if (!catalog.exists(id)) {
            throw new NotFoundException("unknown region '" + id + "'");
        }
        return list().map(all -> all.stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow());
    }

    private Views.RegionView view(RegionCatalog.Region r, RegionStatusRow row, Long openIncident, boolean inMaintenance) {
        if (row == null) {
            return new Views.RegionView(r.id(), r.displayName(), r.source(), r.nodes().size(),
                    RegionState.UNKNOWN.name(), RegionState.UNKNOWN.name(), RegionState.UNKNOWN.name(), null, null,
                    null, null, openIncident, inMaintenance);
        }
        String shown = RegionState.UNKNOWN.name().equals(row.observedState) ? row.observedState : row.settledState;
        return new Views.RegionView(r.id(), r.displayName(), r.source(), r.nodes().size(), shown, row.observedState,
                row.settledState, row.pendingState, row.pendingSince, row.evaluatedAt, evidence(mapper, row.evidence), openIncident,
                inMaintenance);
    }

    static RegionEvidence evidence(ObjectMapper mapper, String json) {
        try {
            return json == null ? null : mapper.readValue(json, RegionEvidence.class);
        } catch (Exception e) {
            return null;
        }
    }
}
