package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import dev.forewarn.rest.ApiError;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.forewarn.maintenance.MaintenanceWindow;
import dev.forewarn.maintenance.MaintenanceWindowRepository;
import dev.forewarn.maintenance.MaintenanceNotifier;
import dev.forewarn.maintenance.model.Occurrence;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maintenance windows, once or weekly: customers of the region are told ahead, at the start and at the end; a change
 * or cancellation sends them a correction; while a window lasts no degradation notice goes out.
 */
@Path("/api/maintenance")
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceResource {
    private static final Duration MAX_LENGTH = Duration.ofDays(14);
    private static final Duration MAX_RECURRENCE = Duration.ofDays(366);

    @Inject
    MaintenanceWindowRepository windows;
    @Inject
    MaintenanceNotifier notifier;
    @Inject
    RegionCatalog catalog;
    @Inject
    Clock clock;

    /** Scheduled windows that have not ended yet, optionally of one region. */
    @GET
    @WithSession
    @Operation(summary = "Lists maintenance windows, optionally of one region.")
    public Uni<List<Views.MaintenanceView>> list(@QueryParam("region") String region) {
        InputRules.line(region, InputRules.MAX_ID).ifPresent(p -> {
            throw new jakarta.ws.rs.BadRequestException("region " + p);
        });
        Instant now = clock.instant();
        return windows.forRegion(region, now).map(l -> l.stream().map(w -> Views.MaintenanceView.of(w, now)).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Adds a maintenance window during which a region's incidents send no customer notice.")
    @APIResponse(responseCode = "201", description = "The stored window",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Views.MaintenanceView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (named in fields)")
    public Uni<Response> create(Views.MaintenanceInput in) {
        Instant now = clock.instant();
        List<ApiError.FieldError> problems = problems(in, now);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(invalid(problems));
        }
        MaintenanceWindow w = new MaintenanceWindow();
        apply(w, in, now);
        w.createdAt = now;
        return windows.persist(w).map(saved -> Response.status(201).entity(Views.MaintenanceView.of(saved, now))
                .build());
    }

    /** Changes a window; customers already told about it get a correction. */
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Changes a maintenance window; customers already told about it get a correction.")
    @APIResponse(responseCode = "200", description = "The window as changed",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = Views.MaintenanceView.class)))
    @APIResponse(responseCode = "400", description = "A field is invalid (named in fields)")
    @APIResponse(responseCode = "404", description = "No such window, or it was cancelled")
    public Uni<Response> change(@PathParam("id") long id, Views.MaintenanceInput in) {
        Instant now = clock.instant();
        List<ApiError.FieldError> problems = problems(in, now);
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(invalid(problems));
        }
        return windows.findById(id).chain(w -> {
            if (w == null || MaintenanceWindow.CANCELLED.equals(w.status)) {
                return Uni.createFrom().item(notFound(id));
            }
            apply(w, in, now);
            w.revision++;
            return windows.flush().chain(() -> notifier.queueCorrection(w, about(w, now), now))
                    .map(queued -> Response.ok(Views.MaintenanceView.of(w, now)).build());
        });
    }

    /** Cancels a window; customers already told about it hear that it is off. */
    @DELETE
    @Path("{id}")
    @WithTransaction
    @Operation(summary = "Cancels a maintenance window; customers already told about it hear that it is off.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "404", description = "No such window, or it was cancelled already")
    public Uni<Response> cancel(@PathParam("id") long id) {
        Instant now = clock.instant();
        return windows.findById(id).chain(w -> {
            if (w == null || MaintenanceWindow.CANCELLED.equals(w.status)) {
                return Uni.createFrom().item(notFound(id));
            }
            Occurrence about = about(w, now);
            w.status = MaintenanceWindow.CANCELLED;
            w.revision++;
            w.updatedAt = now;
            return windows.flush().chain(() -> notifier.queueCorrection(w, about, now))
                    .map(queued -> Response.noContent().build());
        });
    }

    // The occurrence a correction speaks of: the next one still to come (or under way), else the first.
    private static Occurrence about(MaintenanceWindow w, Instant now) {
        return w.schedule().next(now).orElseGet(() -> w.schedule().overlapping(w.startsAt, w.endsAt.plusNanos(1))
                .stream().findFirst().orElse(new Occurrence(w.startsAt, w.endsAt)));
    }

    private static void apply(MaintenanceWindow w, Views.MaintenanceInput in, Instant now) {
        w.regionId = in.regionId();
        w.reason = in.reason().strip();
        w.updatedAt = now;
        if (in.weekly() == null) {
            w.startsAt = in.startsAt();
            w.endsAt = in.endsAt();
            w.weeklyZone = null;
            w.weeklyDay = null;
            w.weeklyStart = null;
            w.weeklyEnd = null;
        } else {
            w.startsAt = in.startsAt() == null ? now : in.startsAt();
            w.endsAt = in.endsAt();
            w.weeklyZone = ZoneId.of(in.weekly().zone()).getId();
            w.weeklyDay = DayOfWeek.valueOf(in.weekly().day().toUpperCase(Locale.ROOT)).name();
            w.weeklyStart = LocalTime.parse(in.weekly().start()).toString();
            w.weeklyEnd = LocalTime.parse(in.weekly().end()).toString();
        }
    }

    private List<ApiError.FieldError> problems(Views.MaintenanceInput in, Instant now) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (in == null) {
            problems.add(new ApiError.FieldError("body", "a maintenance window is required"));
            return problems;
        }
        if (in.regionId() == null || !catalog.exists(in.regionId())) {
            problems.add(new ApiError.FieldError("regionId", in.regionId() == null ? "is required"
                    : InputRules.line(in.regionId(), InputRules.MAX_ID).isPresent() ? "is not a region id"
                    : "unknown region '" + in.regionId() + "'"));
        }
        InputRules.instant(in.startsAt(), now)
                .ifPresent(p -> problems.add(new ApiError.FieldError("startsAt", p)));
        InputRules.instant(in.endsAt(), now)
                .ifPresent(p -> problems.add(new ApiError.FieldError("endsAt", p)));
        boolean weekly = in.weekly() != null;
        if (in.startsAt() == null && !weekly) {
            problems.add(new ApiError.FieldError("startsAt", "is required (ISO-8601 instant)"));
        }
        if (in.endsAt() == null) {
            problems.add(new ApiError.FieldError("endsAt", weekly ? "is required: the end of the recurrence"
                    : "is required (ISO-8601 instant)"));
        }
        Instant start = in.startsAt() == null ? now : in.startsAt();
        if (in.endsAt() != null) {
            if (!in.endsAt().isAfter(start)) {
                problems.add(new ApiError.FieldError("endsAt", "must be after startsAt"));
            } else if (Duration.between(start, in.endsAt()).compareTo(weekly ? MAX_RECURRENCE : MAX_LENGTH) > 0) {
                problems.add(new ApiError.FieldError("endsAt", weekly ? "a weekly window may recur for at most 366 days"
                        : "a window may last at most 14 days"));
            }
            if (!in.endsAt().isAfter(now)) {
                problems.add(new ApiError.FieldError("endsAt", "is in the past"));
            }
        }
        if (in.reason() == null || in.reason().isBlank() || in.reason().length() > 500) {
            problems.add(new ApiError.FieldError("reason", "must be non-blank and at most 500 characters"));
        } else {
            InputRules.line(in.reason(), 500).ifPresent(p -> problems.add(new ApiError.FieldError("reason", p)));
        }
        if (weekly) {
            weeklyProblems(in.weekly(), problems);
        }
        return problems;
    }

    private static void weeklyProblems(Views.WeeklyInput w, List<ApiError.FieldError> problems) {
        try {
            DayOfWeek.valueOf(String.valueOf(w.day()).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new ApiError.FieldError("weekly.day", "must be MONDAY..SUNDAY"));
        }
        LocalTime start = time(w.start(), "weekly.start", problems);
        LocalTime end = time(w.end(), "weekly.end", problems);
        if (start != null && start.equals(end)) {
            problems.add(new ApiError.FieldError("weekly.end", "must differ from weekly.start"));
        }
        try {
            ZoneId.of(String.valueOf(w.zone()));
        } catch (java.time.DateTimeException e) {
            problems.add(new ApiError.FieldError("weekly.zone", "is not a known time zone (IANA, e.g. Europe/Berlin)"));
        }
    }

    private static LocalTime time(String value, String field, List<ApiError.FieldError> problems) {
        try {
            return LocalTime.parse(String.valueOf(value));
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new ApiError.FieldError(field, "must be a local time HH:mm"));
            return null;
        }
    }

    private static Response invalid(List<ApiError.FieldError> problems) {
        return Response.status(400).entity(new ApiError("invalid maintenance window", problems)).build();
    }

    private static Response notFound(long id) {
        return Response.status(404).entity(ApiError.of("no maintenance window #" + id)).build();
    }
}
