package dev.forewarn.quality.model;

import java.util.Objects;

/**
 * The figures behind one region judgement, kept for logs, the API and customer notices.
 *
 * <p>MOS, RTT, jitter and loss figures are over reachable nodes only and null when no node is reachable.
 *
 * @param nodesExpected    nodes the region should have
 * @param nodesReporting   nodes with a fresh measurement
 * @param nodesUnreachable reporting nodes that answered no probe
 * @param unreachableShare nodesUnreachable / nodesReporting, 0 when none reports
 * @param medianMos        median node MOS
 * @param worstDecileMos   10th percentile node MOS (nearest rank; the minimum below 10 nodes)
 * @param p95RttMs         95th percentile node RTT (nearest rank)
 * @param medianJitterMs   median node jitter
 * @param meanLossRatio    mean node loss ratio
 * @param reason           short English sentence saying why the state was chosen
 */
public record RegionEvidence(int nodesExpected, int nodesReporting, int nodesUnreachable, double unreachableShare,
                             Double medianMos, Double worstDecileMos, Double p95RttMs, Double medianJitterMs,
                             Double meanLossRatio, String reason) {
    public RegionEvidence {
        Objects.requireNonNull(reason, "reason");
    }
}
