package dev.forewarn.probe;

import dev.forewarn.config.ConfigRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the probe sources of one type. Each type is a sub-package of {@code dev.forewarn.probe} that brings a
 * factory bean, its settings mapping (its own keys under {@code forewarn.sources.<name>}, checked at start-up)
 * and its source; {@link ProbePoller} only looks the factory up by type.
 */
public interface ProbeSourceFactory {

    /** The value of {@code forewarn.sources.<name>.type} this factory serves, in lower case. */
    String type();

    /** The source to poll, or empty for a type whose samples are pushed to Forewarn rather than polled. */
    Optional<ProbeSource> create(ProbeSourceContext context);

    /** The most HTTP calls one source of this type makes at once (sizes the shared connection pool); 0 = no need. */
    default int connections() {
        return 0;
    }

    /** The entries of a type's settings whose {@code type} is {@code wanted}, by source name. */
    static <S> Map<String, S> ofType(Map<String, S> sources, Function<S, Optional<String>> type, String wanted) {
        return ConfigRules.ofType(sources, type, wanted);
    }

    /** Adds a problem unless {@code url} of the source {@code name} is an absolute http(s) URL; polled types need one. */
    static void checkUrl(List<String> problems, String name, Optional<String> url) {
        ConfigRules.requiredHttpUrl(problems, url, ProbePoller.key(name) + ".url");
    }
}
