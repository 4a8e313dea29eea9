package dev.forewarn.probe.format;

import dev.forewarn.quality.model.NodeSample;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads one blackbox exporter {@code /probe} answer straight from its bytes: only the series Forewarn uses
 * ({@code probe_success} and the round-trip durations) are parsed, strictly; every other line is skipped after
 * its name. No String, map or regular expression is made on the way, so a probe costs a node sample and little
 * else — the same reading as {@link BlackboxReading} over {@link PrometheusTextParser}.
 */
public final class BlackboxScanner {

    private static final byte[] SUCCESS = ascii("probe_success");
    private static final byte[] ICMP = ascii("probe_icmp_duration_seconds");
    private static final byte[] HTTP = ascii("probe_http_duration_seconds");
    private static final byte[] DURATION = ascii("probe_duration_seconds");
    private static final byte[] PHASE = ascii("phase");
    private static final byte[] RTT = ascii("rtt");
    private static final byte[] CONNECT = ascii("connect");
    // Exact powers of ten: a decimal of at most 15 digits times one of them is correctly rounded (Clinger).
    private static final double[] POWERS = new double[23];
    private static final int SAFE_DIGITS = 15;
    private static final double MILLIS_PER_SECOND = 1000.0;

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

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

    /** One pass over the answer; the few values it keeps are plain fields. */
    private static final class Scan {
        private final byte[] b;
        private final int end;
        private int pos;
        private int lineEnd;
        private int line;
        boolean sawSuccess;
        double success;
        boolean sawIcmpRtt;
        double icmpRtt;
        boolean sawHttpConnect;
        double httpConnect;
        boolean sawDuration;
        double duration;

        Scan(byte[] b, int start, int end) {
            this.b = b;
            this.pos = start;
            this.end = end;
        }

        void lines() {
            while (pos < end || line == 0) {
                line++;
                lineEnd = pos;
                while (lineEnd < end && b[lineEnd] != '\n') {
                    lineEnd++;
                }
                int next = lineEnd + 1;
                // Exporters behind Windows proxies sometimes end lines with CRLF.
                if (lineEnd > pos && b[lineEnd - 1] == '\r') {
                    lineEnd--;
                }
                sampleLine();
                pos = next;
            }
        }

