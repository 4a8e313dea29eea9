package dev.forewarn.quality.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NodeSeriesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(1);
    private static final MosEstimator MOS = new MosEstimator(MosEstimator.DEFAULT_CODEC_DELAY_MS);

    @Test
    void keepsTheNewestSamplesUpToItsCapacity() {
        NodeSeries series = new NodeSeries(5);
        for (int s = 1; s <= 12; s++) {
            series.add(rtt(s, s));
        }
        assertThat(series.size()).isEqualTo(5);
        assertThat(series.newestIn(NOW, NOW.plusSeconds(100))).isEqualTo(NOW.plusSeconds(12));
        // Only samples 8..12 remain: a window over the first seven sees nothing.
        assertThat(series.newestIn(NOW, NOW.plusSeconds(7))).isNull();
        assertThat(series.newestIn(NOW, NOW.plusSeconds(8))).isEqualTo(NOW.plusSeconds(8));
    }

    @Test
    void dropsTheOldestUpToAnInstantInclusive() {
        NodeSeries series = new NodeSeries(120);
        for (int s = 0; s < 20; s++) {
            series.add(rtt(s, 40));
        }
        series.dropUpTo(NOW.plusSeconds(9));
        assertThat(series.size()).isEqualTo(10);
        assertThat(series.newestIn(NOW.minusSeconds(1), NOW.plusSeconds(10))).isEqualTo(NOW.plusSeconds(10));
        assertThat(series.newestIn(NOW.minusSeconds(1), NOW.plusSeconds(9).plusNanos(999_999_999))).isNull();
    }

    @Test
    void foldsAWrappedRingAsTheSamplesInTimeOrder() {
        // Whatever the ring's growth and wrap-around, the series fold equals the fold of the same samples as a list.
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int capacity = 1 + random.nextInt(40);
            NodeSeries series = new NodeSeries(capacity);
            List<NodeSample> all = new ArrayList<>();
            int count = random.nextInt(90);
            for (int k = 0; k < count; k++) {
                NodeSample s = random.nextInt(6) == 0
                        ? NodeSample.unreachable("r", "n1", NOW.minusMillis(random.nextInt(90_000)))
                        : new NodeSample("r", "n1", NOW.minusMillis(random.nextInt(90_000)), true,
                        10 + random.nextDouble() * 200, random.nextBoolean() ? random.nextDouble() * 9 : null,
                        random.nextBoolean() ? random.nextDouble() / 10 : null);
                series.add(s);
                all.add(s);
            }
            List<NodeSample> held = all.subList(Math.max(0, all.size() - capacity), all.size());
            assertThat(NodeWindow.summarize("n1", series, NOW, WINDOW, MOS))
                    .isEqualTo(NodeWindow.summarize("n1", new ArrayList<>(held), NOW, WINDOW, MOS));
        }
    }

    @Test
    void outOfOrderSamplesFoldAsIfRecordedInTimeOrder() {
        List<NodeSample> inOrder = new ArrayList<>();
        for (int s = -50; s <= 0; s += 5) {
            inOrder.add(rtt(s, 40 + (s % 3) * 7));
        }
        List<NodeSample> shuffled = new ArrayList<>(inOrder);
        Collections.shuffle(shuffled, new Random(3));
        Optional<NodeMeasurement> expected = NodeWindow.summarize("n1", inOrder, NOW, WINDOW, MOS);
        assertThat(expected).isPresent();
        assertThat(NodeWindow.summarize("n1", shuffled, NOW, WINDOW, MOS)).isEqualTo(expected);
    }

    @Test
    void meanEqualsTheStreamAverageItReplaces() {
        Random random = new Random(11);
        for (int round = 0; round < 10_000; round++) {
            double[] values = new double[1 + random.nextInt(40)];
            Mean mean = new Mean();
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextInt(3) == 0 ? random.nextDouble() * 1e-3 : random.nextDouble() * 300 + 1e8;
                mean.add(values[i]);
            }
            assertThat(mean.value()).isEqualTo(Arrays.stream(values).average().orElseThrow());
        }
    }

    private static NodeSample rtt(int secondsFromNow, double rttMs) {
        return new NodeSample("r", "n1", NOW.plusSeconds(secondsFromNow), true, rttMs, null, null);
    }
}
