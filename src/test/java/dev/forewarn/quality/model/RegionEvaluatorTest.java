package dev.forewarn.quality.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RegionEvaluatorTest {

    static Stream<Arguments> regions() {
        return Stream.of(
                // every node good
                Arguments.of(10, nodes(10, 4.3), 0, RegionState.HEALTHY, null),
                // 4 of 10 report: too little coverage to judge either way
                Arguments.of(10, nodes(4, 4.3), 0, RegionState.UNKNOWN, "only 4 of 10 nodes reported fresh data"),
                // 4 of 10 report and all of them are down: still unknown, not an outage
                Arguments.of(10, List.of(), 4, RegionState.UNKNOWN, "only 4 of 10 nodes reported fresh data"),
                // exactly half reporting is enough
                Arguments.of(10, nodes(5, 4.3), 0, RegionState.HEALTHY, null),
                // a region with no expected nodes cannot be judged
                Arguments.of(0, List.of(), 0, RegionState.UNKNOWN, "only 0 of 0 nodes reported fresh data"),
                // nothing reports at all
                Arguments.of(10, List.of(), 0, RegionState.UNKNOWN, "only 0 of 10 nodes reported fresh data"),
                // half the reporting nodes unreachable is an outage
                Arguments.of(10, nodes(5, 4.3), 5, RegionState.OUTAGE, "5 of 10 nodes unreachable (50%)"),
                // every node unreachable is an outage
                Arguments.of(10, List.of(), 10, RegionState.OUTAGE, "10 of 10 nodes unreachable (100%)"),
                // a fifth unreachable is degraded
                Arguments.of(10, nodes(8, 4.3), 2, RegionState.DEGRADED, "2 of 10 nodes unreachable (20%)"),
                // 12 of 25 unreachable (48 %) stays below the outage share
                Arguments.of(25, nodes(13, 4.3), 12, RegionState.DEGRADED, "12 of 25 nodes unreachable (48%)"),
                // one in ten unreachable is tolerated
                Arguments.of(10, nodes(9, 4.3), 1, RegionState.HEALTHY, null),
                // median MOS below the outage limit
                Arguments.of(10, nodes(10, 2.5), 0, RegionState.OUTAGE, "median MOS 2.50 < 2.60"),
                // median MOS below the degraded limit
                Arguments.of(10, nodes(10, 3.41), 0, RegionState.DEGRADED, "median MOS 3.41 < 3.60"),
                // median exactly at the degraded limit is not below it
                Arguments.of(10, nodes(10, 3.6), 0, RegionState.HEALTHY, null),
                // even count: median is the mean of 3.5 and 3.9, not the lower middle value
                Arguments.of(4, concat(nodes(2, 3.5), nodes(2, 3.9)), 0, RegionState.HEALTHY, null),
                // under 10 nodes the worst decile is the minimum: one poor node of 9 degrades the region
                Arguments.of(9, concat(nodes(8, 4.3), nodes(1, 3.0)), 0, RegionState.DEGRADED,
                        "worst-decile MOS 3.00 < 3.10"),
                // 25 nodes: rank ceil(2.5) = 3, so three poor nodes make the worst decile poor
                Arguments.of(25, concat(nodes(22, 4.3), nodes(3, 3.0)), 0, RegionState.DEGRADED,
                        "worst-decile MOS 3.00 < 3.10"),
                // 25 nodes: two poor nodes stay outside the worst decile
                Arguments.of(25, concat(nodes(23, 4.3), nodes(2, 3.0)), 0, RegionState.HEALTHY, null));
    }

    @ParameterizedTest(name = "[{index}] {0} expected -> {3}")
    @MethodSource("regions")
    void judgesTheRegion(int expected, List<NodeMeasurement> reachable, int unreachable, RegionState state,
                         String reason) {
        List<NodeMeasurement> all = new ArrayList<>(reachable);
        for (int i = 0; i < unreachable; i++) {
            all.add(NodeMeasurement.unreachable("down-" + i, 3));
        }
        Collections.shuffle(all, new java.util.Random(7));

        RegionAssessment assessment = RegionEvaluator.assess(expected, all, QualityThresholds.DEFAULTS);

        assertThat(assessment.state()).isEqualTo(state);
        if (reason != null) {
            assertThat(assessment.evidence().reason()).isEqualTo(reason);
        }
        assertThat(assessment.evidence().nodesReporting()).isEqualTo(all.size());
        assertThat(assessment.evidence().nodesUnreachable()).isEqualTo(unreachable);
    }

    @Test
    void evidenceFiguresAreOverReachableNodesWithNearestRankPercentiles() {
        List<NodeMeasurement> all = new ArrayList<>();
        IntStream.rangeClosed(1, 20).forEach(i ->
                all.add(new NodeMeasurement("n" + i, true, i * 10.0, i, i / 100.0, 4.0 + i / 100.0, 3)));
        all.add(NodeMeasurement.unreachable("down", 3));

        RegionEvidence e = RegionEvaluator.assess(21, all, QualityThresholds.DEFAULTS).evidence();

        assertThat(e.nodesExpected()).isEqualTo(21);
        assertThat(e.unreachableShare()).isCloseTo(1 / 21.0, within(1e-12));
        assertThat(e.p95RttMs()).isEqualTo(190.0);
        assertThat(e.medianJitterMs()).isEqualTo(10.5);
        assertThat(e.meanLossRatio()).isCloseTo(0.105, within(1e-12));
        assertThat(e.medianMos()).isCloseTo(4.105, within(1e-12));
        assertThat(e.worstDecileMos()).isCloseTo(4.02, within(1e-12));
    }

    @Test
    void evidenceHasNoQualityFiguresWhenNoNodeIsReachable() {
        RegionEvidence e = RegionEvaluator.assess(2,
                List.of(NodeMeasurement.unreachable("a", 1), NodeMeasurement.unreachable("b", 1)),
                QualityThresholds.DEFAULTS).evidence();

        assertThat(e.unreachableShare()).isEqualTo(1.0);
        assertThat(e.medianMos()).isNull();
        assertThat(e.worstDecileMos()).isNull();
        assertThat(e.p95RttMs()).isNull();
        assertThat(e.medianJitterMs()).isNull();
        assertThat(e.meanLossRatio()).isNull();
    }

    private static List<NodeMeasurement> nodes(int count, double mos) {
        return IntStream.range(0, count)
                .mapToObj(i -> new NodeMeasurement("mos" + mos + "-" + i, true, 60, 5, 0, mos, 3))
                .toList();
    }

    private static List<NodeMeasurement> concat(List<NodeMeasurement> a, List<NodeMeasurement> b) {
        List<NodeMeasurement> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
