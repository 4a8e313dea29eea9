package dev.forewarn.probe.json;

import dev.forewarn.polling.FetchFailures;
import dev.forewarn.polling.SourceHealth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.probe.ProbeSource;
import dev.forewarn.probe.format.ProbeReportJson;
import dev.forewarn.probe.format.ProbeReportValidator;
import dev.forewarn.probe.format.ValidatedReport;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.quality.model.NodeSample;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Polls a Forewarn JSON document (see docs/probe-json-format.md) and keeps the readings that validate. */
final class JsonSource implements ProbeSource {
    private final ForewarnConfig.Source config;
    private final JsonProbeSettings.Source own;
    private final Map<String, Set<String>> nodesByRegion;
    private final HttpFetcher fetcher;
    private final SourceHealth health;
    private final ObjectMapper mapper;
    private final Duration maxAge;

    JsonSource(ForewarnConfig.Source config, JsonProbeSettings.Source own,
               Map<String, Set<String>> nodesByRegion, HttpFetcher fetcher, SourceHealth health, ObjectMapper mapper, Duration maxAge) {
        this.config = config;
        this.own = own;
        this.nodesByRegion = nodesByRegion;
        this.fetcher = fetcher;
        this.health = health;
        this.mapper = mapper;
        this.maxAge = maxAge;
    }

    @Override
    public Uni<List<NodeSample>> poll(Instant now) {
        URI uri = URI.create(own.url().orElseThrow());
        return Uni.createFrom().completionStage(() -> fetcher.get(uri, config.timeout(), config.maxBodyBytes(),
                        config.headers()))
                .map(body -> {
                    ValidatedReport report = ProbeReportValidator.validate(ProbeReportJson.parse(body, mapper),
                            nodesByRegion, now, MAX_FUTURE_SKEW, maxAge);
                    if (!report.rejected().isEmpty()) {
                        health.failed("rejected", report.rejected().size() + " reading(s) rejected, first: "
                                + report.rejected().get(0));
                    }
                    if (!report.accepted().isEmpty()) {
                        health.succeeded(now, report.rejected().isEmpty());
                    }
                    return report.accepted();
                })
                .onFailure().recoverWithItem(e -> {
                    health.failed(FetchFailures.reason(e), FetchFailures.detail(uri.toString(), e));
                    return List.of();
                });
    }
}
