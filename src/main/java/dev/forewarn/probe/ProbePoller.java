package dev.forewarn.probe;

import dev.forewarn.polling.SourceHealth;

import io.quarkus.runtime.Startup;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.quality.RegionCatalog;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Polls the configured probe sources and records their samples; one failing source never stops the others. */
@ApplicationScoped
@Startup
public class ProbePoller {

    private final Map<String, ProbeSource> sources = new LinkedHashMap<>();
    private final Map<String, SourceHealth> health = new LinkedHashMap<>();
    private final Map<String, PollOverruns> overruns = new LinkedHashMap<>();
    private final ProbeStore store;
    private final Clock clock;
    private final ForewarnConfig config;

    /** Refuses a polled source without a usable URL, bad timings or unknown Prometheus queries, naming the key. */
    public static void checkSources(ForewarnConfig config) {
        new TreeMap<>(config.sources()).forEach((name, source) -> {
            String key = "forewarn.sources." + name;
            if (source.type() != ForewarnConfig.SourceType.PUSH) {
                String url = source.url().filter(u -> !u.isBlank()).orElseThrow(() -> new IllegalStateException(
                        key + ".url is required for a " + source.type().name().toLowerCase() + " source"));
                ConfigRules.httpUrl(url, key + ".url");
                ConfigRules.positive(source.interval(), key + ".interval");
                ConfigRules.positive(source.timeout(), key + ".timeout");
            }
            if (source.type() == ForewarnConfig.SourceType.BLACKBOX && source.maxConcurrency() < source.concurrency()) {
                throw new IllegalStateException(key + ".max-concurrency (" + source.maxConcurrency()
                        + ") is below " + key + ".concurrency (" + source.concurrency() + ")");
            }
            if (source.type() == ForewarnConfig.SourceType.PROMETHEUS) {
                for (String q : source.queries().keySet()) {
                    if (!Set.of("rtt", "jitter", "loss", "up").contains(q)) {
                        throw new IllegalStateException(key + ".queries." + q + " is not one of rtt, jitter, loss, up");
                    }
                }
                if (!source.queries().containsKey("rtt") && !source.queries().containsKey("up")) {
                    throw new IllegalStateException(key + ".queries needs at least rtt or up");
                }
            }
        });
    }

    @Inject
    public ProbePoller(ForewarnConfig config, RegionCatalog catalog, ProbeStore store, Clock clock,
                       MeterRegistry registry, ObjectMapper mapper, Vertx vertx) {
        this.store = store;
        this.clock = clock;
        this.config = config;
        checkSources(config);
        // One keep-alive connection per concurrent blackbox call, so a cycle never waits for a free connection;
        // connections open only as the pace needs them.
        int connections = config.sources().values().stream()
                .filter(s -> s.type() == ForewarnConfig.SourceType.BLACKBOX)
                .mapToInt(ForewarnConfig.Source::maxConcurrency).max().orElse(4);
        HttpFetcher fetcher = new HttpFetcher(vertx, Duration.ofSeconds(5), connections);
        new TreeMap<>(config.sources()).forEach((name, source) -> {
            SourceHealth h = new SourceHealth("probe", name, source.type().name().toLowerCase(), registry);
            health.put(name, h);
            List<RegionCatalog.Region> regions = catalog.fedBy(name);
            if (source.type() != ForewarnConfig.SourceType.PUSH) {
                overruns.put(name, new PollOverruns(name, source.type().name().toLowerCase(), source.interval(),
                        registry));
            }
            switch (source.type()) {
                case BLACKBOX -> sources.put(name, new BlackboxSource(source, regions, fetcher, h));
                case PROMETHEUS -> sources.put(name, new PrometheusSource(source, regions, fetcher, h, mapper));
                case JSON -> sources.put(name, new JsonSource(source, regions.stream().collect(
                        Collectors.toUnmodifiableMap(RegionCatalog.Region::id, r -> r.nodes().keySet())),
                        fetcher, h, mapper, config.evaluation().sampleWindow()));
                case PUSH -> {
                    // Pushed data arrives through ProbeResource; nothing to poll.
                }
            }
        });
    }

    /** Names of the sources that are polled. */
    public Set<String> polledSources() {
        return sources.keySet();
    }

    /** Polls one source once and records what it delivered. */
    public Uni<Integer> poll(String sourceName) {
        ProbeSource source = sources.get(sourceName);
        if (source == null) {
            return Uni.createFrom().item(0);
        }
        Instant now = clock.instant();
        long started = System.nanoTime();
        return source.poll(now)
                .invoke(samples -> samples.forEach(store::record))
                .invoke(() -> {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    health.get(sourceName).timed(took);
                    overruns.get(sourceName).pollEnded(took, source.pace());
                })
                .map(List::size);
    }

    /** Polls every source once, one after the other. */
    public Uni<Integer> pollAll() {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String name : sources.keySet()) {
            chain = chain.chain(n -> poll(name).map(m -> m + n));
        }
        return chain;
    }

    /** Records a failure or rejection of pushed data against the push source's health. */
    void pushRejected(String sourceName, String detail) {
        SourceHealth h = health.get(sourceName);
        if (h != null) {
            h.failed("rejected", detail);
        }
    }

    void pushAccepted(String sourceName, boolean clean) {
        SourceHealth h = health.get(sourceName);
        if (h != null) {
            h.succeeded(clock.instant(), clean);
        }
    }
}
