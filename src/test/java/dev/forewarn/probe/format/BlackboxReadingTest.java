package dev.forewarn.probe.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.forewarn.quality.model.NodeSample;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BlackboxReadingTest {

    private static final Instant AT = Instant.parse("2026-04-22T10:15:30Z");

    static Stream<Arguments> reachableProbes() {
        return Stream.of(
                // ICMP module: the rtt phase is the round trip
                Arguments.of(Fixtures.read("blackbox-icmp.txt"), 42.187511),
                // HTTP module: the TCP connect phase stands for one round trip, not the whole TLS+HTTP exchange
                Arguments.of(Fixtures.read("blackbox-http.txt"), 38.114292),
                // TCP module has no phases: fall back to the whole probe duration
                Arguments.of(Fixtures.read("blackbox-tcp.txt"), 95.213877),
                // ICMP rtt wins over HTTP connect when a custom exporter reports both
                Arguments.of("probe_http_duration_seconds{phase=\"connect\"} 0.5\n"
                        + "probe_icmp_duration_seconds{phase=\"rtt\"} 0.01\nprobe_success 1\n", 10.0),
                // a zero duration is a legal (local) measurement
                Arguments.of("probe_duration_seconds 0\nprobe_success 1\n", 0.0));
    }

    @ParameterizedTest
    @MethodSource("reachableProbes")
    void readsTheRoundTripOfASuccessfulProbe(String body, double expectedRttMs) {
        NodeSample sample = BlackboxReading.toSample("eu-fra", "edge-fra-01", AT, PrometheusTextParser.parse(body));

        assertThat(sample.reachable()).isTrue();
        assertThat(sample.rttMs()).isCloseTo(expectedRttMs, within(1e-9));
        assertThat(sample.jitterMs()).isNull();
        assertThat(sample.lossRatio()).isNull();
        assertThat(sample.at()).isEqualTo(AT);
        assertThat(sample.region()).isEqualTo("eu-fra");
        assertThat(sample.node()).isEqualTo("edge-fra-01");
    }

    static Stream<Arguments> failedProbes() {
        return Stream.of(
                // ICMP timeout: rtt phase is 0 and must not be read as a 0 ms round trip
                Arguments.of(Fixtures.read("blackbox-icmp-timeout.txt")),
                // a failed probe's durations are irrelevant, even when absurd
                Arguments.of("probe_success 0\nprobe_duration_seconds NaN\n"));
    }

    @ParameterizedTest
    @MethodSource("failedProbes")
    void reportsAFailedProbeAsUnreachable(String body) {
        NodeSample sample = BlackboxReading.toSample("eu-fra", "edge-fra-01", AT, PrometheusTextParser.parse(body));

        assertThat(sample).isEqualTo(NodeSample.unreachable("eu-fra", "edge-fra-01", AT));
    }

    static Stream<Arguments> unusableProbes() {
        return Stream.of(
                // probe_success is required
                Arguments.of("probe_duration_seconds 0.1\n", "no probe_success"),
                // an empty response
                Arguments.of("", "no probe_success"),
                // probe_success is a boolean gauge
                Arguments.of("probe_success 0.5\nprobe_duration_seconds 0.1\n", "probe_success is 0.5"),
                // NaN probe_success
                Arguments.of("probe_success NaN\n", "probe_success is NaN"),
                // two answers to one probe
                Arguments.of("probe_success 1\nprobe_success 0\n", "probe_success appears more than once"),
                // success without any duration
                Arguments.of("probe_success 1\n", "probe succeeded but reports no duration"),
                // NaN duration
                Arguments.of("probe_success 1\nprobe_icmp_duration_seconds{phase=\"rtt\"} NaN\n",
                        "probe_icmp_duration_seconds{phase=\"rtt\"} is NaN"),
                // negative duration
                Arguments.of("probe_success 1\nprobe_http_duration_seconds{phase=\"connect\"} -0.2\n",
                        "probe_http_duration_seconds{phase=\"connect\"} is -0.2"),
                // infinite duration
                Arguments.of("probe_success 1\nprobe_duration_seconds +Inf\n", "probe_duration_seconds is Infinity"));
    }

    @ParameterizedTest
    @MethodSource("unusableProbes")
    void rejectsResponsesThatDoNotDescribeAProbe(String body, String message) {
        var samples = PrometheusTextParser.parse(body);

        assertThatThrownBy(() -> BlackboxReading.toSample("eu-fra", "edge-fra-01", AT, samples))
                .isExactlyInstanceOf(ProbeFormatException.class)
                .hasMessageStartingWith(message);
    }
}
