package dev.forewarn.probe.push;

import dev.forewarn.probe.ProbeSource;
import dev.forewarn.probe.ProbeSourceContext;
import dev.forewarn.probe.ProbeSourceFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The push type: agents post Forewarn JSON to {@code POST /api/probes} (ProbeResource); nothing is polled and
 * the type has no keys of its own.
 */
@ApplicationScoped
public class PushSourceFactory implements ProbeSourceFactory {

    @Override
    public String type() {
        return "push";
    }

    @Override
    public Optional<ProbeSource> create(ProbeSourceContext context) {
        return Optional.empty();
    }
}
