package dev.forewarn.probe.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.management.ThreadMXBean;
import dev.forewarn.quality.model.NodeSample;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The byte-level reading agrees with the strict parser on every answer, good or bad, and allocates little. */
class BlackboxScannerTest {

    private static final Instant AT = Instant.parse("2026-04-22T10:15:30Z");

    static Stream<String> answers() {
        return Stream.of(
                // real exporter answers: ICMP, HTTP (connect phase), TCP (whole duration), ICMP timeout
                Fixtures.read("blackbox-icmp.txt"),
                Fixtures.read("blackbox-http.txt"),
                Fixtures.read("blackbox-tcp.txt"),
                Fixtures.read("blackbox-icmp-timeout.txt"),
                // CRLF line ends, blanks around, a timestamp, no final newline
                "probe_success 1\r\nprobe_duration_seconds\t 0.25  1712345678000\r\n",
                "  probe_success   1  \nprobe_duration_seconds 2.5e-4",
                // ICMP rtt wins over HTTP connect; the first of a repeated series counts
                "probe_http_duration_seconds{phase=\"connect\"} 0.5\nprobe_icmp_duration_seconds{phase=\"rtt\"} 0.01\n"
                        + "probe_icmp_duration_seconds{phase=\"rtt\"} 0.02\nprobe_success 1\n",
                // labels in any order, escaped values, a phase that only starts like "rtt"
                "probe_icmp_duration_seconds{a=\"x\\\"y\",phase=\"rttx\"} 0.3\n"
                        + "probe_icmp_duration_seconds{ phase = \"rtt\" , b=\"\\\\\\n\" , } 0.004\nprobe_success 1\n",
                // numbers as Go writes them, and those it could
                "probe_success 1\nprobe_duration_seconds 1.12357e-05\n",
                "probe_success 1\nprobe_duration_seconds .5\n",
                "probe_success 1\nprobe_duration_seconds 5.\n",
                "probe_success 1\nprobe_duration_seconds +0.000112357\n",
                "probe_success 1\nprobe_duration_seconds 0.12345678901234567\n",
                "probe_success 1\nprobe_duration_seconds 123456789012345678901234567890e-30\n",
                "probe_success 1\nprobe_duration_seconds 1E-300\n",
                "probe_success 1\nprobe_duration_seconds 0.0000000000000000000000000001\n",
                "probe_success +1\nprobe_duration_seconds 0e5\n",
                // failures: a failed probe, NaN durations of a failed probe
                "probe_success 0\nprobe_duration_seconds NaN\n",
                "probe_success 0.0\n",
                // unusable answers: missing, repeated or odd probe_success, missing or bad durations
                "probe_duration_seconds 0.1\n",
                "",
                "\n\n# only comments\n",
                "probe_success 0.5\nprobe_duration_seconds 0.1\n",
                "probe_success NaN\n",
                "probe_success 1\nprobe_success 0\n",
                "probe_success 1\n",
                "probe_success 1\nprobe_icmp_duration_seconds{phase=\"rtt\"} NaN\n",
                "probe_success 1\nprobe_http_duration_seconds{phase=\"connect\"} -0.2\n",
                "probe_success 1\nprobe_duration_seconds +Inf\n",
                "probe_success 1\nprobe_duration_seconds -inf\n",
                // malformed series Forewarn reads
                "probe_success 1\nprobe_duration_seconds 0x1p3\n",
                "probe_success 1\nprobe_duration_seconds 1d\n",
                "probe_success 1\nprobe_duration_seconds Infinity\n",
                "probe_success 1\nprobe_duration_seconds -nan\n",
                "probe_success 1\nprobe_duration_seconds 1e\n",
                "probe_success 1\nprobe_duration_seconds .\n",
                "probe_success\n",
                "probe_success 1 12:00\n",
                "probe_success 1 1712345678000 extra\n",
                "probe_success{phase=\"rtt\" 1\n",
                "probe_success{phase=rtt} 1\n",
                "probe_success{phase=\"rtt} 1\n",
                "probe_success{phase=\"a\\tb\"} 1\n",
                "probe_success{1a=\"b\"} 1\n",
                "probe_icmp_duration_seconds{phase=\"rtt\",phase=\"setup\"} 0.1\nprobe_success 1\n",
                // a line that is no series at all
                "probe_success 1\n<html>502 Bad Gateway</html>\n");
    }

    @ParameterizedTest
    @MethodSource("answers")
    void readsWhatTheStrictParserReads(String answer) {
        NodeSample expected;
        try {
            expected = BlackboxReading.toSample("eu-fra", "edge-fra-01", AT, PrometheusTextParser.parse(answer));
        } catch (ProbeFormatException strict) {
            assertThatThrownBy(() -> scan(answer)).as("the strict parser refuses: %s", strict.getMessage())
                    .isExactlyInstanceOf(ProbeFormatException.class);
            return;
        }
        assertThat(scan(answer)).isEqualTo(expected);
    }

    static Stream<Arguments> placedErrors() {
        return Stream.of(
                // the line and column of the problem are named, like the strict parser does
                Arguments.of("# HELP x\nprobe_success 1\nprobe_duration_seconds abc\n", "line 3: value 'abc'"),
                Arguments.of("probe_success 1\n 2bad 1\n", "line 2: expected a metric name at column 2"),
                Arguments.of("probe_success 1\nprobe_duration_seconds 0.1\n", null));
    }

    @ParameterizedTest
    @MethodSource("placedErrors")
    void namesTheLineOfAProblem(String answer, String message) {
        if (message == null) {
            assertThat(scan(answer).rttMs()).isEqualTo(100.0);
        } else {
            assertThatThrownBy(() -> scan(answer)).hasMessageStartingWith(message);
        }
    }

    @Test
    void readsOnlyTheBytesItIsGiven() {
        byte[] padded = ("garbage\nprobe_success 1\nprobe_duration_seconds 0.5\ngarbage").getBytes(StandardCharsets.UTF_8);
        int from = "garbage\n".length();
        int length = padded.length - from - "garbage".length();

        assertThat(BlackboxScanner.read("r", "n", AT, padded, from, length).rttMs()).isEqualTo(500.0);
    }

    @Test
    void allocatesLittleMoreThanTheSampleItReturns() {
        byte[] answer = Fixtures.read("blackbox-http.txt").getBytes(StandardCharsets.UTF_8);
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            BlackboxScanner.read("r", "n", AT, answer, 0, answer.length);
        }
        int reads = 10_000;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < reads; i++) {
            BlackboxScanner.read("r", "n", AT, answer, 0, answer.length);
        }
        long perRead = (threads.getCurrentThreadAllocatedBytes() - before) / reads;

        // A NodeSample, its boxed RTT and the scan's few fields; the strict parser made ~23 KB for this answer.
        assertThat(perRead).as("bytes allocated per read of a %d-byte answer", answer.length).isLessThan(200);
    }

    private static NodeSample scan(String answer) {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        return BlackboxScanner.read("eu-fra", "edge-fra-01", AT, bytes, 0, bytes.length);
    }
}
