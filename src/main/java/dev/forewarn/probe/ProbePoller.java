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
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Polls the configured probe sources and records their samples; one failing source never stops the others. Each
 * source type is a sub-package (blackbox, prometheus, json, push) whose {@link ProbeSourceFactory} builds its
 * sources; this class only looks the factory up by type and polls.
 */
@ApplicationScoped
@Startup
public class ProbePoller {

    private final Map<String, ProbeSource> sources = new LinkedHashMap<>();
    private final Map<String, SourceHealth> health = new LinkedHashMap<>();
    private final Map<String, PollOverruns> overruns = new LinkedHashMap<>();
    private final ProbeStore store;
    private final Clock clock;
    private final Set<String> pushed = new java.util.HashSet<>();

    /** Refuses settings every probe source shares that cannot work, naming the key; each type checks its own. */
    public static void checkSources(ForewarnConfig config) {
        new TreeMap<>(config.sources()).forEach((name, source) -> {
            ConfigRules.positive(source.interval(), key(name) + ".interval");
            ConfigRules.positive(source.timeout(), key(name) + ".timeout");
        });
    }

    @Inject
    public ProbePoller(ForewarnConfig config, RegionCatalog catalog, ProbeStore store, Clock clock,
                       MeterRegistry registry, ObjectMapper mapper, Vertx vertx,
                       Instance<ProbeSourceFactory> factories) {
        this.store = store;
        this.clock = clock;
        checkSources(config);
        List<ProbeSourceFactory> known = factories.stream().toList();
        // Connections open only as the pace needs them; the type that makes the most calls at once sizes the pool.
        int connections = known.stream().mapToInt(ProbeSourceFactory::connections).max().orElse(0);
        HttpFetcher fetcher = new HttpFetcher(vertx, Duration.ofSeconds(5), connections > 0 ? connections : 4);
        new TreeMap<>(config.sources()).forEach((name, source) -> {
            String type = source.type().strip().toLowerCase(Locale.ROOT);
            ProbeSourceFactory factory = known.stream().filter(f -> f.type().equals(type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key(name) + ".type: no probe source of type '"
                            + source.type() + "'; known: "
                            + known.stream().map(ProbeSourceFactory::type).sorted().toList()));
            SourceHealth h = new SourceHealth("probe", name, type, registry);
            health.put(name, h);
            ProbeSourceContext context = new ProbeSourceContext(name, source, catalog.fedBy(name), h, fetcher,
                    mapper, config.evaluation().sampleWindow());
            factory.create(context).ifPresentOrElse(polled -> {
                sources.put(name, polled);
                overruns.put(name, new PollOverruns(name, type, source.interval(), registry));
            }, () -> pushed.add(name));
        });
    }

    /** The configuration key of the probe source {@code name}. */
    static String key(String name) {
        return "forewarn.sources." + name;
    }

    /** Whether the source {@code name} is fed by pushes to {@code POST /api/probes} rather than polled. */
    boolean pushed(String name) {
        return pushed.contains(name);
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
