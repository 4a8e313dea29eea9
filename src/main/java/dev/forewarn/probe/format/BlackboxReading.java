package dev.forewarn.probe.format;

import dev.forewarn.quality.model.NodeSample;
import java.time.Instant;
import java.util.List;

/** Interprets the samples of one blackbox exporter {@code /probe} response as one node observation. */
public final class BlackboxReading {

    private static final double MILLIS_PER_SECOND = 1000.0;

    private BlackboxReading() {
    }

    /**
     * The node sample the probe response describes.
     *
     * <p>The round-trip time is taken, in this order of preference, from the ICMP {@code rtt} phase, the HTTP
     * {@code connect} phase (a TCP handshake is one round trip) or the whole probe duration. Jitter and loss
     * stay null; they are derived later from the series of samples.
     *
     * @param at when the probe ran (the poller's clock, not the exporter's)
     * @throws ProbeFormatException when {@code probe_success} is missing or not 0/1, or the duration used is
     *                              missing, NaN, infinite or negative
     */
    public static NodeSample toSample(String region, String node, Instant at, List<PromSample> samples) {
        double success = probeSuccess(samples);
        if (success == 0.0) {
            return NodeSample.unreachable(region, node, at);
        }
        double rttSeconds = roundTripSeconds(samples);
        return new NodeSample(region, node, at, true, rttSeconds * MILLIS_PER_SECOND, null, null);
    }

    private static double probeSuccess(List<PromSample> samples) {
        Double success = null;
        for (PromSample sample : samples) {
            if (sample.name().equals("probe_success")) {
                if (success != null) {
                    throw new ProbeFormatException("probe_success appears more than once");
                }
                success = sample.value();
            }
        }
        if (success == null) {
            throw new ProbeFormatException("no probe_success");
        }
        if (success != 0.0 && success != 1.0) {
            throw new ProbeFormatException("probe_success is " + success + ", expected 0 or 1");
        }
        return success;
    }

    private static double roundTripSeconds(List<PromSample> samples) {
        PromSample chosen = find(samples, "probe_icmp_duration_seconds", "rtt");
        if (chosen == null) {
            chosen = find(samples, "probe_http_duration_seconds", "connect");
        }
        if (chosen == null) {
            chosen = find(samples, "probe_duration_seconds", null);
        }
        if (chosen == null) {
            throw new ProbeFormatException("probe succeeded but reports no duration");
        }
        double seconds = chosen.value();
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            throw new ProbeFormatException(describe(chosen) + " is " + seconds
                    + ", expected a finite non-negative number of seconds");
        }
        return seconds;
    }

    private static PromSample find(List<PromSample> samples, String name, String phase) {
        for (PromSample sample : samples) {
            if (sample.name().equals(name) && (phase == null || phase.equals(sample.label("phase")))) {
                return sample;
            }
        }
        return null;
    }

    private static String describe(PromSample sample) {
        String phase = sample.label("phase");
        return phase == null ? sample.name() : sample.name() + "{phase=\"" + phase + "\"}";
    }
}
