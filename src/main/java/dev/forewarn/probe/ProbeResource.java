package dev.forewarn.probe;

import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.security.InputRules;
import dev.forewarn.probe.format.ProbeFormatException;
import dev.forewarn.probe.format.ProbeReport;
import dev.forewarn.probe.format.ProbeReportJson;
import dev.forewarn.probe.format.ProbeReportValidator;
import dev.forewarn.probe.format.Rejection;
import dev.forewarn.probe.format.ValidatedReport;
import dev.forewarn.quality.RegionCatalog;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Receives Forewarn JSON probe reports pushed by in-house agents (regions fed by a {@code push} source). */
@Path("/api/probes")
public class ProbeResource {
    /** Most readings one push may carry; a larger push is refused whole with 413 (count). */
    public static final int MAX_PUSHED_READINGS = 5000;


    /** What happened to a pushed report. */
    @Schema(example = """
            {"accepted": 1,
            "rejected": [{"index": 1, "field": "region", "reason": "'eu-frx' is not a known region"}]}""")
    public record PushResult(int accepted, List<Rejection> rejected) {
    }

    /** A report that could not be read at all. */
    @Schema(example = """
            {"error": "body is not a probe report: it is empty or null"}""")
    public record PushError(String error) {
    }

    @Inject
    RegionCatalog catalog;
    @Inject
    ProbeStore store;
    @Inject
    ProbePoller poller;
    @Inject
    ForewarnConfig config;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Push probe readings in the Forewarn JSON format (docs/probe-json-format.md)")
    @RequestBody(required = true, description = "A Forewarn JSON probe document (docs/probe-json-format.md)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(type = SchemaType.OBJECT),
                    examples = @ExampleObject(name = "two readings", value = """
                            {"agent": "rtc-agent-fra-1.4.2", "readings": [{"region": "eu-fra", "node": "edge-fra-01",
                            "at": "2026-04-22T10:15:00Z", "reachable": true, "rttMs": 41.8, "jitterMs": 3.2,
                            "lossPercent": 0.5}, {"region": "eu-fra", "node": "edge-fra-03",
                            "at": "2026-04-22T10:15:01.250Z", "reachable": false}]}""")))
    @APIResponse(responseCode = "202", description = "Accepted; readings that failed validation are listed with the "
            + "field and reason",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PushResult.class)))
    @APIResponse(responseCode = "400", description = "Unreadable (error), or every reading rejected (accepted 0 and "
            + "the rejections)",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(oneOf = {PushResult.class, PushError.class}),
                    examples = @ExampleObject(name = "rejected", value = """
                            {"error": "body is not a probe report: it is empty or null"}""")))
    @APIResponse(responseCode = "413", description = "More than 5,000 readings in one push",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = PushError.class)))
    public Response push(String body) {
        Instant now = clock.instant();
        ProbeReport report;
        try {
            report = ProbeReportJson.parse(body, mapper);
        } catch (ProbeFormatException e) {
            return Response.status(400).entity(new PushError(e.getMessage())).build();
        }
        if (report.agent() != null && InputRules.line(report.agent(), InputRules.MAX_ID).isPresent()) {
            return Response.status(400).entity(new PushError("agent " + InputRules.line(report.agent(),
                    InputRules.MAX_ID).get())).build();
        }
        if (report.readings() != null && report.readings().size() > MAX_PUSHED_READINGS) {
            return Response.status(413).entity(new PushError("readings: at most " + MAX_PUSHED_READINGS
                    + " per request, got " + report.readings().size() + "; split the push")).build();
        }
        Map<String, Set<String>> pushRegions = catalog.all().stream()
                .filter(r -> poller.pushed(r.source()))
                .collect(Collectors.toUnmodifiableMap(RegionCatalog.Region::id, r -> r.nodes().keySet()));
        ValidatedReport validated = ProbeReportValidator.validate(report, pushRegions, now,
                ProbeSource.MAX_FUTURE_SKEW, config.evaluation().sampleWindow());
        validated.accepted().forEach(store::record);
        String agent = report == null || report.agent() == null ? "unnamed agent" : report.agent();
        validated.accepted().stream().map(s -> catalog.find(s.region()).orElseThrow().source()).distinct()
                .forEach(source -> poller.pushAccepted(source, validated.rejected().isEmpty()));
        if (!validated.rejected().isEmpty()) {
            pushRegions.keySet().stream().map(r -> catalog.find(r).orElseThrow().source()).distinct().findFirst()
                    .ifPresent(source -> poller.pushRejected(source, "push from " + agent + ": "
                            + validated.rejected().size() + " reading(s) rejected, first: "
                            + validated.rejected().get(0)));
        }
        PushResult result = new PushResult(validated.accepted().size(), validated.rejected());
        int status = validated.accepted().isEmpty() && !validated.rejected().isEmpty() ? 400 : 202;
        return Response.status(status).entity(result).build();
    }
}
