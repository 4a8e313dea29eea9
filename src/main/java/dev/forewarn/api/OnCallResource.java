package dev.forewarn.api;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import dev.forewarn.rest.ApiError;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.forewarn.oncall.OnCallBook;
import dev.forewarn.security.InputRules;
import dev.forewarn.oncall.model.OnCall;
import dev.forewarn.oncall.model.Override;
import dev.forewarn.oncall.model.Schedule;
import dev.forewarn.oncall.model.ScheduleBook;
import dev.forewarn.oncall.model.Tier;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Who is on call, per tier and team, at any instant; and the overrides that change it. */
@Path("/api/oncall")
@Produces(MediaType.APPLICATION_JSON)
public class OnCallResource {
    private static final Duration MAX_OVERRIDE = Duration.ofDays(31);

    /** The answer for one tier and team. */
    @Schema(example = """
            {"tier": "L1", "team": "network", "schedule": "l1-network", "at": "2026-03-02T10:00:00Z",
            "person": "Alice Chen", "source": "rotation", "until": "2026-03-02T17:00:00Z", "gap": false,
            "nextCoverageAt": null}""")
    public record OnCallView(String tier, String team, String schedule, Instant at, String person, String source,
                             Instant until, boolean gap, Instant nextCoverageAt) {
    }

    /** An override to add. */
    @Schema(example = """
            {"tier": "L1", "team": "network", "participant": "Bob Okafor", "startsAt": "2030-03-02T12:00:00Z",
            "endsAt": "2030-03-02T18:00:00Z", "reason": "Alice at the dentist"}""")
    public record OverrideInput(String tier, String team, String participant, Instant startsAt, Instant endsAt,
                                String reason) {
    }

    /** A stored override. */
    @Schema(example = """
            {"id": 3, "tier": "L1", "team": "network", "participant": "Bob Okafor",
            "startsAt": "2026-03-02T12:00:00Z", "endsAt": "2026-03-02T18:00:00Z", "reason": "Alice at the dentist"}""")
    public record OverrideView(long id, String tier, String team, String participant, Instant startsAt,
                               Instant endsAt, String reason) {
    }

    @Inject
    OnCallBook book;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Says who is on call per tier for a team at an instant (now by default), and until when.")
    public Uni<List<OnCallView>> whoIsOnCall(@QueryParam("tier") String tier,
                                             @QueryParam("team") @DefaultValue("default") String team,
                                             @QueryParam("at") String at) {
        Instant when;
        try {
            when = at == null ? clock.instant() : Instant.parse(at);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("at must be an ISO-8601 instant such as 2026-03-29T00:30:00Z");
        }
        InputRules.instant(when, clock.instant()).ifPresent(p -> {
            throw new BadRequestException("at " + p);
        });
        InputRules.line(team, InputRules.MAX_ID).ifPresent(p -> {
            throw new BadRequestException("team " + p);
        });
        List<Tier> tiers = tier == null ? List.of(Tier.values()) : List.of(parseTier(tier));
        return book.current(when).map(b -> {
            List<OnCallView> out = new ArrayList<>();
            for (Tier t : tiers) {
                out.add(answer(b, t, team, when));
            }
            return out;
        });
    }

    /** Who answers for one tier and team at {@code at}. */
    public static OnCallView answer(ScheduleBook b, Tier tier, String team, Instant at) {
        Optional<Schedule> schedule = b.find(tier, team);
        if (schedule.isEmpty()) {
            return new OnCallView(tier.name(), team, null, at, null, null, null, true, null);
        }
        OnCall answer = schedule.get().whoIsOnCall(at);
        if (answer instanceof OnCall.Covered c) {
            return new OnCallView(tier.name(), team, schedule.get().team(), at, c.participant(), c.source(), c.until(),
                    false, null);
        }
        return new OnCallView(tier.name(), team, schedule.get().team(), at, null, null, null, true,
                ((OnCall.Gap) answer).nextCoverageAt());
    }

    @GET
    @Path("overrides")
    @Operation(summary = "Lists the on-call overrides that have not ended.")
    public Uni<List<OverrideView>> overrides() {
        return book.overrides(clock.instant()).map(l -> l.stream().map(o -> new OverrideView(o.id(), o.tier().name(),
                o.team(), o.override().participant(), o.override().from(), o.override().to(), o.override().reason()))
                .toList());
    }

    @POST
    @Path("overrides")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Adds an on-call override that wins over the rotation for its span.")
    @APIResponse(responseCode = "201", description = "The stored override",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or invalid (named in fields)")
    public Uni<Response> addOverride(OverrideInput in) {
        List<ApiError.FieldError> problems = new ArrayList<>();
        if (in == null) {
            return Uni.createFrom().item(Response.status(400).entity(ApiError.of("a body is required")).build());
        }
        Tier tier = null;
        try {
            tier = in.tier() == null ? null : Tier.valueOf(in.tier().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (tier == null) {
            problems.add(new ApiError.FieldError("tier", "must be L1, L2 or L3"));
        }
        String team = in.team() == null || in.team().isBlank() ? "default" : in.team().strip();
        InputRules.line(team, InputRules.MAX_ID).ifPresent(p -> problems.add(new ApiError.FieldError("team", p)));
        if (in.participant() == null || in.participant().isBlank() || in.participant().length() > 100) {
            problems.add(new ApiError.FieldError("participant", "must be non-blank and at most 100 characters"));
        } else {
            InputRules.line(in.participant(), 100)
                    .ifPresent(p -> problems.add(new ApiError.FieldError("participant", p)));
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
        } else if (in.startsAt() != null) {
            if (!in.endsAt().isAfter(in.startsAt())) {
                problems.add(new ApiError.FieldError("endsAt", "must be after startsAt"));
            } else if (Duration.between(in.startsAt(), in.endsAt()).compareTo(MAX_OVERRIDE) > 0) {
                problems.add(new ApiError.FieldError("endsAt", "an override may last at most 31 days"));
            }
        }
        if (in.reason() == null || in.reason().isBlank() || in.reason().length() > 500) {
            problems.add(new ApiError.FieldError("reason", "must be non-blank and at most 500 characters"));
        } else {
            InputRules.line(in.reason(), 500).ifPresent(p -> problems.add(new ApiError.FieldError("reason", p)));
        }
        if (!problems.isEmpty()) {
            return Uni.createFrom().item(Response.status(400).entity(new ApiError("invalid override", problems))
                    .build());
        }
        Tier t = tier;
        Override o = new Override(in.participant().strip(), in.startsAt(), in.endsAt(), in.reason().strip());
        return book.addOverride(t, team, o, clock.instant()).map(id -> Response.status(201)
                .entity(new OverrideView(id, t.name(), team, o.participant(), o.from(), o.to(), o.reason())).build());
    }

    @DELETE
    @Path("overrides/{id}")
    @Operation(summary = "Removes an on-call override.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such override")
    public Uni<Response> removeOverride(@PathParam("id") long id) {
        return book.removeOverride(id).map(removed -> removed ? Response.noContent().build()
                : Response.status(404).entity(ApiError.of("no override #" + id)).build());
    }

    private static Tier parseTier(String tier) {
        try {
            return Tier.valueOf(tier.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("tier must be L1, L2 or L3");
        }
    }
}
