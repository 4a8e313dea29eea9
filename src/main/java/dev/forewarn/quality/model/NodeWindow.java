package dev.forewarn.quality.model;

import java.time.Duration;
import java.time.Instant;
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
        NodeSeries series = new NodeSeries(Math.max(1, samples.size()));
        for (NodeSample s : samples) {
            if (s.node().equals(node)) {
                series.add(s);
            }
        }
        return summarize(node, series, now, window, mos);
    }

    /**
     * The same fold over the samples a {@link NodeSeries} holds (all of {@code node}), read in place: one pass,
     * no copies, in recorded order when that is already time order (as polls record them), else sorted.
     */
    public static Optional<NodeMeasurement> summarize(String node, NodeSeries series, Instant now,
                                                      Duration window, MosEstimator mos) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(mos, "mos");
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive but was " + window);
        }
        int[] counted = counted(series, now.minus(window), now);
        if (counted.length == 0) {
            return Optional.empty();
        }
        Mean rtt = new Mean();
        Mean jitter = new Mean();
        Mean loss = new Mean();
        int reachable = 0;
        double steps = 0;
        double previousRtt = 0;
        for (int i : counted) {
            if (!series.reachable(i)) {
                loss.add(1.0);
                continue;
            }
            reachable++;
            loss.add(series.hasLoss(i) ? series.lossRatio(i) : 0.0);
            if (series.hasRtt(i)) {
                double value = series.rttMs(i);
                if (rtt.count() > 0) {
                    steps += Math.abs(value - previousRtt);
                }
                previousRtt = value;
                rtt.add(value);
            }
            if (series.hasJitter(i)) {
                jitter.add(series.jitterMs(i));
            }
        }
        if (reachable == 0) {
            return Optional.of(NodeMeasurement.unreachable(node, counted.length));
        }
        if (rtt.count() == 0) {
            return Optional.empty();
        }
        double meanRtt = rtt.value();
        double meanJitter = jitter.count() > 0 ? jitter.value()
                : rtt.count() < 2 ? 0 : steps / (rtt.count() - 1);
        double meanLoss = loss.value();
        return Optional.of(new NodeMeasurement(node, true, meanRtt, meanJitter, meanLoss,
                mos.mos(meanRtt, meanJitter, meanLoss), counted.length));
    }

    /**
     * Positions of the samples taken in {@code (start, now]}, in time order (a stable sort: equal times keep
     * their recorded order).
     */
    private static int[] counted(NodeSeries series, Instant start, Instant now) {
        long startSec = start.getEpochSecond();
        int startNano = start.getNano();
        long nowSec = now.getEpochSecond();
        int nowNano = now.getNano();
        int n = 0;
        int[] picked = new int[series.size()];
        boolean ordered = true;
        for (int i = 0; i < series.size(); i++) {
            if (series.takenAfter(i, startSec, startNano) && !series.takenAfter(i, nowSec, nowNano)) {
                if (n > 0 && series.takenAfterSample(picked[n - 1], i)) {
                    ordered = false;
                }
                picked[n++] = i;
            }
        }
        if (!ordered) {
            // Insertion sort: stable, and the series is nearly in order when it is not quite.
            for (int a = 1; a < n; a++) {
                int moving = picked[a];
                int b = a - 1;
                while (b >= 0 && series.takenAfterSample(picked[b], moving)) {
                    picked[b + 1] = picked[b];
                    b--;
                }
                picked[b + 1] = moving;
            }
        }
        return n == picked.length ? picked : java.util.Arrays.copyOf(picked, n);
    }
}
