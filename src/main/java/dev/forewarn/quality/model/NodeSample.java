package dev.forewarn.quality.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One observation of one probe target (node) of a region, as a source delivered it.
 *
 * <p>Sources that measure one round trip per poll (the blackbox exporter) leave {@code jitterMs}
 * and {@code lossRatio} null; they are then derived from the series of samples in the window.
 * Sources that already aggregate (Prometheus queries, Forewarn JSON agents) fill them in.
 *
 * @param region    region id
 * @param node      node id, unique within the region
 * @param at        when the observation was made
 * @param reachable whether the node answered the probe at all
 * @param rttMs     round-trip time in milliseconds, null when unreachable or not measured
 * @param jitterMs  jitter (mean absolute RTT variation) in milliseconds, null when not measured
 * @param lossRatio packet loss as a ratio 0..1, null when not measured
 */
public record NodeSample(String region, String node, Instant at, boolean reachable,
                         Double rttMs, Double jitterMs, Double lossRatio) {
    public NodeSample {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(at, "at");
    }

    /** A probe that got no answer from the node. */
    public static NodeSample unreachable(String region, String node, Instant at) {
        return new NodeSample(region, node, at, false, null, null, 1.0);
    }
}
