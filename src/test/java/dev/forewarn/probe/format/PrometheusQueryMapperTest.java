package dev.forewarn.probe.format;

import static dev.forewarn.probe.format.ProbeQuantity.JITTER;
import static dev.forewarn.probe.format.ProbeQuantity.LOSS;
import static dev.forewarn.probe.format.ProbeQuantity.RTT;
import static dev.forewarn.probe.format.ProbeQuantity.UP;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.quality.model.NodeSample;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PrometheusQueryMapperTest {

    private static final Instant AT = Instant.parse("2026-04-22T10:15:30Z");
    private static final Set<String> KNOWN = Set.of("eu-fra", "ap-sgp");

    static Stream<Arguments> cases() {
        return Stream.of(
                // all four quantities joined; seconds become milliseconds, loss stays a ratio
                Arguments.of(Map.of(RTT, List.of(fra("01", 0.042)), JITTER, List.of(fra("01", 0.003)),
                                LOSS, List.of(fra("01", 0.01)), UP, List.of(fra("01", 1))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, 42.0, 3.0, 0.01))),
                // UP 0 wins over a stale RTT
                Arguments.of(Map.of(RTT, List.of(fra("01", 0.042)), UP, List.of(fra("01", 0))),
                        List.of(NodeSample.unreachable("eu-fra", "edge-fra-01", AT))),
                // UP missing but RTT present: reachable
                Arguments.of(Map.of(RTT, List.of(fra("01", 0.05))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, 50.0, null, null))),
                // UP and RTT both missing: nothing shows the node answered, so no sample
                Arguments.of(Map.of(JITTER, List.of(fra("01", 0.002)), LOSS, List.of(fra("01", 0.0))), List.of()),
                // UP present without RTT: reachable with what was measured
                Arguments.of(Map.of(UP, List.of(fra("01", 1)), LOSS, List.of(fra("01", 0.2))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, null, null, 0.2))),
                // a fractional UP (avg_over_time of probe_success) still means the node answered
                Arguments.of(Map.of(UP, List.of(fra("01", 0.8)), RTT, List.of(fra("01", 0.04))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, 40.0, null, null))),
                // an unknown region is skipped
                Arguments.of(Map.of(RTT, List.of(series("us-iad", "edge-iad-01", 0.01))), List.of()),
                // a series without region label is skipped
                Arguments.of(Map.of(RTT, List.of(new VectorSample(Map.of("node", "edge-fra-01"), 0.01))), List.of()),
                // without a node label the region id is the node id
                Arguments.of(Map.of(RTT, List.of(new VectorSample(Map.of("region", "ap-sgp"), 0.2))),
                        List.of(new NodeSample("ap-sgp", "ap-sgp", AT, true, 200.0, null, null))),
                // NaN RTT is skipped and leaves a node with only jitter, hence no sample
                Arguments.of(Map.of(RTT, List.of(fra("01", Double.NaN)), JITTER, List.of(fra("01", 0.001))), List.of()),
                // negative jitter is skipped, the RTT stays
                Arguments.of(Map.of(RTT, List.of(fra("01", 0.03)), JITTER, List.of(fra("01", -0.001))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, 30.0, null, null))),
                // a loss ratio above 1 is skipped
                Arguments.of(Map.of(RTT, List.of(fra("01", 0.03)), LOSS, List.of(fra("01", 5.0))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, 30.0, null, null))),
                // NaN UP is skipped, so the RTT decides
                Arguments.of(Map.of(RTT, List.of(fra("01", 0.03)), UP, List.of(fra("01", Double.NaN))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, 30.0, null, null))),
                // duplicate series for one node: the first wins
                Arguments.of(Map.of(RTT, List.of(fra("01", 0.03), fra("01", 0.09))),
                        List.of(new NodeSample("eu-fra", "edge-fra-01", AT, true, 30.0, null, null))),
                // output is ordered by region then node
                Arguments.of(Map.of(RTT, List.of(fra("02", 0.02), series("ap-sgp", "edge-sgp-01", 0.1), fra("01", 0.01))),
                        List.of(new NodeSample("ap-sgp", "edge-sgp-01", AT, true, 100.0, null, null),
                                new NodeSample("eu-fra", "edge-fra-01", AT, true, 10.0, null, null),
                                new NodeSample("eu-fra", "edge-fra-02", AT, true, 20.0, null, null))),
                // no results at all
                Arguments.of(Map.of(), List.of()));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void joinsSeriesIntoNodeSamples(Map<ProbeQuantity, List<VectorSample>> results, List<NodeSample> expected) {
        assertThat(PrometheusQueryMapper.toSamples(results, "region", "node", AT, KNOWN)).isEqualTo(expected);
    }

    @Test
    void mapsARealQueryAnswer() {
        Map<ProbeQuantity, List<VectorSample>> results = new HashMap<>();
        results.put(RTT, PrometheusQueryResponse.parse(Fixtures.read("prom-query-rtt.json"), new ObjectMapper()));

        List<NodeSample> samples = PrometheusQueryMapper.toSamples(results, "region", "node", AT, Set.of("eu-fra", "ap-sgp", "sa-gru"));

        // ap-sgp's NaN and sa-gru's +Inf are dropped
        assertThat(samples).extracting(NodeSample::node).containsExactly("edge-fra-01", "edge-fra-02");
        assertThat(samples.get(0).rttMs()).isCloseTo(42.1875, org.assertj.core.api.Assertions.within(1e-9));
    }

    private static VectorSample fra(String number, double value) {
        return series("eu-fra", "edge-fra-" + number, value);
    }

    private static VectorSample series(String region, String node, double value) {
        return new VectorSample(Map.of("region", region, "node", node, "job", "forewarn-probes"), value);
    }
}
