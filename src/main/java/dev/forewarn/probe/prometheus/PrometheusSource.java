package dev.forewarn.probe.prometheus;

import dev.forewarn.polling.FetchFailures;
import dev.forewarn.polling.SourceHealth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.probe.ProbeSource;
import dev.forewarn.probe.format.PrometheusQueryMapper;
import dev.forewarn.probe.format.PrometheusQueryResponse;
import dev.forewarn.probe.format.ProbeQuantity;
import dev.forewarn.probe.format.VectorSample;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.model.NodeSample;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Polls the Prometheus HTTP API: one instant query per configured quantity (rtt, jitter, loss, up), joined by
 * the region and node labels. A failed query leaves its quantity out of this cycle; without RTT or UP no
 * sample is produced for a node, so its region goes UNKNOWN rather than being judged on half the data.
 */
final class PrometheusSource implements ProbeSource {
    private final ForewarnConfig.Source config;
    private final PrometheusSettings.Source own;
    private final Set<String> regions;
    private final HttpFetcher fetcher;
    private final SourceHealth health;
    private final ObjectMapper mapper;

    PrometheusSource(ForewarnConfig.Source config, PrometheusSettings.Source own,
                     List<RegionCatalog.Region> regions, HttpFetcher fetcher, SourceHealth health, ObjectMapper mapper) {
        this.config = config;
        this.own = own;
        this.regions = regions.stream().map(RegionCatalog.Region::id).collect(Collectors.toUnmodifiableSet());
        this.fetcher = fetcher;
        this.health = health;
        this.mapper = mapper;
    }

    @Override
    public Uni<List<NodeSample>> poll(Instant now) {
        String base = own.url().orElseThrow().replaceAll("/+$", "");
        Map<ProbeQuantity, List<VectorSample>> results = new EnumMap<>(ProbeQuantity.class);
        return Multi.createFrom().iterable(own.queries().entrySet())
                .onItem().transformToUni(q -> {
                    ProbeQuantity quantity = ProbeQuantity.valueOf(q.getKey().toUpperCase(Locale.ROOT));
                    URI uri = URI.create(base + "/api/v1/query?query="
                            + URLEncoder.encode(q.getValue(), StandardCharsets.UTF_8)
                            + "&time=" + now.getEpochSecond());
                    return Uni.createFrom().completionStage(() -> fetcher.get(uri, config.timeout(),
                                    config.maxBodyBytes(), config.headers()))
                            .map(body -> PrometheusQueryResponse.parse(body, mapper))
                            .invoke(vector -> {
                                synchronized (results) {
                                    results.put(quantity, vector);
                                }
                            })
                            .replaceWith(true)
                            .onFailure().recoverWithItem(e -> {
                                health.failed(FetchFailures.reason(e),
                                        FetchFailures.detail("query " + q.getKey(), e));
                                return false;
                            });
                }).merge(4)
                .collect().asList()
                .map(oks -> {
                    List<NodeSample> samples = PrometheusQueryMapper.toSamples(results, own.regionLabel(),
                            own.nodeLabel(), now, regions);
                    // Queries that answer but match none of a region's nodes (a renamed label, a dropped job) are a
                    // broken source, not a quiet one: without this the source would look up while its regions go
                    // UNKNOWN for no stated reason.
                    Set<String> fed = samples.stream().map(NodeSample::region).collect(Collectors.toSet());
                    List<String> silent = regions.stream().filter(r -> !fed.contains(r)).sorted().toList();
                    if (oks.contains(true) && !silent.isEmpty()) {
                        health.failed("no_series", "the queries returned no series for the nodes of region(s) "
                                + String.join(", ", silent) + " (labels " + own.regionLabel() + " / "
                                + own.nodeLabel() + ")");
                    }
                    if (!samples.isEmpty()) {
                        health.succeeded(now, !oks.contains(false) && silent.isEmpty());
                    }
                    return samples;
                });
    }
}
