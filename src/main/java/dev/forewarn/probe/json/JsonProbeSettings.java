package dev.forewarn.probe.json;

import dev.forewarn.config.ChecksItself;
import dev.forewarn.config.SelfChecking;
import dev.forewarn.probe.ProbeSourceFactory;
import io.smallrye.config.ConfigMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of probe sources that poll a Forewarn JSON document, under {@code forewarn.sources.<name>} next to
 * the keys every source has.
 */
@ConfigMapping(prefix = "forewarn")
@ChecksItself
public interface JsonProbeSettings extends SelfChecking {

    /** The value of {@code type} these keys belong to. */
    String TYPE = "json";

    /** Probe sources by name; only those of type json use these keys. */
    Map<String, Source> sources();

    /** One JSON document source. */
    interface Source {
        /** Kind of source; these keys apply when it is json. */
        Optional<String> type();

        /** The document's URL (docs/probe-json-format.md describes the document). */
        Optional<String> url();
    }

    /** A JSON source needs an http(s) URL. */
    @Override
    default List<String> problems() {
        List<String> problems = new ArrayList<>();
        ProbeSourceFactory.ofType(sources(), Source::type, TYPE)
                .forEach((name, s) -> ProbeSourceFactory.checkUrl(problems, name, s.url()));
        return problems;
    }
}
