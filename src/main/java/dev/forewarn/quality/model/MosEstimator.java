package dev.forewarn.quality.model;

/**
 * Estimates the listening quality (MOS) of a voice path from its round-trip time, jitter and loss
 * with the simplified R-factor form of the ITU-T G.107 E-model.
 *
 * <p>The E-model (ITU-T Recommendation G.107, "The E-model: a computational model for use in
 * transmission planning") rates a path by a transmission rating factor R and maps R to an estimated
 * mean opinion score. This class uses the widely used simplified form derived from it by Cole and
 * Rosenbluth ("Voice over IP performance monitoring", ACM SIGCOMM CCR, 2001):
 *
 * <pre>
 *   effective latency Le = rttMs + 2 * jitterMs + codecDelayMs
 *   R = 93.2 - Le / 40            if Le &lt; 160 ms
 *   R = 93.2 - (Le - 120) / 10    otherwise
 *   R = R - 2.5 * lossPercent     (lossPercent = lossRatio * 100)
 *   R clamped to [0, 100]
 *   MOS = 1 + 0.035 R + 7e-6 R (R - 60) (100 - R), clamped to [1, 4.5]
 * </pre>
 *
 * <p>Latency is the measured round-trip time, not an estimated one-way delay: probes observe RTT, and
 * the one-way share of a real call path (client ↔ edge ↔ client) is not known. Using the full RTT is the
 * common reading of the simplified form and the conservative one — it warns a little earlier, which is what
 * an advance notice is for. With it, 30 ms RTT / 5 ms jitter / no loss rates 4.38, 250 ms / 40 ms / 4 %
 * rates 3.16 (degraded), and 300 ms / 40 ms / 3 % rates 3.03 (poor).
 *
 * <p>Unreachable nodes have no latency to rate; callers give them MOS 1 themselves (see {@link NodeWindow}).
 */
public final class MosEstimator {

    /** Codec and packetisation delay in milliseconds assumed when none is configured. */
    public static final double DEFAULT_CODEC_DELAY_MS = 10;

    private final double codecDelayMs;

    public MosEstimator(double codecDelayMs) {
        this.codecDelayMs = requireNonNegative(codecDelayMs, "codecDelayMs");
    }

    public double codecDelayMs() {
        return codecDelayMs;
    }

    /** The R-factor (0..100) of a path; inputs must be finite, non-negative and loss at most 1. */
    public double rFactor(double rttMs, double jitterMs, double lossRatio) {
        requireNonNegative(rttMs, "rttMs");
        requireNonNegative(jitterMs, "jitterMs");
        requireNonNegative(lossRatio, "lossRatio");
        if (lossRatio > 1) {
            throw new IllegalArgumentException("lossRatio must be at most 1 but was " + lossRatio);
        }
        double effectiveLatency = rttMs + 2 * jitterMs + codecDelayMs;
        double r = effectiveLatency < 160
                ? 93.2 - effectiveLatency / 40
                : 93.2 - (effectiveLatency - 120) / 10;
        r -= 2.5 * (lossRatio * 100);
        return clamp(r, 0, 100);
    }

    /** The estimated MOS (1..4.5) of a path; same input rules as {@link #rFactor}. */
    public double mos(double rttMs, double jitterMs, double lossRatio) {
        double r = rFactor(rttMs, jitterMs, lossRatio);
        double mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
        // The cubic dips just below 1 for R under about 6.5; the scale has no value below 1.
        return clamp(mos, 1, 4.5);
    }

    private static double requireNonNegative(double value, String name) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(name + " must be finite and non-negative but was " + value);
        }
        return value;
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
