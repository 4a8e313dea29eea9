package dev.forewarn.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.polling.SourceHealth;
import dev.forewarn.sla.SlaMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Polls the configured ticket sources. Each source type is a sub-package (zendesk, json, webhook) whose
 * {@link TicketSourceFactory} builds its sources; this class only looks the factory up by type and polls.
 */
@ApplicationScoped
@Startup
public class TicketPoller {

    private final Map<String, PolledTicketSource> sources = new LinkedHashMap<>();
    private volatile BiConsumer<String, Duration> retryAfter = (source, wait) -> { };

    /** Refuses settings every ticket source shares that cannot work, naming the key; each type checks its own. */
    public static void checkSources(ForewarnConfig config) {
        new TreeMap<>(config.tickets().sources()).forEach((name, source) -> {
            ConfigRules.positive(source.interval(), key(name) + ".interval");
            ConfigRules.positive(source.timeout(), key(name) + ".timeout");
        });
    }

    @Inject
    public TicketPoller(ForewarnConfig config, MeterRegistry registry, TicketIngest ingest, Clock clock,
                        ObjectMapper mapper, HttpFetcher fetcher, Instance<TicketSourceFactory> factories,
                        SlaMetrics metrics) {
        checkSources(config);
        List<TicketSourceFactory> known = factories.stream().toList();
        new TreeMap<>(config.tickets().sources()).forEach((name, source) -> {
            String type = source.type().strip().toLowerCase(Locale.ROOT);
            TicketSourceFactory factory = known.stream().filter(f -> f.type().equals(type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(key(name) + ".type: no ticket source of type '"
                            + source.type() + "'; known: "
                            + known.stream().map(TicketSourceFactory::type).sorted().toList()));
            SourceHealth health = new SourceHealth("ticket", name, type, registry);
            TicketSourceContext context = new TicketSourceContext(name, source, health, ingest, clock, mapper,
                    fetcher, (polled, wait) -> retryAfter.accept(polled, wait));
            factory.create(context).ifPresent(polled -> {
                sources.put(name, polled);
                metrics.knownTeams(polled.teams());
            });
        });
    }

    /** The configuration key of the ticket source {@code name}. */
    static String key(String name) {
        return "forewarn.tickets.sources." + name;
    }

    /**
     * Lets the scheduler poll a source again after a wait its server asked for (a {@code Retry-After}), rather than at
     * the source's next interval; the callback gets the source name and the wait.
     */
    public void onRetryAfter(BiConsumer<String, Duration> scheduleRetry) {
        this.retryAfter = scheduleRetry;
    }

    /** Forgets every source's wait (back-off, Retry-After) so the next poll asks at once; for tests. */
    public void forgetWaits() {
        sources.values().forEach(PolledTicketSource::forgetWaits);
    }

    /** The names of the sources that are polled (pushed ones are not). */
    public Set<String> polledSources() {
        return sources.keySet();
    }

    /** Polls one source once; returns how many tickets were stored. */
    public Uni<Integer> poll(String name) {
        PolledTicketSource s = sources.get(name);
        return s == null ? Uni.createFrom().item(0) : s.poll();
    }

    /** Polls every source once, one after the other. */
    public Uni<Integer> pollAll() {
        Uni<Integer> chain = Uni.createFrom().item(0);
        for (String name : sources.keySet()) {
            chain = chain.chain(n -> poll(name).map(m -> m + n));
        }
        return chain;
    }
}
