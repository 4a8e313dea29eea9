package dev.forewarn.quality.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The whole judgement chain (node windows → region assessment → hysteresis) on a healthy region with few nodes,
 * where one node loses one probe: with the sample window shorter than the sustained window, that single sample
 * can never settle the region as degraded — even though it briefly pulls the worst-decile MOS down.
 */
class OneLostProbeNeverOpensAnIncidentTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest(name = "{0} nodes, poll {1}s, window {2}s, sustained {3}s, tick {4}s")
    @CsvSource({
            // the defaults: 15 s polls, 1 min window, 2 min sustained, 15 s ticks
            "3, 15, 60, 120, 15",
            // a bigger region with the defaults
            "12, 15, 60, 120, 15",
            // the demo's short windows
            "3, 5, 15, 25, 5",
            // ticks out of phase with the polls (the windows run in probe time, the ticks do not)
            "3, 15, 60, 120, 7",
            "3, 15, 20, 30, 5",
    })
    void oneLostProbeSettlesNothing(int nodes, int pollSeconds, int windowSeconds, int sustainedSeconds,
                                    int tickSeconds) {
        MosEstimator mos = new MosEstimator(MosEstimator.DEFAULT_CODEC_DELAY_MS);
        HysteresisPolicy policy = new HysteresisPolicy(Duration.ofSeconds(sustainedSeconds), Duration.ofMinutes(5));
        List<List<NodeSample>> samples = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            samples.add(new ArrayList<>());
        }
        RegionStatus status = RegionStatus.initial();
        boolean sawDegradedObservation = false;
        Instant lastPoll = null;
        for (int second = 0; second < 60 * pollSeconds; second++) {
            Instant now = T0.plusSeconds(second);
            if (second % pollSeconds == 0) {
                int poll = second / pollSeconds;
                for (int n = 0; n < nodes; n++) {
                    boolean lost = n == 0 && poll == 20;
                    samples.get(n).add(lost ? NodeSample.unreachable("r", "n" + n, now)
                            : new NodeSample("r", "n" + n, now, true, 30.0 + n, null, null));
                }
                lastPoll = now;
            }
            if (second % tickSeconds != tickSeconds - 1) {
                continue;
            }
            List<NodeMeasurement> measured = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                NodeWindow.summarize("n" + n, samples.get(n), now, Duration.ofSeconds(windowSeconds), mos)
                        .ifPresent(measured::add);
            }
            RegionAssessment a = RegionEvaluator.assess(nodes, measured, QualityThresholds.DEFAULTS);
            sawDegradedObservation |= a.state() == RegionState.DEGRADED;
            HysteresisStep step = Hysteresis.advance(status, a.state(), lastPoll, now, policy);
            assertThat(step.change().map(SettledChange::to)).as("second %d", second)
                    .isNotEqualTo(java.util.Optional.of(RegionState.DEGRADED));
            status = step.next();
        }
        assertThat(status.settled()).isEqualTo(RegionState.HEALTHY);
        // The lost probe did show in the raw assessment, so the window, not luck, is what protects the customers.
        assertThat(sawDegradedObservation || nodes >= 10).isTrue();
    }
}
