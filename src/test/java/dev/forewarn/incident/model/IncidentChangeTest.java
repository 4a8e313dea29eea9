package dev.forewarn.incident.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.quality.model.RegionState;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IncidentChangeTest {

    static Stream<Arguments> actions() {
        return Stream.of(
                // a new incident warns the region's customers and records where the region came from
                Arguments.of(new IncidentAction.Open(RegionState.DEGRADED), false, "OPENED", RegionState.HEALTHY,
                        NoticeKind.WARNING, false),
                // maintenance holds the warning back
                Arguments.of(new IncidentAction.Open(RegionState.DEGRADED), true, "OPENED", RegionState.HEALTHY,
                        NoticeKind.WARNING, true),
                // a relapse within the cool-down is an update, muted like a warning
                Arguments.of(new IncidentAction.Recur(1, RegionState.OUTAGE), true, "RECURRED", RegionState.HEALTHY,
                        NoticeKind.UPDATE, true),
                // worse than customers were told: an update
                Arguments.of(new IncidentAction.Worsen(1, RegionState.DEGRADED, RegionState.OUTAGE, true), false,
                        "WORSENED", RegionState.DEGRADED, NoticeKind.UPDATE, false),
                // worse again to a level already announced: on the timeline only
                Arguments.of(new IncidentAction.Worsen(1, RegionState.DEGRADED, RegionState.OUTAGE, false), false,
                        "WORSENED", RegionState.DEGRADED, null, false),
                // better but not recovered: on the timeline only, so nothing to mute
                Arguments.of(new IncidentAction.Improve(1, RegionState.OUTAGE, RegionState.DEGRADED), true,
                        "IMPROVED", RegionState.OUTAGE, null, false),
                // recovered: the all-clear goes out even during maintenance
                Arguments.of(new IncidentAction.Resolve(1, RegionState.DEGRADED), true, "RESOLVED",
                        RegionState.DEGRADED, NoticeKind.ALL_CLEAR, false));
    }

    @ParameterizedTest(name = "{0}, maintenance {1} -> {2} from {3}, {4}, muted {5}")
    @MethodSource("actions")
    void decidesTheEventTheNoticeAndTheMute(IncidentAction action, boolean maintenance, String event,
                                            RegionState from, NoticeKind notice, boolean muted) {
        IncidentChange change = IncidentChange.of(action, RegionState.HEALTHY).orElseThrow();
        assertThat(change.eventKind()).isEqualTo(event);
        assertThat(change.from()).isEqualTo(from);
        assertThat(change.notice()).isEqualTo(Optional.ofNullable(notice));
        assertThat(change.muted(maintenance)).isEqualTo(muted);
    }

    @Test
    void nothingHappenedRecordsNothing() {
        assertThat(IncidentChange.of(new IncidentAction.None(), RegionState.HEALTHY)).isEmpty();
    }
}
