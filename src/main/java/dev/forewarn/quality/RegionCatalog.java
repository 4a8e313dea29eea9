package dev.forewarn.quality;

import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.quality.model.QualityThresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The configured regions, their nodes and effective thresholds, validated once at start-up. */
@ApplicationScoped
public class RegionCatalog {

    /** One configured region. */
    public record Region(String id, String displayName, String source, Map<String, String> nodes,
                         QualityThresholds thresholds) {
    }

    private final Map<String, Region> regions;

    @Inject
    public RegionCatalog(ForewarnConfig config) {
        this.regions = regions(config);
    }

    /** Refuses regions fed by unknown sources, bad thresholds and windows that cannot work, naming the key. */
    public static void check(ForewarnConfig config) {
        regions(config);
    }

    private static Map<String, Region> regions(ForewarnConfig config) {
        ForewarnConfig.Evaluation e = config.evaluation();
        ConfigRules.positive(e.interval(), "forewarn.evaluation.interval");
        ConfigRules.positive(e.sampleWindow(), "forewarn.evaluation.sample-window");
        ConfigRules.positive(e.sustainedWindow(), "forewarn.evaluation.sustained-window");
        ConfigRules.positive(e.recoveryWindow(), "forewarn.evaluation.recovery-window");
        if (e.codecDelay().isNegative()) {
            throw new IllegalStateException("forewarn.evaluation.codec-delay must not be negative");
        }
        if (e.sampleWindow().compareTo(e.sustainedWindow()) >= 0) {
            // A sample stays in every evaluation for sample-window; were that as long as a sustained run, one lost
            // probe could settle a region as degraded and email every customer in it.
            throw new IllegalStateException("forewarn.evaluation.sample-window (" + e.sampleWindow()
                    + ") must be shorter than forewarn.evaluation.sustained-window (" + e.sustainedWindow() + ")");
        }
        Map<String, Region> byId = new LinkedHashMap<>();
        new TreeMap<>(config.regions()).forEach((id, r) -> {
            if (!config.sources().containsKey(r.source())) {
                throw new IllegalStateException("forewarn.regions." + id + ".source names an unknown source '"
                        + r.source() + "'; known: " + config.sources().keySet());
            }
            byId.put(id, new Region(id, r.displayName(), r.source(), Map.copyOf(new TreeMap<>(r.nodes())),
                    thresholds(config.thresholds(), r.thresholds(), "forewarn.regions." + id + ".thresholds")));
        });
        return Map.copyOf(byId);
    }

    private static QualityThresholds thresholds(ForewarnConfig.Thresholds d, ForewarnConfig.ThresholdOverrides o,
                                                String key) {
        try {
            return new QualityThresholds(
                    o.degradedMedianMos().orElse(d.degradedMedianMos()),
                    o.degradedWorstDecileMos().orElse(d.degradedWorstDecileMos()),
                    o.outageMedianMos().orElse(d.outageMedianMos()),
                    o.degradedUnreachableShare().orElse(d.degradedUnreachableShare()),
                    o.outageUnreachableShare().orElse(d.outageUnreachableShare()),
                    o.minReportingShare().orElse(d.minReportingShare()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(key + ": " + e.getMessage(), e);
        }
    }

    public Collection<Region> all() {
        return regions.values().stream().sorted(java.util.Comparator.comparing(Region::id)).toList();
    }

    public Optional<Region> find(String id) {
        return Optional.ofNullable(regions.get(id));
    }

    public boolean exists(String id) {
        return regions.containsKey(id);
    }

    public List<Region> fedBy(String source) {
        return all().stream().filter(r -> r.source().equals(source)).toList();
    }

    /** Node ids by region id, for validating pushed or polled probe data. */
    public Map<String, Set<String>> nodesByRegion() {
        return regions.values().stream().collect(Collectors.toUnmodifiableMap(Region::id, r -> r.nodes().keySet()));
    }
}
