package dev.forewarn.probe.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusTextParserTest {

    static Stream<Arguments> validLines() {
        return Stream.of(
                // bare metric name and integer value
                Arguments.of("probe_success 1", "probe_success", Map.of(), 1.0),
                // colons are legal in metric names (recording rules)
                Arguments.of("job:probe_rtt:avg5m 0.25", "job:probe_rtt:avg5m", Map.of(), 0.25),
                // one label
                Arguments.of("probe_icmp_duration_seconds{phase=\"rtt\"} 0.042", "probe_icmp_duration_seconds",
                        Map.of("phase", "rtt"), 0.042),
                // trailing comma in the label set
                Arguments.of("m{a=\"1\",b=\"2\",} 3", "m", Map.of("a", "1", "b", "2"), 3.0),
                // empty label set
                Arguments.of("m{} 3", "m", Map.of(), 3.0),
                // blanks around tokens
                Arguments.of("  m { a = \"x\" , b=\"y\" }   7  ", "m", Map.of("a", "x", "b", "y"), 7.0),
                // escaped backslash, quote and newline in a label value
                Arguments.of("m{path=\"C:\\\\tmp\",q=\"say \\\"hi\\\"\",nl=\"a\\nb\"} 1", "m",
                        Map.of("path", "C:\\tmp", "q", "say \"hi\"", "nl", "a\nb"), 1.0),
                // braces, commas and equals inside a quoted value are just text
                Arguments.of("m{v=\"}{,=\"} 1", "m", Map.of("v", "}{,="), 1.0),
                // scientific notation as blackbox writes hashes
                Arguments.of("probe_ip_addr_hash 3.392178519e+09", "probe_ip_addr_hash", Map.of(), 3.392178519e9),
                // negative exponent
                Arguments.of("m 1.5E-3", "m", Map.of(), 0.0015),
                // negative value (probe_http_content_length when unknown)
                Arguments.of("probe_http_content_length -1", "probe_http_content_length", Map.of(), -1.0),
                // positive infinity, e.g. the +Inf histogram bucket
                Arguments.of("h_bucket{le=\"+Inf\"} +Inf", "h_bucket", Map.of("le", "+Inf"), Double.POSITIVE_INFINITY),
                // negative infinity
                Arguments.of("m -Inf", "m", Map.of(), Double.NEGATIVE_INFINITY),
                // integer timestamp in milliseconds is accepted and dropped
                Arguments.of("m{a=\"b\"} 4 1712345678123", "m", Map.of("a", "b"), 4.0),
                // negative timestamp
                Arguments.of("m 4 -1000", "m", Map.of(), 4.0),
                // tab as separator and UTF-8 in a label value
                Arguments.of("m{city=\"São Paulo\"}\t2", "m", Map.of("city", "São Paulo"), 2.0));
    }

    @ParameterizedTest
    @MethodSource("validLines")
    void parsesOneSampleLine(String line, String name, Map<String, String> labels, double value) {
        List<PromSample> samples = PrometheusTextParser.parse(line);

        assertThat(samples).containsExactly(new PromSample(name, labels, value));
    }

    @Test
    void parsesNotANumber() {
        assertThat(PrometheusTextParser.parse("probe_tls_version_info NaN").get(0).value()).isNaN();
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                // a value is required
                Arguments.of("probe_success", "line 1: missing value for metric 'probe_success'"),
                // a metric name cannot start with a digit
                Arguments.of("1probe 1", "line 1: expected a metric name at column 1"),
                // values must be numbers
                Arguments.of("m abc", "line 1: value 'abc' of metric 'm' is not a number"),
                // Java-only number syntax is rejected
                Arguments.of("m 0x10", "line 1: value '0x10' of metric 'm' is not a number"),
                // Java's Infinity spelling is not Prometheus'
                Arguments.of("m Infinity", "line 1: value 'Infinity' of metric 'm' is not a number"),
                // the line number counts comments and blank lines
                Arguments.of("# HELP m x\n\nm 1\nm{a=\"1\" 2", "line 4: expected ',' or '}' after the value of label 'a'"),
                // an unterminated label value
                Arguments.of("m{a=\"1} 2", "line 1: value of label 'a' is not closed"),
                // an unknown escape
                Arguments.of("m{a=\"\\t\"} 2", "line 1: invalid escape '\\t' in the value of label 'a'"),
                // label values must be quoted
                Arguments.of("m{a=1} 2", "line 1: expected '\"' to open the value of label 'a'"),
                // label names cannot contain colons
                Arguments.of("m{a:b=\"1\"} 2", "line 1: expected '=' after label name 'a'"),
                // a label set without its closing brace
                Arguments.of("m{a=\"1\",", "line 1: label set is not closed"),
                // a repeated label
                Arguments.of("m{a=\"1\",a=\"2\"} 2", "line 1: label 'a' appears twice"),
                // timestamps are integers
                Arguments.of("m 1 1.5", "line 1: timestamp '1.5' is not an integer"),
                // nothing may follow the timestamp
                Arguments.of("m 1 2 3", "line 1: unexpected text after timestamp"),
                // a missing blank between labels and value still needs a value
                Arguments.of("m{a=\"1\"}", "line 1: missing value for metric 'm'"));
    }

    @ParameterizedTest
    @MethodSource("malformedBodies")
    void rejectsMalformedInputNamingTheLine(String body, String message) {
        assertThatThrownBy(() -> PrometheusTextParser.parse(body))
                .isExactlyInstanceOf(ProbeFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void rejectsMissingBody() {
        assertThatThrownBy(() -> PrometheusTextParser.parse(null)).isExactlyInstanceOf(ProbeFormatException.class);
    }

    @Test
    void skipsCommentsAndBlankLinesAndAcceptsCrlf() {
        String body = "# HELP m help\r\n# TYPE m gauge\r\n\r\n   \r\n# any comment\r\nm 1\r\nn 2\r\n";

        assertThat(PrometheusTextParser.parse(body)).extracting(PromSample::name).containsExactly("m", "n");
    }

    @Test
    void parsesARealBlackboxHttpModuleResponse() {
        List<PromSample> samples = PrometheusTextParser.parse(Fixtures.read("blackbox-http.txt"));

        assertThat(samples).hasSize(21);
        assertThat(samples).filteredOn(s -> s.name().equals("probe_ssl_last_chain_info")).singleElement()
                .satisfies(s -> assertThat(s.label("issuer")).isEqualTo("CN=R11,O=Let's Encrypt,C=US"));
        assertThat(samples).contains(new PromSample("probe_tls_version_info", Map.of("version", "TLS 1.3"), 1));
    }

    @Test
    void neverThrowsAnythingButProbeFormatException() {
        Random random = new Random(20260422L);
        String seed = Fixtures.read("blackbox-http.txt") + "m{a=\"x\\\"y\\\\z\\n\",} -Inf 1712345678000\n";
        String alphabet = "{}\",=\\ \t\n#+-.eE0123456789aInfNa_:{}\r\u00e9\u0000";
        int parsed = 0;
        for (int i = 0; i < 5000; i++) {
            String input = i % 2 == 0 ? mutate(seed, random, alphabet) : randomText(random, alphabet);
            try {
                PrometheusTextParser.parse(input);
                parsed++;
            } catch (ProbeFormatException expected) {
                assertThat(expected.getMessage()).startsWith("line ");
            }
        }
        // The mutations must leave some inputs valid, or the test only exercises error paths.
        assertThat(parsed).isPositive();
    }

    private static String mutate(String seed, Random random, String alphabet) {
        StringBuilder text = new StringBuilder(seed);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && text.length() > 0; e++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                default -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return text.toString();
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(120);
        for (int c = 0; c < length; c++) {
            text.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000)
                    : alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
