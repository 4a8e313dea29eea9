package dev.forewarn.probe.prometheus;

import dev.forewarn.config.ChecksItself;
import dev.forewarn.config.SelfChecking;
import dev.forewarn.probe.ProbeSourceFactory;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The keys of Prometheus HTTP API probe sources, under {@code forewarn.sources.<name>} next to the keys every
 * source has ({@code type}, {@code interval}, {@code timeout}, {@code max-body-bytes}, {@code headers}).
 */
@ConfigMapping(prefix = "forewarn")
@ChecksItself
public interface PrometheusSettings extends SelfChecking {

    /** The value of {@code type} these keys belong to. */
    String TYPE = "prometheus";

    /** Probe sources by name; only those of type prometheus use these keys. */
    Map<String, Source> sources();

    /** One Prometheus server. */
    interface Source {
        /** Kind of source; these keys apply when it is prometheus. */
        Optional<String> type();

        /** Base URL of the Prometheus server. */
        Optional<String> url();

        /** The label that carries the region id. */
        @WithDefault("region")
        String regionLabel();

        /** The label that carries the node id. */
        @WithDefault("instance")
        String nodeLabel();

        /** PromQL per quantity; keys rtt (seconds), jitter (seconds), loss (ratio), up (0/1). */
        Map<String, String> queries();
    }

    /** A Prometheus source needs an http(s) URL and queries of known quantities, at least rtt or up. */
    @Override
    default List<String> problems() {
        List<String> problems = new ArrayList<>();
        ProbeSourceFactory.ofType(sources(), Source::type, TYPE).forEach((name, s) -> {
            String key = "forewarn.sources." + name;
            ProbeSourceFactory.checkUrl(problems, name, s.url());
            for (String q : new TreeSet<>(s.queries().keySet())) {
                if (!Set.of("rtt", "jitter", "loss", "up").contains(q)) {
                    problems.add(key + ".queries." + q + " is not one of rtt, jitter, loss, up");
                }
            }
            if (!s.queries().containsKey("rtt") && !s.queries().containsKey("up")) {
                problems.add(key + ".queries needs at least rtt or up");
            }
        });
        return problems;
    }
}
