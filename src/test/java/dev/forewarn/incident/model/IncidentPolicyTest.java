package dev.forewarn.incident.model;

import static dev.forewarn.quality.model.RegionState.DEGRADED;
import static dev.forewarn.quality.model.RegionState.HEALTHY;
import static dev.forewarn.quality.model.RegionState.OUTAGE;
import static dev.forewarn.quality.model.RegionState.UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.quality.model.RegionState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentPolicyTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    private static final Duration COOL_DOWN = Duration.ofMinutes(30);

    static Stream<Arguments> cases() {
        Optional<IncidentPolicy.OpenIncident> none = Optional.empty();
        Optional<IncidentPolicy.ResolvedIncident> noneResolved = Optional.empty();
        var openDegraded = Optional.of(new IncidentPolicy.OpenIncident(7, DEGRADED, DEGRADED));
        var openOutage = Optional.of(new IncidentPolicy.OpenIncident(7, OUTAGE, OUTAGE));
        var openDegradedAfterOutage = Optional.of(new IncidentPolicy.OpenIncident(7, DEGRADED, OUTAGE));
        var resolvedRecently = Optional.of(new IncidentPolicy.ResolvedIncident(5, NOW.minus(Duration.ofMinutes(10))));
        var resolvedLongAgo = Optional.of(new IncidentPolicy.ResolvedIncident(5, NOW.minus(Duration.ofHours(2))));
        return Stream.of(
                // a healthy region degrades: a new incident and a warning
                Arguments.of(DEGRADED, none, noneResolved, new IncidentAction.Open(DEGRADED)),
                // a healthy region goes straight to outage
                Arguments.of(OUTAGE, none, noneResolved, new IncidentAction.Open(OUTAGE)),
                // degraded again 10 min after the all-clear: the same incident reopens, customers get an update
                Arguments.of(DEGRADED, none, resolvedRecently, new IncidentAction.Recur(5, DEGRADED)),
                // degraded again 2 h after the all-clear: a fresh incident and warning
                Arguments.of(DEGRADED, none, resolvedLongAgo, new IncidentAction.Open(DEGRADED)),
                // degraded → outage: worse than announced, customers are updated
                Arguments.of(OUTAGE, openDegraded, noResolved(), new IncidentAction.Worsen(7, DEGRADED, OUTAGE, true)),
                // outage → degraded → outage wobble: outage was already announced, no second update
                Arguments.of(OUTAGE, openDegradedAfterOutage, noResolved(), new IncidentAction.Worsen(7, DEGRADED, OUTAGE, false)),
                // outage → degraded: an improvement on the timeline only
                Arguments.of(DEGRADED, openOutage, noResolved(), new IncidentAction.Improve(7, OUTAGE, DEGRADED)),
                // recovery resolves the incident
                Arguments.of(HEALTHY, openOutage, noResolved(), new IncidentAction.Resolve(7, OUTAGE)),
                // healthy with nothing open: nothing happens
                Arguments.of(HEALTHY, none, resolvedRecently, new IncidentAction.None()),
                // unknown never opens, resolves or changes anything
                Arguments.of(UNKNOWN, openDegraded, noResolved(), new IncidentAction.None()),
                // same state as the open incident: nothing to record
                Arguments.of(DEGRADED, openDegraded, noResolved(), new IncidentAction.None()));
    }

    private static Optional<IncidentPolicy.ResolvedIncident> noResolved() {
        return Optional.empty();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void decidesWhatASettledChangeDoes(RegionState to, Optional<IncidentPolicy.OpenIncident> open,
                                       Optional<IncidentPolicy.ResolvedIncident> lastResolved,
                                       IncidentAction expected) {
        assertThat(IncidentPolicy.decide(to, open, lastResolved, COOL_DOWN, NOW)).isEqualTo(expected);
    }
}
