package dev.forewarn.probe.format;

import java.nio.charset.StandardCharsets;

/**
 * One pass over a Prometheus text-format answer straight from its bytes: a subclass is handed each sample line
 * after its metric name and reads the series it wants (labels and value, strictly) or skips it. No String, map
 * or regular expression is made on the way. One label of a series read (say {@code phase}) is kept for the
 * subclass to look at.
 */
abstract class ExpositionScan {
    protected final byte[] b;
    private final int end;
    private final byte[] keptLabel;
    private final String keptLabelName;
    protected int pos;
    private int lineEnd;
    private int line;
    // Where the value of the kept label of the current series starts (-1: no such label) and its length.
    private int kept = -1;
    private int keptLength;

    ExpositionScan(byte[] b, int start, int end, String keptLabel) {
        this.b = b;
        this.pos = start;
        this.end = end;
        this.keptLabelName = keptLabel;
        this.keptLabel = keptLabel.getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads every line, handing each sample line to {@link #sample} right after its metric name. */
    final void lines() {
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
        sample(nameStart, pos - nameStart);
    }

    /**
     * Reads (with {@link #series}) or ignores the sample line whose metric name is {@code b[nameStart,
     * nameStart + nameLength)}; a line not read is not checked beyond its name.
     */
    protected abstract void sample(int nameStart, int nameLength);

    /** Whether the kept label of the series just read has the value {@code wanted}. */
    protected final boolean keptLabelIs(byte[] wanted) {
        return kept >= 0 && same(kept, keptLength, wanted);
    }

    /** The label set (remembering the kept label) and the value of the series whose name was just read. */
    protected final double series(String name) {
        kept = -1;
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
        double value = ByteFloats.parse(b, valueStart, pos);
        if (Double.isNaN(value) && !ByteFloats.isNaN(b, valueStart, pos)) {
            throw error("value '" + shorten(valueStart, pos) + "' of metric '" + name + "' is not a number");
        }
        skipBlanks();
        if (pos < lineEnd) {
            int stampStart = pos;
            while (pos < lineEnd && b[pos] != ' ' && b[pos] != '\t') {
                pos++;
            }
            if (!ByteFloats.isTimestamp(b, stampStart, pos)) {
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
            if (same(nameStart, nameLength, keptLabel)) {
                if (kept >= 0) {
                    throw error("label '" + keptLabelName + "' appears twice");
                }
                // Raw bytes: a wanted value holding no escapes never equals an escaped one.
                kept = valueStart;
                keptLength = pos - 1 - valueStart;
            }
            skipBlanks();
            if (pos < lineEnd && b[pos] == ',') {
                pos++;
            } else if (pos >= lineEnd || b[pos] != '}') {
                throw error("expected ',' or '}' after a label value at column " + column(pos));
            }
        }
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

    protected final boolean same(int from, int length, byte[] wanted) {
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

    protected final int column(int at) {
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

    protected final ProbeFormatException error(String problem) {
        return ProbeFormatException.atLine(line, problem);
    }

    private static boolean isNameByte(byte c, boolean first, boolean colonAllowed) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                || (colonAllowed && c == ':') || (!first && c >= '0' && c <= '9');
    }
}
