package dev.forewarn.probe.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PollPacingTest {

    private static final long MS = 1_000_000L;
    // concurrency 16, max-concurrency 256, polled every 2 s: a cycle aims at 400 ms
    private static final PollPacing PACING = new PollPacing(16, 256, Duration.ofSeconds(2));

    static Stream<Arguments> withinACycle() {
        return Stream.of(
                // nothing finished yet: no latency known, keep the pace
                Arguments.of(16, 1000, 0L, 0L, 16),
                // fast answers (2 ms): 984 left × 2 ms in the 390 ms left needs 6 — never below the current pace
                Arguments.of(16, 984, 10 * MS, 2 * MS, 16),
                // 40 ms answers: 984 × 40 ms in 300 ms needs 132 in flight
                Arguments.of(16, 984, 100 * MS, 40 * MS, 132),
                // within a cycle the pace never falls, even when answers get faster
                Arguments.of(64, 500, 200 * MS, 1 * MS, 64),
                // slow answers (500 ms) would need 984 at once: the bound holds
                Arguments.of(16, 984, 100 * MS, 500 * MS, 256),
                // the budget is spent: everything the bound allows
                Arguments.of(32, 10, 1_200 * MS, 1 * MS, 256),
                // the last target started: nothing to decide
                Arguments.of(40, 0, 300 * MS, 40 * MS, 40));
    }

    @ParameterizedTest
    @MethodSource("withinACycle")
    void growsWithinACycleToFitTheRestInTheBudget(int current, int remaining, long elapsed, long meanLatency,
                                                  int expected) {
        assertThat(PACING.during(current, remaining, elapsed, meanLatency)).isEqualTo(expected);
    }

    static Stream<Arguments> nextCycle() {
        return Stream.of(
                // 1,000 targets at 40 ms need 100 in flight for 400 ms
                Arguments.of(1000, 40 * MS, 100),
                // fast answers: back down to the configured concurrency
                Arguments.of(1000, 1 * MS, 16),
                // 5,000 targets at 300 ms: more than the bound allows, so the bound
                Arguments.of(5000, 300 * MS, 256),
                // no latency measured (no target answered): the configured concurrency
                Arguments.of(1000, 0L, 16),
                // no targets
                Arguments.of(0, 40 * MS, 16));
    }

    @ParameterizedTest
    @MethodSource("nextCycle")
    void startsTheNextCycleAtWhatTheLastLatenciesNeed(int targets, long meanLatency, int expected) {
        assertThat(PACING.nextStart(targets, meanLatency)).isEqualTo(expected);
    }

    static Stream<Arguments> badBounds() {
        return Stream.of(
                // a bound below the start
                Arguments.of(32, 16, Duration.ofSeconds(2)),
                // no concurrency at all
                Arguments.of(0, 16, Duration.ofSeconds(2)),
                // no interval
                Arguments.of(16, 256, Duration.ZERO));
    }

    @ParameterizedTest
    @MethodSource("badBounds")
    void refusesBoundsThatCannotHold(int floor, int ceiling, Duration interval) {
        assertThatThrownBy(() -> new PollPacing(floor, ceiling, interval))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
