package dev.forewarn.probe.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.quality.model.NodeSample;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProbeReportValidatorTest {

    private static final Instant NOW = Instant.parse("2026-04-22T10:15:30Z");
    private static final Duration SKEW = Duration.ofSeconds(30);
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Map<String, Set<String>> NODES = Map.of(
            "eu-fra", Set.of("edge-fra-01", "edge-fra-02"),
            "ap-sgp", Set.of("edge-sgp-01"));

    static Stream<Arguments> acceptedReadings() {
        return Stream.of(
                // a full reading; loss percent becomes a ratio
                Arguments.of(reading().build(),
                        new NodeSample("eu-fra", "edge-fra-01", NOW.minusSeconds(5), true, 40.0, 3.0, 0.005)),
                // reachable omitted but an RTT given: it answered
                Arguments.of(reading().reachable(null).jitter(null).loss(null).build(),
                        new NodeSample("eu-fra", "edge-fra-01", NOW.minusSeconds(5), true, 40.0, null, null)),
                // an unreachable node; its loss is total whatever it reported
                Arguments.of(reading().reachable(false).rtt(null).jitter(null).loss(null).build(),
                        NodeSample.unreachable("eu-fra", "edge-fra-01", NOW.minusSeconds(5))),
                // reachable with no measurement at all is still a reachability sample
                Arguments.of(reading().rtt(null).jitter(null).loss(null).build(),
                        new NodeSample("eu-fra", "edge-fra-01", NOW.minusSeconds(5), true, null, null, null)),
                // exactly at the future skew limit
                Arguments.of(reading().at(NOW.plus(SKEW)).build(),
                        new NodeSample("eu-fra", "edge-fra-01", NOW.plus(SKEW), true, 40.0, 3.0, 0.005)),
                // exactly at the maximum age
                Arguments.of(reading().at(NOW.minus(MAX_AGE)).build(),
                        new NodeSample("eu-fra", "edge-fra-01", NOW.minus(MAX_AGE), true, 40.0, 3.0, 0.005)),
                // the boundaries of the plausible ranges
                Arguments.of(reading().rtt(60_000.0).jitter(0.0).loss(100.0).build(),
                        new NodeSample("eu-fra", "edge-fra-01", NOW.minusSeconds(5), true, 60_000.0, 0.0, 1.0)));
    }

    @ParameterizedTest
    @MethodSource("acceptedReadings")
    void acceptsPlausibleReadings(ProbeReading reading, NodeSample expected) {
        ValidatedReport result = validate(new ProbeReport("agent", List.of(reading)));

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted()).containsExactly(expected);
    }

    static Stream<Arguments> rejectedReadings() {
        return Stream.of(
                // region missing
                Arguments.of(reading().region(null).build(), "region", "is missing"),
                // region not configured
                Arguments.of(reading().region("us-iad").build(), "region", "'us-iad' is not a known region"),
                // node missing
                Arguments.of(reading().node(null).build(), "node", "is missing"),
                // node of another region
                Arguments.of(reading().node("edge-sgp-01").build(), "node",
                        "'edge-sgp-01' is not a known node of region 'eu-fra'"),
                // at missing
                Arguments.of(reading().at(null).build(), "at", "is missing"),
                // at beyond the tolerated clock skew
                Arguments.of(reading().at(NOW.plus(SKEW).plusSeconds(1)).build(), "at",
                        "2026-04-22T10:16:01Z is more than PT30S in the future"),
                // at too old to describe the present
                Arguments.of(reading().at(NOW.minus(MAX_AGE).minusSeconds(1)).build(), "at",
                        "2026-04-22T10:05:29Z is older than PT10M"),
                // NaN round trip
                Arguments.of(reading().rtt(Double.NaN).build(), "rttMs", "NaN is not a finite number"),
                // negative round trip
                Arguments.of(reading().rtt(-1.0).build(), "rttMs", "-1.0 is negative"),
                // absurd round trip
                Arguments.of(reading().rtt(60_000.5).build(), "rttMs", "60000.5 is above 60000 ms"),
                // infinite jitter
                Arguments.of(reading().jitter(Double.POSITIVE_INFINITY).build(), "jitterMs",
                        "Infinity is not a finite number"),
                // negative jitter
                Arguments.of(reading().jitter(-0.5).build(), "jitterMs", "-0.5 is negative"),
                // loss above 100 %
                Arguments.of(reading().loss(100.5).build(), "lossPercent", "100.5 is outside 0..100"),
                // negative loss
                Arguments.of(reading().loss(-1.0).build(), "lossPercent", "-1.0 is outside 0..100"),
                // NaN loss
                Arguments.of(reading().loss(Double.NaN).build(), "lossPercent", "NaN is outside 0..100"),
                // neither reachable nor rtt: nothing says whether the node answered
                Arguments.of(reading().reachable(null).rtt(null).build(), "reachable",
                        "is missing and there is no rttMs to infer it from"),
                // an unreachable node with a round trip contradicts itself
                Arguments.of(reading().reachable(false).jitter(null).build(), "rttMs",
                        "must be absent when reachable is false"));
    }

    @ParameterizedTest
    @MethodSource("rejectedReadings")
    void rejectsImplausibleReadingsNamingTheField(ProbeReading reading, String field, String reason) {
        ValidatedReport result = validate(new ProbeReport("agent", List.of(reading)));

        assertThat(result.accepted()).isEmpty();
        assertThat(result.rejected()).containsExactly(new Rejection(0, field, reason));
    }

    static Stream<Arguments> rejectedReports() {
        return Stream.of(
                // no report at all
                Arguments.of(null, new Rejection(-1, "report", "is missing")),
                // readings omitted
                Arguments.of(new ProbeReport("agent", null), new Rejection(-1, "readings", "is missing or empty")),
                // readings empty
                Arguments.of(new ProbeReport("agent", List.of()), new Rejection(-1, "readings", "is missing or empty")));
    }

    @ParameterizedTest
    @MethodSource("rejectedReports")
    void rejectsAnEmptyReportOnce(ProbeReport report, Rejection expected) {
        ValidatedReport result = validate(report);

        assertThat(result.accepted()).isEmpty();
        assertThat(result.rejected()).containsExactly(expected);
    }

    @Test
    void judgesEachReadingOnItsOwnAndNamesEveryBadField() {
        ProbeReport report = new ProbeReport("agent", Arrays.asList(
                reading().build(),
                null,
                reading().node("edge-fra-99").rtt(-3.0).build(),
                reading().node("edge-fra-02").build()));

        ValidatedReport result = validate(report);

        assertThat(result.accepted()).extracting(NodeSample::node).containsExactly("edge-fra-01", "edge-fra-02");
        assertThat(result.rejected()).containsExactly(
                new Rejection(1, "reading", "is null"),
                new Rejection(2, "node", "'edge-fra-99' is not a known node of region 'eu-fra'"),
                new Rejection(2, "rttMs", "-3.0 is negative"));
    }

    private static ValidatedReport validate(ProbeReport report) {
        return ProbeReportValidator.validate(report, NODES, NOW, SKEW, MAX_AGE);
    }

    private static Reading reading() {
        return new Reading();
    }

    /** A valid reading of edge-fra-01 five seconds ago, to be spoiled one field at a time. */
    private static final class Reading {
        private String region = "eu-fra";
        private String node = "edge-fra-01";
        private Instant at = NOW.minusSeconds(5);
        private Boolean reachable = true;
        private Double rtt = 40.0;
        private Double jitter = 3.0;
        private Double loss = 0.5;

        Reading region(String value) {
            region = value;
            return this;
        }

        Reading node(String value) {
            node = value;
            return this;
        }

        Reading at(Instant value) {
            at = value;
            return this;
        }

        Reading reachable(Boolean value) {
            reachable = value;
            return this;
        }

        Reading rtt(Double value) {
            rtt = value;
            return this;
        }

        Reading jitter(Double value) {
            jitter = value;
            return this;
        }

        Reading loss(Double value) {
            loss = value;
            return this;
        }

        ProbeReading build() {
            return new ProbeReading(region, node, at, reachable, rtt, jitter, loss);
        }
    }
}
