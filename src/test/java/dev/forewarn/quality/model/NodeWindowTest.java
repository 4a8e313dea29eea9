package dev.forewarn.quality.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NodeWindowTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private static final MosEstimator MOS = new MosEstimator(MosEstimator.DEFAULT_CODEC_DELAY_MS);

    /** Expected figures of a reachable measurement; null {@code expected} means Optional.empty(). */
    record Expected(boolean reachable, double rtt, double jitter, double loss, int samples) {
    }

    static Stream<Arguments> windows() {
        return Stream.of(
                // blackbox-style: RTT only, jitter from consecutive differences (|60-40| + |50-60|) / 2, no loss
                Arguments.of("blackbox RTT series", List.of(rtt(-240, 40), rtt(-120, 60), rtt(0, 50)),
                        new Expected(true, 50, 15, 0, 3)),
                // samples arrive out of order: jitter follows time order, not list order
                Arguments.of("out-of-order blackbox samples", List.of(rtt(0, 50), rtt(-240, 40), rtt(-120, 60)),
                        new Expected(true, 50, 15, 0, 3)),
                // one blackbox sample: jitter 0
                Arguments.of("single RTT", List.of(rtt(-10, 80)), new Expected(true, 80, 0, 0, 1)),
                // one of four blackbox probes unanswered: loss is the unreachable share, RTT over the answered ones
                Arguments.of("blackbox with a miss", List.of(rtt(-200, 40), down(-150), rtt(-100, 40), rtt(-50, 40)),
                        new Expected(true, 40, 0, 0.25, 4)),
                // aggregating source: given jitter and loss are averaged
                Arguments.of("aggregated figures", List.of(full(-200, 100, 10, 0.02), full(-100, 120, 20, 0.04)),
                        new Expected(true, 110, 15, 0.03, 2)),
                // samples older than the window are stale and ignored
                Arguments.of("stale samples ignored", List.of(rtt(-3600, 900), rtt(-300, 900), rtt(-60, 40)),
                        new Expected(true, 40, 0, 0, 1)),
                // a sample exactly at now counts, one a second in the future does not
                Arguments.of("future sample ignored", List.of(rtt(0, 40), rtt(1, 900)),
                        new Expected(true, 40, 0, 0, 1)),
                // every sample unreachable: an unreachable node, MOS 1, loss 1
                Arguments.of("all unreachable", List.of(down(-200), down(-100), down(0)),
                        new Expected(false, 0, 0, 1.0, 3)),
                // samples of another node are not this node's
                Arguments.of("other node ignored", List.of(rtt(-10, 40), sample("other", -5, true, 900.0, null, null)),
                        new Expected(true, 40, 0, 0, 1)),
                // only stale data: unknown, never healthy
                Arguments.of("only stale", List.of(rtt(-301, 40), rtt(-900, 40)), null),
                // no samples at all
                Arguments.of("no samples", List.of(), null),
                // reachable but no RTT anywhere: cannot be rated, so no measurement rather than RTT 0
                Arguments.of("reachable without RTT", List.of(sample("n1", -10, true, null, null, null)), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("windows")
    void summarizesTheWindow(String name, List<NodeSample> samples, Expected expected) {
        Optional<NodeMeasurement> result = NodeWindow.summarize("n1", samples, NOW, WINDOW, MOS);
        if (expected == null) {
            assertThat(result).isEmpty();
            return;
        }
        NodeMeasurement m = result.orElseThrow();
        assertThat(m.node()).isEqualTo("n1");
        assertThat(m.reachable()).isEqualTo(expected.reachable());
        assertThat(m.rttMs()).isCloseTo(expected.rtt(), within(1e-9));
        assertThat(m.jitterMs()).isCloseTo(expected.jitter(), within(1e-9));
        assertThat(m.lossRatio()).isCloseTo(expected.loss(), within(1e-9));
        assertThat(m.samples()).isEqualTo(expected.samples());
        double expectedMos = expected.reachable() ? MOS.mos(expected.rtt(), expected.jitter(), expected.loss()) : 1.0;
        assertThat(m.mos()).isCloseTo(expectedMos, within(1e-9));
    }

    @ParameterizedTest(name = "{0} unanswered probes of 10 -> MOS falls")
    @MethodSource("missCounts")
    void everyMissedProbeCostsMos(int misses) {
        double fewer = mosWithMisses(misses - 1);
        assertThat(mosWithMisses(misses)).isLessThan(fewer);
    }

    static Stream<Integer> missCounts() {
        // each step from 1 to 4 misses out of 10 probes; from 40 % loss on, R is 0 and MOS sits at its floor of 1
        return Stream.of(1, 2, 3, 4);
    }

    private static double mosWithMisses(int misses) {
        List<NodeSample> samples = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            samples.add(i < misses ? down(-10 * i) : rtt(-10 * i, 40));
        }
        return NodeWindow.summarize("n1", samples, NOW, WINDOW, MOS).orElseThrow().mos();
    }

    private static NodeSample rtt(int secondsFromNow, double rttMs) {
        return sample("n1", secondsFromNow, true, rttMs, null, null);
    }

    private static NodeSample full(int secondsFromNow, double rttMs, double jitterMs, double loss) {
        return sample("n1", secondsFromNow, true, rttMs, jitterMs, loss);
    }

    private static NodeSample down(int secondsFromNow) {
        return NodeSample.unreachable("eu-west", "n1", NOW.plusSeconds(secondsFromNow));
    }

    private static NodeSample sample(String node, int secondsFromNow, boolean reachable, Double rtt, Double jitter,
                                     Double loss) {
        return new NodeSample("eu-west", node, NOW.plusSeconds(secondsFromNow), reachable, rtt, jitter, loss);
    }
}
