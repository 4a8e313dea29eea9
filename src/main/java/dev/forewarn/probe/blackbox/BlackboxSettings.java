package dev.forewarn.probe.blackbox;

import dev.forewarn.config.ChecksItself;
import dev.forewarn.config.SelfChecking;
import dev.forewarn.probe.ProbeSourceFactory;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of blackbox exporter probe sources, under {@code forewarn.sources.<name>} next to the keys every
 * source has ({@code type}, {@code interval}, {@code timeout}, {@code max-body-bytes}, {@code headers}).
 */
@ConfigMapping(prefix = "forewarn")
@ChecksItself
public interface BlackboxSettings extends SelfChecking {

    /** The value of {@code type} these keys belong to. */
    String TYPE = "blackbox";

    /** Probe sources by name; only those of type blackbox use these keys. */
    Map<String, Source> sources();

    /** One blackbox exporter. */
    interface Source {
        /** Kind of source; these keys apply when it is blackbox. */
        Optional<String> type();

        /** Base URL of the exporter; its {@code /probe} endpoint is called once per node target. */
        Optional<String> url();

        /** The exporter module to use (e.g. icmp). */
        @WithDefault("icmp")
        String module();

        /**
         * How many node targets are probed at once at first (count); the poller raises it, up to
         * {@code max-concurrency}, whenever the rest of a cycle would not fit a fifth of the interval at this pace.
         */
        @WithDefault("16")
        int concurrency();

        /** The most targets probed at once however slow the answers (count, ≥ concurrency). */
        @WithDefault("256")
        int maxConcurrency();
    }

    /** The blackbox sources by name. */
    default Map<String, Source> blackboxSources() {
        return ProbeSourceFactory.ofType(sources(), Source::type, TYPE);
    }

    /** A blackbox source needs an http(s) URL and 1 ≤ concurrency ≤ max-concurrency ≤ 1024. */
    @Override
    default List<String> problems() {
        List<String> problems = new ArrayList<>();
        blackboxSources().forEach((name, s) -> {
            String key = "forewarn.sources." + name;
            ProbeSourceFactory.checkUrl(problems, name, s.url());
            if (s.concurrency() < 1 || s.concurrency() > 1024) {
                problems.add(key + ".concurrency must be between 1 and 1024");
            }
            if (s.maxConcurrency() < 1 || s.maxConcurrency() > 1024) {
                problems.add(key + ".max-concurrency must be between 1 and 1024");
            }
            if (s.maxConcurrency() < s.concurrency()) {
                problems.add(key + ".max-concurrency (" + s.maxConcurrency() + ") is below " + key
                        + ".concurrency (" + s.concurrency() + ")");
            }
        });
        return problems;
    }
}
