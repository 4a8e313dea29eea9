package dev.forewarn.quality.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Judges a region's raw state from its nodes' measurements against {@link QualityThresholds}.
 *
 * <p>Rules, first match wins:
 * <ol>
 *   <li>UNKNOWN when no node is expected, nothing reports, or fewer than {@code minReportingShare} of the
 *       expected nodes report, because missing data must never read as healthy nor as degraded.</li>
 *   <li>OUTAGE when the unreachable share reaches {@code outageUnreachableShare} or the median MOS is below
 *       {@code outageMedianMos}.</li>
 *   <li>DEGRADED when the unreachable share reaches {@code degradedUnreachableShare}, the median MOS is below
 *       {@code degradedMedianMos} or the worst-decile MOS is below {@code degradedWorstDecileMos}.</li>
 *   <li>HEALTHY otherwise.</li>
 * </ol>
 * The unreachable share is over reporting nodes; MOS, RTT, jitter and loss figures are over reachable nodes.
 * Percentiles use the nearest rank; the median is the mean of the two middle values for even counts.
 */
public final class RegionEvaluator {

    private RegionEvaluator() {
    }

    public static RegionAssessment assess(int nodesExpected, List<NodeMeasurement> measurements,
                                          QualityThresholds t) {
        Objects.requireNonNull(measurements, "measurements");
        Objects.requireNonNull(t, "t");
        if (nodesExpected < 0) {
            throw new IllegalArgumentException("nodesExpected must not be negative but was " + nodesExpected);
        }
        int reporting = measurements.size();
        int unreachable = 0;
        for (NodeMeasurement m : measurements) {
            if (!m.reachable()) {
                unreachable++;
            }
        }
        double unreachableShare = reporting == 0 ? 0 : (double) unreachable / reporting;
        // One column per figure over the reachable nodes, sorted, instead of a stream per figure.
        int n = reporting - unreachable;
        double[] mos = new double[n];
        double[] rtt = new double[n];
        double[] jitter = new double[n];
        Mean loss = new Mean();
        int k = 0;
        for (NodeMeasurement m : measurements) {
            if (m.reachable()) {
                mos[k] = m.mos();
                rtt[k] = m.rttMs();
                jitter[k] = m.jitterMs();
                loss.add(m.lossRatio());
                k++;
            }
        }
        Arrays.sort(mos);
        Arrays.sort(rtt);
        Arrays.sort(jitter);
        Double medianMos = median(mos);
        Double worstDecileMos = nearestRank(mos, 10);
        Double p95Rtt = nearestRank(rtt, 95);
        Double medianJitter = median(jitter);
        Double meanLoss = n == 0 ? null : loss.value();

        // The MOS figures are null only when no node is reachable; the unreachable share is then 1, an outage,
        // so the MOS rules below never see null.
        RegionState state;
        String reason;
        if (nodesExpected == 0 || reporting == 0 || (double) reporting / nodesExpected < t.minReportingShare()) {
            state = RegionState.UNKNOWN;
            reason = format("only %d of %d nodes reported fresh data", reporting, nodesExpected);
        } else if (unreachableShare >= t.outageUnreachableShare()) {
            state = RegionState.OUTAGE;
            reason = unreachableReason(unreachable, reporting, unreachableShare);
        } else if (medianMos < t.outageMedianMos()) {
            state = RegionState.OUTAGE;
            reason = format("median MOS %.2f < %.2f", medianMos, t.outageMedianMos());
        } else if (unreachableShare >= t.degradedUnreachableShare()) {
            state = RegionState.DEGRADED;
            reason = unreachableReason(unreachable, reporting, unreachableShare);
        } else if (medianMos < t.degradedMedianMos()) {
            state = RegionState.DEGRADED;
            reason = format("median MOS %.2f < %.2f", medianMos, t.degradedMedianMos());
        } else if (worstDecileMos < t.degradedWorstDecileMos()) {
            state = RegionState.DEGRADED;
            reason = format("worst-decile MOS %.2f < %.2f", worstDecileMos, t.degradedWorstDecileMos());
        } else {
            state = RegionState.HEALTHY;
            reason = format("median MOS %.2f, worst-decile MOS %.2f, %d of %d nodes unreachable",
                    medianMos, worstDecileMos, unreachable, reporting);
        }
        return new RegionAssessment(state, new RegionEvidence(nodesExpected, reporting, unreachable,
                unreachableShare, medianMos, worstDecileMos, p95Rtt, medianJitter, meanLoss, reason));
    }

    private static String unreachableReason(int unreachable, int reporting, double share) {
        return format("%d of %d nodes unreachable (%.0f%%)", unreachable, reporting, share * 100);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private static Double median(double[] sorted) {
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static Double nearestRank(double[] sorted, int percentile) {
        if (sorted.length == 0) {
            return null;
        }
        // Integer ceiling, because 0.1 * n in floating point can land just above a whole rank.
        int rank = (percentile * sorted.length + 99) / 100;
        return sorted[Math.max(rank, 1) - 1];
    }
}
