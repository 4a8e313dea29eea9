package dev.forewarn.probe;

import dev.forewarn.quality.SampleStore;
import dev.forewarn.quality.model.NodeSample;
import dev.forewarn.quality.model.NodeSeries;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The recent probe samples of every node, kept in memory for the length of the sample window.
 *
 * <p>Samples are not persisted: after a restart the window fills again within one window, and until then a
 * region with too few fresh nodes is UNKNOWN — never judged on stale data. Each node's samples sit in primitive
 * columns ({@link NodeSeries}), so recording one allocates nothing and the judge folds them in place.
 */
@ApplicationScoped
public class ProbeStore implements SampleStore {
    // Bounds memory per node whatever the poll interval; more samples than this add nothing to the window.
    private static final int MAX_SAMPLES_PER_NODE = 120;

    private final Map<String, Map<String, NodeSeries>> byRegion = new ConcurrentHashMap<>();

    public void record(NodeSample sample) {
        NodeSeries series = byRegion.computeIfAbsent(sample.region(), r -> new ConcurrentHashMap<>())
                .computeIfAbsent(sample.node(), n -> new NodeSeries(MAX_SAMPLES_PER_NODE));
        synchronized (series) {
            series.add(sample);
        }
    }

    @Override
    public NodeSeries series(String region, String node, Instant forgetUpTo) {
        Map<String, NodeSeries> nodes = byRegion.get(region);
        NodeSeries series = nodes == null ? null : nodes.get(node);
        if (series != null) {
            synchronized (series) {
                series.dropUpTo(forgetUpTo);
            }
        }
        return series;
    }

    /** Forgets every sample; used when tests simulate a restart. */
    public void clear() {
        byRegion.clear();
    }
}
