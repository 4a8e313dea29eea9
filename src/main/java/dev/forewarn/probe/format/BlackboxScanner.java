package dev.forewarn.probe.format;

import dev.forewarn.quality.model.NodeSample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads one blackbox exporter {@code /probe} answer straight from its bytes: only the series Forewarn uses
 * ({@code probe_success} and the round-trip durations) are parsed, strictly; every other line is skipped after
 * its name ({@link ExpositionScan}). No String, map or regular expression is made on the way, so a probe costs a
 * node sample and little else — the same reading as {@link BlackboxReading} over {@link PrometheusTextParser}.
 */
public final class BlackboxScanner {

    private static final byte[] SUCCESS = ascii("probe_success");
    private static final byte[] ICMP = ascii("probe_icmp_duration_seconds");
    private static final byte[] HTTP = ascii("probe_http_duration_seconds");
    private static final byte[] DURATION = ascii("probe_duration_seconds");
    private static final byte[] RTT = ascii("rtt");
    private static final byte[] CONNECT = ascii("connect");
    private static final double MILLIS_PER_SECOND = 1000.0;

    private BlackboxScanner() {
    }

    /**
     * The node sample the answer {@code bytes[offset, offset + length)} describes (see
     * {@link BlackboxReading#toSample} for the rules).
     *
     * @throws ProbeFormatException naming the line and the problem when a series Forewarn reads is malformed,
     *                              a line does not start with a metric name, {@code probe_success} is missing,
     *                              repeated or not 0/1, or the duration used is missing, NaN, infinite or negative
     */
    public static NodeSample read(String region, String node, Instant at, byte[] bytes, int offset, int length) {
        Scan scan = new Scan(bytes, offset, offset + length);
        scan.lines();
        if (!scan.sawSuccess) {
            throw new ProbeFormatException("no probe_success");
        }
        if (scan.success == 0.0) {
            return NodeSample.unreachable(region, node, at);
        }
        double seconds;
        String chosen;
        if (scan.sawIcmpRtt) {
            seconds = scan.icmpRtt;
            chosen = "probe_icmp_duration_seconds{phase=\"rtt\"}";
        } else if (scan.sawHttpConnect) {
            seconds = scan.httpConnect;
            chosen = "probe_http_duration_seconds{phase=\"connect\"}";
        } else if (scan.sawDuration) {
            seconds = scan.duration;
            chosen = "probe_duration_seconds";
        } else {
            throw new ProbeFormatException("probe succeeded but reports no duration");
        }
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            throw new ProbeFormatException(chosen + " is " + seconds
                    + ", expected a finite non-negative number of seconds");
        }
        return new NodeSample(region, node, at, true, seconds * MILLIS_PER_SECOND, null, null);
    }

    /** The few values of one answer Forewarn keeps, as plain fields. */
    private static final class Scan extends ExpositionScan {
        boolean sawSuccess;
        double success;
        boolean sawIcmpRtt;
        double icmpRtt;
        boolean sawHttpConnect;
        double httpConnect;
        boolean sawDuration;
        double duration;

        Scan(byte[] b, int start, int end) {
            super(b, start, end, "phase");
        }

        @Override
        protected void sample(int nameStart, int nameLength) {
            if (same(nameStart, nameLength, SUCCESS)) {
                double value = series("probe_success");
                if (sawSuccess) {
                    throw new ProbeFormatException("probe_success appears more than once");
                }
                if (value != 0.0 && value != 1.0) {
                    throw new ProbeFormatException("probe_success is " + value + ", expected 0 or 1");
                }
                sawSuccess = true;
                success = value;
            } else if (same(nameStart, nameLength, ICMP)) {
                double value = series("probe_icmp_duration_seconds");
                if (keptLabelIs(RTT) && !sawIcmpRtt) {
                    sawIcmpRtt = true;
                    icmpRtt = value;
                }
            } else if (same(nameStart, nameLength, HTTP)) {
                double value = series("probe_http_duration_seconds");
                if (keptLabelIs(CONNECT) && !sawHttpConnect) {
                    sawHttpConnect = true;
                    httpConnect = value;
                }
            } else if (same(nameStart, nameLength, DURATION)) {
                double value = series("probe_duration_seconds");
                if (!sawDuration) {
                    sawDuration = true;
                    duration = value;
                }
            }
            // Any other series is not read, so not checked beyond its name.
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
