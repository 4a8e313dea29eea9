package dev.forewarn.probe;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.polling.SourceHealth;
import dev.forewarn.quality.RegionCatalog;
import java.time.Duration;
import java.util.List;

/**
 * What a {@link ProbeSourceFactory} builds a source from: its name, the settings every source has, the regions
 * it feeds, and the services sources share.
 *
 * @param sampleWindow how old a sample may be and still count ({@code forewarn.evaluation.sample-window})
 */
public record ProbeSourceContext(String name, ForewarnConfig.Source settings, List<RegionCatalog.Region> regions,
                                 SourceHealth health, HttpFetcher fetcher, ObjectMapper mapper,
                                 Duration sampleWindow) {

    /** The configuration key of one of this source's settings, for messages. */
    public String key(String setting) {
        return ProbePoller.key(name) + "." + setting;
    }
}
