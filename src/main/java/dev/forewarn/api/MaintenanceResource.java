package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.forewarn.incident.MaintenanceWindow;
import dev.forewarn.incident.MaintenanceWindowRepository;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.security.InputRules;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Maintenance windows: during one, a region's quality is judged and recorded but no degradation notice is sent. */
@Path("/api/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {
    private static final Duration MAX_LENGTH = Duration.ofDays(14);

    @Inject
    MaintenanceWindowRepository windows;
    @Inject
    RegionCatalog catalog;
    @Inject
    Clock clock;

    /** Windows that have not ended yet, optionally of one region. */
    @GET
    @WithSession
    @Operation(summary = "Lists maintenance windows, optionally of one region.")
    public Uni<List<Views.MaintenanceView>> list(@QueryParam("region") String region) {
        InputRules.line(region, InputRules.MAX_ID).ifPresent(p -> {
            throw new jakarta.ws.rs.BadRequestException("region " + p);
        });
        return windows.forRegion(region, clock.instant())
                .map(l -> l.stream().map(Views.MaintenanceView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Adds a maintenance window during which a region's incidents send no customer notice.")
    public Uni<Response> create(Views.MaintenanceInput in) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (in == null) {
            return Uni.createFrom().item(Response.status(400).entity(ApiError.of("a body is required")).build());
        }
        if (in.regionId() == null || !catalog.exists(in.regionId())) {
            problems.add(new ApiError.FieldError("regionId", in.regionId() == null ? "is required"
                    : InputRules.line(in.regionId(), InputRules.MAX_ID).isPresent() ? "is not a region id"
                    : "unknown region '" + in.regionId() + "'"));
        }
        InputRules.instant(in.startsAt(), clock.instant())
                .ifPresent(p -> problems.add(new ApiError.FieldError("startsAt", p)));
        InputRules.instant(in.endsAt(), clock.instant())
                .ifPresent(p -> problems.add(new ApiError.FieldError("endsAt", p)));
        if (in.startsAt() == null) {
            problems.add(new ApiError.FieldError("startsAt", "is required (ISO-8601 instant)"));
        }
        if (in.endsAt() == null) {
            problems.add(new ApiError.FieldError("endsAt", "is required (ISO-8601 instant)"));
        }
        if (in.startsAt() != null && in.endsAt() != null) {
            if (!in.endsAt().isAfter(in.startsAt())) {
                problems.add(new ApiError.FieldError("endsAt", "must be after startsAt"));
            } else if (Duration.between(in.startsAt(), in.endsAt()).compareTo(MAX_LENGTH) > 0) {
                problems.add(new ApiError.FieldError("endsAt", "a window may last at most 14 days"));
            }
            if (!in.endsAt().isAfter(clock.instant())) {
                problems.add(new ApiError.FieldError("endsAt", "is in the past"));
            }
        }
        if (in.reason() == null || in.reason().isBlank() || in.reason().length() > 500) {
            problems.add(new ApiError.FieldError("reason", "must be non-blank and at most 500 characters"));
        } else {
            InputRules.line(in.reason(), 500).ifPresent(p -> problems.add(new ApiError.FieldError("reason", p)));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Response.status(400)
                    .entity(new ApiError("invalid maintenance window", problems)).build());
        }
        MaintenanceWindow w = new MaintenanceWindow();
        w.regionId = in.regionId();
        w.startsAt = in.startsAt();
        w.endsAt = in.endsAt();
        w.reason = in.reason().strip();
        w.createdAt = clock.instant();
        return windows.persist(w).map(saved -> Response.status(201).entity(Views.MaintenanceView.of(saved)).build());
    }

    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Removes a maintenance window.")
    public Uni<Response> delete(@PathParam("id") long id) {
        return windows.deleteById(id).map(deleted -> deleted ? Response.noContent().build()
                : Response.status(404).entity(ApiError.of("no maintenance window #" + id)).build());
    }
}
