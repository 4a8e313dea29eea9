package dev.forewarn.quality.model;

import java.util.Objects;

/**
 * The quality of one node over one window, folded from its probe samples by {@link NodeWindow}.
 *
 * @param node      node id
 * @param reachable false when every sample of the window was unreachable
 * @param rttMs     mean round-trip time in milliseconds; 0 and meaningless when unreachable
 * @param jitterMs  jitter in milliseconds; 0 and meaningless when unreachable
 * @param lossRatio packet loss 0..1; 1.0 when unreachable
 * @param mos       estimated MOS 1..4.5; 1.0 when unreachable
 * @param samples   how many samples of the window went into this measurement
 */
public record NodeMeasurement(String node, boolean reachable, double rttMs, double jitterMs,
                              double lossRatio, double mos, int samples) {
    public NodeMeasurement {
        Objects.requireNonNull(node, "node");
        if (samples < 1) {
            throw new IllegalArgumentException("samples must be at least 1 but was " + samples);
        }
    }

    /** A node that answered none of the window's probes. */
    public static NodeMeasurement unreachable(String node, int samples) {
        return new NodeMeasurement(node, false, 0, 0, 1.0, 1.0, samples);
    }
}
