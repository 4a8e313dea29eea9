package dev.forewarn.quality.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Folds the probe samples of one node within a time window into one {@link NodeMeasurement}.
 *
 * <p>Rules, in order:
 * <ol>
 *   <li>Only samples of {@code node} whose {@code at} lies in {@code (now - window, now]} count; older
 *       samples are stale and samples from the future are ignored.</li>
 *   <li>No counted sample: empty, because no data means unknown, never healthy.</li>
 *   <li>Every counted sample unreachable: an unreachable measurement (MOS 1.0, loss 1.0).</li>
 *   <li>RTT is the mean {@code rttMs} of the reachable samples that carry one; if none carries one the
 *       node cannot be rated and the result is empty rather than a made-up RTT of 0.</li>
 *   <li>Jitter is the mean {@code jitterMs} of the reachable samples that carry one; when none does
 *       (blackbox-style sources), it is the mean absolute difference between consecutive RTTs of the
 *       time-ordered reachable series, 0 with a single RTT.</li>
 *   <li>Loss is the mean per-sample loss over all counted samples, where an unreachable sample counts
 *       as 1.0, a reachable sample as its {@code lossRatio}, and a reachable sample without one as 0
 *       (it got its answer); for blackbox-style sources this is the share of unreachable samples.</li>
 *   <li>MOS comes from {@link MosEstimator#mos} applied to these three figures.</li>
 * </ol>
 */
public final class NodeWindow {

    private NodeWindow() {
    }

    public static Optional<NodeMeasurement> summarize(String node, List<NodeSample> samples, Instant now,
                                                      Duration window, MosEstimator mos) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(samples, "samples");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(mos, "mos");
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive but was " + window);
        }
        Instant start = now.minus(window);
        List<NodeSample> counted = samples.stream()
                .filter(s -> s.node().equals(node))
                .filter(s -> s.at().isAfter(start) && !s.at().isAfter(now))
                .sorted(Comparator.comparing(NodeSample::at))
                .toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        List<NodeSample> reachable = counted.stream().filter(NodeSample::reachable).toList();
        if (reachable.isEmpty()) {
            return Optional.of(NodeMeasurement.unreachable(node, counted.size()));
        }
        List<Double> rtts = reachable.stream().map(NodeSample::rttMs).filter(Objects::nonNull).toList();
        if (rtts.isEmpty()) {
            return Optional.empty();
        }
        double rtt = mean(rtts);
        List<Double> givenJitter = reachable.stream().map(NodeSample::jitterMs).filter(Objects::nonNull).toList();
        double jitter = givenJitter.isEmpty() ? meanAbsoluteStep(rtts) : mean(givenJitter);
        double loss = counted.stream().mapToDouble(NodeWindow::lossOf).average().orElseThrow();
        return Optional.of(new NodeMeasurement(node, true, rtt, jitter, loss, mos.mos(rtt, jitter, loss),
                counted.size()));
    }

    private static double lossOf(NodeSample sample) {
        if (!sample.reachable()) {
            return 1.0;
        }
        return sample.lossRatio() == null ? 0.0 : sample.lossRatio();
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static double meanAbsoluteStep(List<Double> series) {
        if (series.size() < 2) {
            return 0;
        }
        double sum = 0;
        for (int i = 1; i < series.size(); i++) {
            sum += Math.abs(series.get(i) - series.get(i - 1));
        }
        return sum / (series.size() - 1);
    }
}
