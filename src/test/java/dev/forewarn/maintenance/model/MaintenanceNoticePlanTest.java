package dev.forewarn.maintenance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaintenanceNoticePlanTest {
    private static final Instant START = Instant.parse("2026-03-10T02:00:00Z");
    private static final Instant END = Instant.parse("2026-03-10T04:00:00Z");
    private static final MaintenanceNoticePlan PLAN = new MaintenanceNoticePlan(
            List.of(Duration.ofHours(1), Duration.ofHours(24)), Duration.ofHours(1));
    private static final MaintenanceSchedule ONCE = new MaintenanceSchedule.Once(new Occurrence(START, END));

    static Stream<Arguments> instants() {
        return Stream.of(
                // two days ahead: nothing yet
                Arguments.of("2026-03-08T02:00:00Z", List.of()),
                // exactly 24 h ahead: the first advance notice
                Arguments.of("2026-03-09T02:00:00Z", List.of("ADVANCE-86400")),
                // between the leads: still the 24 h notice (the outbox sends it once)
                Arguments.of("2026-03-09T20:00:00Z", List.of("ADVANCE-86400")),
                // 1 h ahead: the shorter lead replaces the longer one
                Arguments.of("2026-03-10T01:00:00Z", List.of("ADVANCE-3600")),
                // at the start: the start notice
                Arguments.of("2026-03-10T02:00:00Z", List.of("START")),
                // during the window: still the start notice, for a tick that ran late
                Arguments.of("2026-03-10T03:59:59Z", List.of("START")),
                // at the end: the end notice
                Arguments.of("2026-03-10T04:00:00Z", List.of("END")),
                // within the grace after the end: still the end notice
                Arguments.of("2026-03-10T04:59:00Z", List.of("END")),
                // past the grace: stale news, nothing
                Arguments.of("2026-03-10T05:00:00Z", List.of()));
    }

    @ParameterizedTest
    @MethodSource("instants")
    void eachStepIsDueFromItsInstantUntilTheNextOne(String now, List<String> expected) {
        assertThat(PLAN.due(ONCE, Instant.parse(now))).extracting(d -> d.step().key())
                .containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("stepKeys")
    void storedStepKeysReadBack(MaintenanceStep step) {
        assertThat(MaintenanceStep.parse(step.key())).isEqualTo(step);
    }

    static Stream<MaintenanceStep> stepKeys() {
        return Stream.of(new MaintenanceStep.Advance(Duration.ofMinutes(90)), new MaintenanceStep.Start(),
                new MaintenanceStep.End(), new MaintenanceStep.Changed(3), new MaintenanceStep.Cancelled());
    }
}
