package dev.forewarn.probe.prometheus;

import dev.forewarn.probe.ProbeSource;
import dev.forewarn.probe.ProbeSourceContext;
import dev.forewarn.probe.ProbeSourceFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Builds the Prometheus HTTP API sources from their {@link PrometheusSettings}. */
@ApplicationScoped
public class PrometheusSourceFactory implements ProbeSourceFactory {

    @Inject
    PrometheusSettings settings;

    @Override
    public String type() {
        return PrometheusSettings.TYPE;
    }

    @Override
    public Optional<ProbeSource> create(ProbeSourceContext context) {
        return Optional.of(new PrometheusSource(context.settings(), settings.sources().get(context.name()),
                context.regions(), context.fetcher(), context.health(), context.mapper()));
    }
}
