package dev.forewarn.probe.json;

import dev.forewarn.probe.ProbeSource;
import dev.forewarn.probe.ProbeSourceContext;
import dev.forewarn.probe.ProbeSourceFactory;
import dev.forewarn.quality.RegionCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.stream.Collectors;

/** Builds the sources that poll a Forewarn JSON probe document, from their {@link JsonProbeSettings}. */
@ApplicationScoped
public class JsonProbeSourceFactory implements ProbeSourceFactory {

    @Inject
    JsonProbeSettings settings;

    @Override
    public String type() {
        return JsonProbeSettings.TYPE;
    }

    @Override
    public Optional<ProbeSource> create(ProbeSourceContext context) {
        return Optional.of(new JsonSource(context.settings(), settings.sources().get(context.name()),
                context.regions().stream().collect(Collectors.toUnmodifiableMap(RegionCatalog.Region::id,
                        r -> r.nodes().keySet())),
                context.fetcher(), context.health(), context.mapper(), context.sampleWindow()));
    }
}
