package dev.forewarn.quality.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MosEstimatorTest {

    private final MosEstimator estimator = new MosEstimator(MosEstimator.DEFAULT_CODEC_DELAY_MS);

    @ParameterizedTest(name = "rtt {0} ms, jitter {1} ms, loss {2} -> MOS {3}")
    @CsvSource({
            // a good line: Le = 40 + 4 + 10 = 54, R = 91.85
            "40,   2,  0.00, 4.38",
            // best possible path: only the codec delay remains
            "0,    0,  0.00, 4.40",
            // 300 ms RTT / 40 ms jitter / 3 % loss: Le = 390, R = 58.7; poor, well below 3.6
            "300,  40, 0.03, 3.03",
            // the demo's degraded region, 250 ms / 40 ms / 4 %: R = 61.2, degraded
            "250,  40, 0.04, 3.16",
            // long-haul 600 ms RTT with the same jitter and loss: R = 28.7, unusable
            "600,  40, 0.03, 1.56",
            // 20 % loss alone drags a clean path to R = 41.85
            "40,   2,  0.20, 2.16",
            // total loss clamps R to 0 and MOS to its floor
            "40,   2,  1.00, 1.00",
    })
    void estimatesMos(double rtt, double jitter, double loss, double expected) {
        assertThat(estimator.mos(rtt, jitter, loss)).isCloseTo(expected, within(0.005));
    }

    @ParameterizedTest(name = "rtt {0} ms, jitter {1} ms, loss {2} -> R {3}")
    @CsvSource({
            // just under the 160 ms knee: Le = 159.9 on the gentle slope
            "149.9, 0, 0, 89.2025",
            // at the knee the steep slope starts and agrees with the gentle one
            "150,   0, 0, 89.2",
            // far past the knee: Le = 510
            "500,   0, 0, 54.2",
            // huge latency clamps R at 0
            "5000,  0, 0, 0",
    })
    void computesRFactorOnBothSidesOfTheKnee(double rtt, double jitter, double loss, double expected) {
        assertThat(estimator.rFactor(rtt, jitter, loss)).isCloseTo(expected, within(1e-9));
    }

    @ParameterizedTest(name = "MOS never rises as {0} grows")
    @CsvSource({
            // RTT from 0 to 3 s
            "rtt",
            // jitter from 0 to 1.5 s
            "jitter",
            // loss from 0 to 100 %
            "loss",
    })
    void isMonotonicInEachInput(String input) {
        double previous = Double.MAX_VALUE;
        for (int step = 0; step <= 1000; step++) {
            double x = step / 1000.0;
            double mos = switch (input) {
                case "rtt" -> estimator.mos(3000 * x, 5, 0.01);
                case "jitter" -> estimator.mos(80, 1500 * x, 0.01);
                default -> estimator.mos(80, 5, x);
            };
            assertThat(mos).as("%s at step %d", input, step).isLessThanOrEqualTo(previous).isBetween(1.0, 4.5);
            previous = mos;
        }
    }

    @ParameterizedTest(name = "rejects rtt {0}, jitter {1}, loss {2}")
    @CsvSource({
            // negative RTT is a broken probe
            "-1, 0, 0",
            // negative jitter
            "10, -1, 0",
            // loss above 100 %
            "10, 0, 1.5",
            // NaN RTT
            "NaN, 0, 0",
    })
    void rejectsImpossibleInputs(double rtt, double jitter, double loss) {
        assertThatIllegalArgumentException().isThrownBy(() -> estimator.mos(rtt, jitter, loss));
    }

    @ParameterizedTest(name = "codec delay {0} ms lowers R by {1}")
    @CsvSource({
            // no codec delay: Le = 40 + 4 = 44
            "0,  92.1",
            // 40 ms codec delay: Le = 84
            "40, 91.1",
    })
    void countsTheCodecDelay(double codecDelayMs, double expectedR) {
        assertThat(new MosEstimator(codecDelayMs).rFactor(40, 2, 0)).isCloseTo(expectedR, within(1e-9));
    }
}