        private void sampleLine() {
            skipBlanks();
            if (pos >= lineEnd || b[pos] == '#') {
                return;
            }
            int nameStart = pos;
            while (pos < lineEnd && isNameByte(b[pos], pos == nameStart, true)) {
                pos++;
            }
            if (pos == nameStart) {
                throw error("expected a metric name at column " + column(nameStart));
            }
            int nameLength = pos - nameStart;
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
                if (phaseIs(RTT) && !sawIcmpRtt) {
                    sawIcmpRtt = true;
                    icmpRtt = value;
                }
            } else if (same(nameStart, nameLength, HTTP)) {
                double value = series("probe_http_duration_seconds");
                if (phaseIs(CONNECT) && !sawHttpConnect) {
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

        // Where the value of the current series' phase label starts (-1: no such label) and its length.
        private int phase = -1;
        private int phaseLength;

        private boolean phaseIs(byte[] wanted) {
            return phase >= 0 && same(phase, phaseLength, wanted);
        }

        /** The label set (remembering the phase) and the value of the series whose name was just read. */
        private double series(String name) {
            phase = -1;
            skipBlanks();
            if (pos < lineEnd && b[pos] == '{') {
                labels();
                skipBlanks();
            }
            int valueStart = pos;
            while (pos < lineEnd && b[pos] != ' ' && b[pos] != '\t') {
                pos++;
            }
            if (pos == valueStart) {
                throw error("missing value for metric '" + name + "'");
            }
            double value = number(valueStart, pos);
            if (Double.isNaN(value) && !isNaN(valueStart, pos)) {
                throw error("value '" + shorten(valueStart, pos) + "' of metric '" + name + "' is not a number");
            }
            skipBlanks();
            if (pos < lineEnd) {
                int stampStart = pos;
                while (pos < lineEnd && b[pos] != ' ' && b[pos] != '\t') {
                    pos++;
                }
                if (!isTimestamp(stampStart, pos)) {
                    throw error("timestamp '" + shorten(stampStart, pos) + "' is not an integer of milliseconds");
                }
                skipBlanks();
                if (pos < lineEnd) {
                    throw error("unexpected text after timestamp at column " + column(pos));
                }
            }
            return value;
        }

        private void labels() {
            pos++; // '{'
            while (true) {
                skipBlanks();
                if (pos < lineEnd && b[pos] == '}') {
                    pos++;
                    return;
                }
                int nameStart = pos;
                while (pos < lineEnd && isNameByte(b[pos], pos == nameStart, false)) {
                    pos++;
                }
                if (pos == nameStart) {
                    throw error(pos >= lineEnd ? "label set is not closed with '}'"
                            : "expected a label name at column " + column(pos));
                }
                int nameLength = pos - nameStart;
                skipBlanks();
                expect('=', "after a label name");
                skipBlanks();
                expect('"', "to open a label value");
                int valueStart = pos;
                while (true) {
                    if (pos >= lineEnd) {
                        throw error("a label value is not closed with '\"'");
                    }
                    byte c = b[pos++];
                    if (c == '"') {
                        break;
                    }
                    if (c == '\\') {
                        if (pos >= lineEnd) {
                            throw error("a label value ends inside an escape");
                        }
                        byte escaped = b[pos++];
                        if (escaped != '\\' && escaped != '"' && escaped != 'n') {
                            throw error("invalid escape '\\" + (char) escaped + "' in a label value");
                        }
                    }
                }
                if (same(nameStart, nameLength, PHASE)) {
                    if (phase >= 0) {
                        throw error("label 'phase' appears twice");
                    }
                    // Raw bytes: "rtt" and "connect" hold no escapes, so an escaped value never equals them.
                    phase = valueStart;
                    phaseLength = pos - 1 - valueStart;
                }
                skipBlanks();
                if (pos < lineEnd && b[pos] == ',') {
                    pos++;
                } else if (pos >= lineEnd || b[pos] != '}') {
                    throw error("expected ',' or '}' after a label value at column " + column(pos));
                }
            }
        }

        /** The float at {@code [from, to)}, NaN when it is not a Prometheus float (the caller tells them apart). */
        private double number(int from, int to) {
            int len = to - from;
            if (len > 400) {
                return Double.NaN;
            }
            int i = from;
            boolean negative = false;
            if (b[i] == '+' || b[i] == '-') {
                negative = b[i] == '-';
                i++;
            }
            if (isWord(i, to, "inf")) {
                return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            long mantissa = 0;
            int digits = 0;
            int scale = 0;
            int intDigits = 0;
            int fracDigits = 0;
            boolean precise = true;
            while (i < to && b[i] >= '0' && b[i] <= '9') {
                if (mantissa != 0 || b[i] != '0') {
                    if (digits < SAFE_DIGITS) {
                        mantissa = mantissa * 10 + (b[i] - '0');
                        digits++;
                    } else {
                        precise = false;
                        scale++;
                    }
                }
                intDigits++;
                i++;
            }
            if (i < to && b[i] == '.') {
                i++;
                while (i < to && b[i] >= '0' && b[i] <= '9') {
                    if (mantissa != 0 || b[i] != '0') {
                        if (digits < SAFE_DIGITS) {
                            mantissa = mantissa * 10 + (b[i] - '0');
                            digits++;
                            scale--;
                        } else {
                            precise = false;
                        }
                    } else {
                        scale--;
                    }
                    fracDigits++;
                    i++;
                }
            }
            if (intDigits + fracDigits == 0) {
                return Double.NaN;
            }
            int exponent = 0;
            if (i < to && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                boolean negativeExponent = false;
                if (i < to && (b[i] == '+' || b[i] == '-')) {
                    negativeExponent = b[i] == '-';
                    i++;
                }
                int expStart = i;
                while (i < to && b[i] >= '0' && b[i] <= '9') {
                    if (exponent < 10_000) {
                        exponent = exponent * 10 + (b[i] - '0');
                    }
                    i++;
                }
                if (i == expStart) {
                    return Double.NaN;
                }
                exponent = negativeExponent ? -exponent : exponent;
            }
            if (i != to) {
                return Double.NaN;
            }
            int power = scale + exponent;
            double value;
            if (mantissa == 0) {
                value = 0.0;
            } else if (precise && power >= -22 && power <= 22) {
                value = power >= 0 ? mantissa * POWERS[power] : mantissa / POWERS[-power];
            } else {
                // Rare (more than 15 significant digits or a far exponent): the JDK's exact conversion.
                value = Double.parseDouble(new String(b, from, len, StandardCharsets.ISO_8859_1));
                return value;
            }
            return negative ? -value : value;
        }

        private boolean isNaN(int from, int to) {
            return isWord(from, to, "nan");
        }

        private boolean isWord(int from, int to, String word) {
            if (to - from != word.length()) {
                return false;
            }
            for (int k = 0; k < word.length(); k++) {
                if ((b[from + k] | 0x20) != word.charAt(k)) {
                    return false;
                }
            }
            return true;
        }

        private boolean isTimestamp(int from, int to) {
            int i = from < to && b[from] == '-' ? from + 1 : from;
            if (i == to || to - i > 18) {
                return false;
            }
            for (; i < to; i++) {
                if (b[i] < '0' || b[i] > '9') {
                    return false;
                }
            }
            return true;
        }

        private void expect(char c, String context) {
            if (pos >= lineEnd || b[pos] != c) {
                throw error("expected '" + c + "' " + context + " at column " + column(pos));
            }
            pos++;
        }

        private void skipBlanks() {
            while (pos < lineEnd && (b[pos] == ' ' || b[pos] == '\t')) {
                pos++;
            }
        }

        private boolean same(int from, int length, byte[] wanted) {
            if (length != wanted.length) {
                return false;
            }
            for (int k = 0; k < length; k++) {
                if (b[from + k] != wanted[k]) {
                    return false;
                }
            }
            return true;
        }

        private int column(int at) {
            int start = at;
            while (start > 0 && b[start - 1] != '\n') {
                start--;
            }
            return at - start + 1;
        }

        private String shorten(int from, int to) {
            String text = new String(b, from, Math.min(to - from, 40), StandardCharsets.UTF_8);
            return to - from <= 40 ? text : text + "…";
        }

        private ProbeFormatException error(String problem) {
            return ProbeFormatException.atLine(line, problem);
        }

        private static boolean isNameByte(byte c, boolean first, boolean colonAllowed) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || (colonAllowed && c == ':') || (!first && c >= '0' && c <= '9');
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
