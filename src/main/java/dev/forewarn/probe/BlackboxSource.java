package dev.forewarn.probe;

import dev.forewarn.polling.FetchFailures;
import dev.forewarn.polling.SourceHealth;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.probe.format.BlackboxReading;
import dev.forewarn.probe.format.PrometheusTextParser;
import dev.forewarn.probe.http.HttpFetcher;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.model.NodeSample;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Polls a Prometheus blackbox exporter: one {@code /probe?module=…&target=…} call per node, with bounded
 * concurrency; each answer is one sample, and the window of samples gives RTT, jitter and loss.
 */
final class BlackboxSource implements ProbeSource {
    private final ForewarnConfig.Source config;
    private final List<RegionCatalog.Region> regions;
    private final HttpFetcher fetcher;
    private final SourceHealth health;

    BlackboxSource(ForewarnConfig.Source config, List<RegionCatalog.Region> regions, HttpFetcher fetcher,
                   SourceHealth health) {
        this.config = config;
        this.regions = regions;
        this.fetcher = fetcher;
        this.health = health;
    }

    private record Target(String region, String node, URI uri) {
    }

    @Override
    public Uni<List<NodeSample>> poll(Instant now) {
        String base = config.url().orElseThrow();
        List<Target> targets = new ArrayList<>();
        for (RegionCatalog.Region region : regions) {
            region.nodes().forEach((node, address) -> targets.add(new Target(region.id(), node, URI.create(
                    base.replaceAll("/+$", "") + "/probe?module=" + encode(config.module())
                            + "&target=" + encode(address)))));
        }
        return Multi.createFrom().iterable(targets)
                .onItem().transformToUni(t -> fetch(t, now)).merge(config.concurrency())
                .collect().asList()
                .map(results -> {
                    List<NodeSample> samples = results.stream().flatMap(Optional::stream).toList();
                    if (!samples.isEmpty()) {
                        health.succeeded(now, samples.size() == targets.size());
                    }
                    return samples;
                });
    }

    private Uni<Optional<NodeSample>> fetch(Target t, Instant now) {
        return Uni.createFrom().completionStage(() -> fetcher.get(t.uri(), config.timeout(),
                        config.maxBodyBytes(), config.headers()))
                .map(body -> Optional.of(BlackboxReading.toSample(t.region(), t.node(), now,
                        PrometheusTextParser.parse(body))))
                .onFailure().recoverWithItem(e -> {
                    health.failed(FetchFailures.reason(e), FetchFailures.detail(t.region() + "/" + t.node(), e));
                    return Optional.empty();
                });
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
