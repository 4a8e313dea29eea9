package dev.forewarn.probe.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the Prometheus text exposition format 0.0.4, as a blackbox exporter's {@code /probe} returns it. */
public final class PrometheusTextParser {

    private PrometheusTextParser() {
    }

    /**
     * All samples of {@code body} in order; comments ({@code # HELP}, {@code # TYPE} and others) and blank
     * lines are skipped, timestamps are checked and dropped.
     *
     * @throws ProbeFormatException naming the line and the problem, for any malformed input
     */
    public static List<PromSample> parse(String body) {
        if (body == null) {
            throw new ProbeFormatException("body is missing");
        }
        List<PromSample> samples = new ArrayList<>();
        int lineNumber = 0;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) {
                end = body.length();
            }
            lineNumber++;
            String line = body.substring(start, end);
            // Exporters behind Windows proxies sometimes end lines with CRLF.
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && trimmed.charAt(0) != '#') {
                samples.add(new LineParser(line, lineNumber).sample());
            }
            start = end + 1;
        }
        return samples;
    }

    /** Cursor over one sample line. */
    private static final class LineParser {
        private final String line;
        private final int lineNumber;
        private int pos;

        LineParser(String line, int lineNumber) {
            this.line = line;
            this.lineNumber = lineNumber;
        }

        PromSample sample() {
            skipBlanks();
            String name = metricName();
            Map<String, String> labels = new LinkedHashMap<>();
            skipBlanks();
            if (peek() == '{') {
                pos++;
                labels(labels);
                skipBlanks();
            }
            String valueText = token();
            if (valueText.isEmpty()) {
                throw error("missing value for metric '" + name + "'");
            }
            Double value = PromNumbers.parseFloat(valueText);
            if (value == null) {
                throw error("value '" + shorten(valueText) + "' of metric '" + name + "' is not a number");
            }
            skipBlanks();
            if (!atEnd()) {
                String timestamp = token();
                if (!isTimestamp(timestamp)) {
                    throw error("timestamp '" + shorten(timestamp) + "' is not an integer of milliseconds");
                }
                skipBlanks();
                if (!atEnd()) {
                    throw error("unexpected text after timestamp at column " + (pos + 1));
                }
            }
            return new PromSample(name, labels, value);
        }

        private String metricName() {
            int begin = pos;
            while (!atEnd() && isNameChar(peek(), pos == begin, true)) {
                pos++;
            }
            if (pos == begin) {
                throw error("expected a metric name at column " + (pos + 1));
            }
            return line.substring(begin, pos);
        }

        private void labels(Map<String, String> labels) {
            while (true) {
                skipBlanks();
                if (peek() == '}') {
                    pos++;
                    return;
                }
                String labelName = labelName();
                skipBlanks();
                expect('=', "after label name '" + labelName + "'");
                skipBlanks();
                expect('"', "to open the value of label '" + labelName + "'");
                String value = labelValue(labelName);
                if (labels.put(labelName, value) != null) {
                    throw error("label '" + labelName + "' appears twice");
                }
                skipBlanks();
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}' after the value of label '" + labelName + "' at column "
                            + (pos + 1));
                }
            }
        }

        private String labelName() {
            int begin = pos;
            while (!atEnd() && isNameChar(peek(), pos == begin, false)) {
                pos++;
            }
            if (pos == begin) {
                throw error(atEnd() ? "label set is not closed with '}'"
                        : "expected a label name at column " + (pos + 1));
            }
            return line.substring(begin, pos);
        }

        private String labelValue(String labelName) {
            StringBuilder value = new StringBuilder();
            while (true) {
                if (atEnd()) {
                    throw error("value of label '" + labelName + "' is not closed with '\"'");
                }
                char c = line.charAt(pos++);
                if (c == '"') {
                    return value.toString();
                }
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                if (atEnd()) {
                    throw error("value of label '" + labelName + "' ends inside an escape");
                }
                char escaped = line.charAt(pos++);
                switch (escaped) {
                    case '\\' -> value.append('\\');
                    case '"' -> value.append('"');
                    case 'n' -> value.append('\n');
                    default -> throw error("invalid escape '\\" + escaped + "' in the value of label '"
                            + labelName + "'");
                }
            }
        }

        private String token() {
            int begin = pos;
            while (!atEnd() && peek() != ' ' && peek() != '\t') {
                pos++;
            }
            return line.substring(begin, pos);
        }

        private void expect(char expected, String context) {
            if (peek() != expected) {
                throw error("expected '" + expected + "' " + context + " at column " + (pos + 1));
            }
            pos++;
        }

        private void skipBlanks() {
            while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
                pos++;
            }
        }

        private char peek() {
            return atEnd() ? '\0' : line.charAt(pos);
        }

        private boolean atEnd() {
            return pos >= line.length();
        }

        private ProbeFormatException error(String problem) {
            return ProbeFormatException.atLine(lineNumber, problem);
        }

        private static boolean isNameChar(char c, boolean first, boolean colonAllowed) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
                    || (colonAllowed && c == ':') || (!first && c >= '0' && c <= '9');
        }

        private static boolean isTimestamp(String text) {
            String digits = text.startsWith("-") ? text.substring(1) : text;
            if (digits.isEmpty() || digits.length() > 18) {
                return false;
            }
            for (int i = 0; i < digits.length(); i++) {
                if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }

        private static String shorten(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "…";
        }
    }
}
