package dev.forewarn.probe.blackbox;

import dev.forewarn.http.HttpSettings;
import dev.forewarn.http.KeepAliveClient;
import dev.forewarn.probe.ProbeSource;
import dev.forewarn.probe.ProbeSourceContext;
import dev.forewarn.probe.ProbeSourceFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.jboss.logging.Logger;

/** Builds the blackbox exporter sources from their {@link BlackboxSettings}. */
@ApplicationScoped
public class BlackboxSourceFactory implements ProbeSourceFactory {
    private static final Logger LOG = Logger.getLogger(BlackboxSourceFactory.class);

    @Inject
    BlackboxSettings settings;

    @Override
    public String type() {
        return BlackboxSettings.TYPE;
    }

    @Override
    public Optional<ProbeSource> create(ProbeSourceContext context) {
        // Blackbox probes carry no jitter: it is read from the steps between a node's samples, so a window
        // holding a single poll rates jitter 0 and flatters the region between polls.
        if (context.sampleWindow().compareTo(context.settings().interval().multipliedBy(2)) <= 0) {
            LOG.warnf("forewarn.evaluation.sample-window (%s) holds fewer than two polls of blackbox source %s "
                    + "(every %s): jitter cannot be measured between polls; make the window longer than two "
                    + "poll intervals", context.sampleWindow(), context.name(), context.settings().interval());
        }
        BlackboxSettings.Source own = settings.sources().get(context.name());
        // Its own keep-alive client: one connection per probe in flight, its thread only while there is work.
        KeepAliveClient client = new KeepAliveClient("blackbox-" + context.name(),
                HttpSettings.DEFAULTS.withConnectionsPerHost(own.maxConcurrency()));
        return Optional.of(new BlackboxSource(context.settings(), own, context.regions(), context.fetcher(), client,
                context.health()));
    }

    /**
     * One keep-alive connection per concurrent call, so a cycle never waits for a free connection; only https
     * exporters go through the shared pool, plain-http ones have their own client.
     */
    @Override
    public int connections() {
        return settings.blackboxSources().values().stream()
                .filter(s -> !BlackboxSource.plainHttp(s.url().orElse("")))
                .mapToInt(BlackboxSettings.Source::maxConcurrency).max().orElse(0);
    }
}
