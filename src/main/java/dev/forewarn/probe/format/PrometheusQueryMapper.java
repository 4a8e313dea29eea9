package dev.forewarn.probe.format;

import dev.forewarn.quality.model.NodeSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Joins the per-quantity results of Prometheus queries into one node sample per (region, node) series. */
public final class PrometheusQueryMapper {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private PrometheusQueryMapper() {
    }

    /**
     * One sample per node that has usable data, ordered by region then node.
     *
     * <p>Rules, so that missing data stays unknown rather than looking healthy:
     * <ul>
     *   <li>a series is keyed by its {@code regionLabel} and {@code nodeLabel} values; without a node label the
     *       region id is also the node id; without a region label, or with a region outside
     *       {@code knownRegions}, the series is skipped;</li>
     *   <li>a value that is NaN, infinite or negative is skipped (only that quantity of that node), and so is a
     *       LOSS above 1; when two series give the same quantity for one node, the first one wins;</li>
     *   <li>UP 0 makes the node unreachable whatever else was measured; UP above 0 makes it reachable;</li>
     *   <li>with UP missing, an RTT makes the node reachable; with neither UP nor RTT, no sample is produced
     *       because nothing shows the node answered.</li>
     * </ul>
     * RTT and JITTER are converted from seconds to milliseconds; LOSS stays a ratio.
     *
     * @param results quantities without a query may be absent from the map
     * @param at      the evaluation instant of the queries
     */
    public static List<NodeSample> toSamples(Map<ProbeQuantity, List<VectorSample>> results, String regionLabel,
                                             String nodeLabel, Instant at, Set<String> knownRegions) {
        Map<NodeKey, EnumMap<ProbeQuantity, Double>> byNode = new TreeMap<>(NodeKey.ORDER);
        for (ProbeQuantity quantity : ProbeQuantity.values()) {
            for (VectorSample series : results.getOrDefault(quantity, List.of())) {
                String region = series.labels().get(regionLabel);
                if (region == null || !knownRegions.contains(region)) {
                    continue;
                }
                if (!isUsable(quantity, series.value())) {
                    continue;
                }
                String node = series.labels().getOrDefault(nodeLabel, region);
                byNode.computeIfAbsent(new NodeKey(region, node), key -> new EnumMap<>(ProbeQuantity.class))
                        .putIfAbsent(quantity, series.value());
            }
        }
        List<NodeSample> samples = new ArrayList<>(byNode.size());
        byNode.forEach((key, values) -> {
            NodeSample sample = toSample(key, values, at);
            if (sample != null) {
                samples.add(sample);
            }
        });
        return samples;
    }

    private static boolean isUsable(ProbeQuantity quantity, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0) {
            return false;
        }
        return quantity != ProbeQuantity.LOSS || value <= 1.0;
    }

    private static NodeSample toSample(NodeKey key, Map<ProbeQuantity, Double> values, Instant at) {
        Double up = values.get(ProbeQuantity.UP);
        Double rttSeconds = values.get(ProbeQuantity.RTT);
        if (up != null && up == 0.0) {
            return NodeSample.unreachable(key.region(), key.node(), at);
        }
        if (up == null && rttSeconds == null) {
            return null;
        }
        Double jitterSeconds = values.get(ProbeQuantity.JITTER);
        return new NodeSample(key.region(), key.node(), at, true, toMillis(rttSeconds), toMillis(jitterSeconds),
                values.get(ProbeQuantity.LOSS));
    }

    private static Double toMillis(Double seconds) {
        return seconds == null ? null : seconds * MILLIS_PER_SECOND;
    }

    private record NodeKey(String region, String node) {
        static final Comparator<NodeKey> ORDER =
                Comparator.comparing(NodeKey::region).thenComparing(NodeKey::node);
    }
}
