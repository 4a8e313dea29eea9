package dev.forewarn.quality.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HysteresisTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private static final HysteresisPolicy FIVE_THEN_TEN =
            new HysteresisPolicy(Duration.ofMinutes(5), Duration.ofMinutes(10));
    private static final Map<String, RegionState> STATES = Map.of(
            "H", RegionState.HEALTHY, "D", RegionState.DEGRADED, "O", RegionState.OUTAGE, "U", RegionState.UNKNOWN);

    /** Steps are "minute:state"; changes are "from>to@minute"; start "-" is the initial status. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # one bad sample sends nothing
            one bad sample sends nothing                  | H | 0:D                                | H | ''
            # one bad sample then good ones: still nothing, even after the sustained window
            one bad sample then healthy                   | H | 0:D 1:H 10:H                       | H | ''
            # degradation held for the whole sustained window settles
            sustained degradation settles                 | H | 0:D 1:D 3:D 5:D                    | D | H>D@5
            # four minutes of degradation are not five
            degradation short of the window               | H | 0:D 2:D 4:D                        | H | ''
            # a run interrupted by a healthy sample restarts from the next bad one
            a run interrupted by a healthy sample restarts | H | 0:D 2:D 3:H 4:D 8:D 9:D             | D | H>D@9
            # missing data breaks a worsening run too
            unknown data breaks a worsening run           | H | 0:D 3:D 4:U 5:D 9:D 10:D            | D | H>D@10
            # stale/unknown data is not recovery: longer than the recovery window, still degraded
            stale/unknown data is not recovery            | D | 0:U 5:U 15:U 30:U                  | D | ''
            # unknown data in the middle of a recovery restarts it
            unknown data restarts a recovery              | D | 0:H 5:U 10:H 19:H 20:H             | H | D>H@20
            # a recovery needs the full recovery window: nine minutes are not enough
            a recovery short of the window                | D | 0:H 5:H 9:H                        | D | ''
            # a recovery needs the full recovery window: ten minutes are
            a recovery needs the full recovery window     | D | 0:H 5:H 9:H 10:H                   | H | D>H@10
            # a relapse during recovery restarts the recovery
            a relapse restarts the recovery               | D | 0:H 5:H 6:D 7:H 16:H 17:H          | H | D>H@17
            # degraded then outage escalation, each level sustained
            degraded then outage escalation               | H | 0:D 5:D 6:O 8:O 11:O               | O | H>D@5 D>O@11
            # a worsening run settles on the least severe level it held
            worsening settles on the level sustained      | H | 0:O 2:D 5:O                        | D | H>D@5
            # a recovery run settles on the most severe level it held
            recovery settles on the level sustained       | O | 0:H 3:D 10:H                       | D | O>D@10
            # outage easing to degraded is a recovery and waits the recovery window
            outage easing to degraded                     | O | 0:D 5:D 10:D                       | D | O>D@10
            # initial UNKNOWN: healthy settles at once
            initial healthy settles at once               | - | 0:H                                | H | U>H@0
            # initial UNKNOWN: degraded needs the sustained window
            initial degraded waits                        | - | 0:D 4:D                            | U | ''
            # initial UNKNOWN: degraded held for the window settles from UNKNOWN
            initial degraded sustained settles            | - | 0:D 5:D                            | D | U>D@5
            # initial UNKNOWN: a mixed bad run settles on its least severe level
            initial bad run settles on the level held     | - | 0:O 2:D 5:O                        | D | U>D@5
            # initial UNKNOWN: a healthy sample during a bad run settles healthy
            initial bad run then healthy                  | - | 0:D 1:H                            | H | U>H@1
            # initial UNKNOWN: unknown data settles nothing
            initial unknown stays unknown                 | - | 0:U 30:U                           | U | ''
            """)
    void settlesOnlyOnSustainedRuns(String name, String start, String steps, String settled, String changes) {
        RegionStatus status = start.equals("-") ? RegionStatus.initial()
                : new RegionStatus(STATES.get(start), STATES.get(start), null, null, T0.minusSeconds(60));
        List<String> seen = new ArrayList<>();
        for (String step : steps.trim().split("\\s+")) {
            String[] parts = step.split(":");
            Instant now = T0.plus(Duration.ofMinutes(Integer.parseInt(parts[0])));
            HysteresisStep result = Hysteresis.advance(status, STATES.get(parts[1]), now, FIVE_THEN_TEN);
            result.change().ifPresent(c -> seen.add(letter(c.from()) + ">" + letter(c.to()) + "@"
                    + Duration.between(T0, c.at()).toMinutes()));
            status = result.next();
        }
        assertThat(letter(status.settled())).isEqualTo(settled);
        assertThat(String.join(" ", seen)).isEqualTo(changes);
    }

    @ParameterizedTest(name = "zero windows: {0} settles on the first sample")
    @CsvSource({
            // worsening with no sustained window
            "DEGRADED",
            // worst case with no sustained window
            "OUTAGE",
    })
    void zeroWindowsSettleAtOnce(RegionState raw) {
        HysteresisPolicy instant = new HysteresisPolicy(Duration.ZERO, Duration.ZERO);
        RegionStatus healthy = new RegionStatus(RegionState.HEALTHY, RegionState.HEALTHY, null, null, T0);

        HysteresisStep step = Hysteresis.advance(healthy, raw, T0, instant);

        assertThat(step.change()).contains(new SettledChange(RegionState.HEALTHY, raw, T0, T0));
        assertThat(step.next().pending()).isNull();
    }

    @Test
    void unknownDataShowsUnknownButKeepsTheSettledStateAndLastKnownInstant() {
        RegionStatus degraded = new RegionStatus(RegionState.DEGRADED, RegionState.DEGRADED, null, null, T0);

        RegionStatus next = Hysteresis.advance(degraded, RegionState.UNKNOWN, T0.plusSeconds(60), FIVE_THEN_TEN).next();

        assertThat(next.settled()).isEqualTo(RegionState.DEGRADED);
        assertThat(next.observed()).isEqualTo(RegionState.UNKNOWN);
        assertThat(next.shown()).isEqualTo(RegionState.UNKNOWN);
        assertThat(next.lastKnownAt()).isEqualTo(T0);
    }

    @Test
    void aPendingRunIsRememberedWithItsStart() {
        RegionStatus healthy = new RegionStatus(RegionState.HEALTHY, RegionState.HEALTHY, null, null, T0);

        RegionStatus next = Hysteresis.advance(healthy, RegionState.OUTAGE, T0.plusSeconds(30), FIVE_THEN_TEN).next();

        assertThat(next).isEqualTo(new RegionStatus(RegionState.HEALTHY, RegionState.OUTAGE, RegionState.OUTAGE,
                T0.plusSeconds(30), T0.plusSeconds(30)));
        assertThat(next.shown()).isEqualTo(RegionState.HEALTHY);
    }

    @Test
    void aRunStartsWhenTheProbesShowedItNotWhenTheTickReadThem() {
        // Probes taken at 10:00:00 (healthy) and 10:00:15 (degraded); the tick that reads the degraded poll runs 4 s
        // after it was taken, and the sustained window is counted from the poll: it settles 5 min after 10:00:15.
        RegionStatus healthy = new RegionStatus(RegionState.HEALTHY, RegionState.HEALTHY, null, null, T0);
        Instant badPoll = T0.plusSeconds(15);

        RegionStatus pending = Hysteresis.advance(healthy, RegionState.DEGRADED, badPoll, badPoll.plusSeconds(4),
                FIVE_THEN_TEN).next();
        HysteresisStep early = Hysteresis.advance(pending, RegionState.DEGRADED, badPoll.plusSeconds(285),
                badPoll.plusSeconds(299), FIVE_THEN_TEN);
        HysteresisStep due = Hysteresis.advance(early.next(), RegionState.DEGRADED, badPoll.plusSeconds(300),
                badPoll.plusSeconds(300), FIVE_THEN_TEN);

        assertThat(pending.pendingSince()).isEqualTo(badPoll);
        assertThat(pending.lastKnownAt()).isEqualTo(badPoll);
        assertThat(early.change()).isEmpty();
        // The change remembers where the run began: customers are told "since" the bad poll, not since the decision.
        assertThat(due.change()).contains(new SettledChange(RegionState.HEALTHY, RegionState.DEGRADED, badPoll,
                badPoll.plusSeconds(300)));
    }

    @Test
    void aRunWithoutNewDataStartsAtTheTickSoItNeverClaimsTimeJudgedOtherwise() {
        // The 10:00:00 data was judged healthy by a tick at 10:00:30; a later tick judges the same data degraded
        // (an older good sample left the window): the run starts at that tick, not at 10:00:00.
        RegionStatus healthy = new RegionStatus(RegionState.HEALTHY, RegionState.HEALTHY, null, null, T0);
        Instant tick = T0.plusSeconds(40);

        RegionStatus next = Hysteresis.advance(healthy, RegionState.DEGRADED, T0, tick, FIVE_THEN_TEN).next();

        assertThat(next.pendingSince()).isEqualTo(tick);
    }

    @Test
    void dataStampedAfterTheTickCountsAsTheTick() {
        RegionStatus healthy = new RegionStatus(RegionState.HEALTHY, RegionState.HEALTHY, null, null, T0);
        Instant tick = T0.plusSeconds(20);

        RegionStatus next = Hysteresis.advance(healthy, RegionState.DEGRADED, tick.plusSeconds(30), tick,
                FIVE_THEN_TEN).next();

        assertThat(next.pendingSince()).isEqualTo(tick);
        assertThat(next.lastKnownAt()).isEqualTo(tick);
    }

    @Test
    void aRunIsDueWhenItsWindowIsOver() {
        RegionStatus healthy = new RegionStatus(RegionState.HEALTHY, RegionState.HEALTHY, null, null, T0);
        RegionStatus worsening = Hysteresis.advance(healthy, RegionState.DEGRADED, T0, FIVE_THEN_TEN).next();
        RegionStatus degraded = new RegionStatus(RegionState.DEGRADED, RegionState.DEGRADED, null, null, T0);
        RegionStatus recovering = Hysteresis.advance(degraded, RegionState.HEALTHY, T0, FIVE_THEN_TEN).next();

        assertThat(Hysteresis.dueAt(healthy, FIVE_THEN_TEN)).isEmpty();
        assertThat(Hysteresis.dueAt(worsening, FIVE_THEN_TEN)).contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(Hysteresis.dueAt(recovering, FIVE_THEN_TEN)).contains(T0.plus(Duration.ofMinutes(10)));
        assertThat(Hysteresis.advance(worsening, RegionState.DEGRADED, T0.plus(Duration.ofMinutes(5)), FIVE_THEN_TEN)
                .change()).isPresent();
    }

    @Test
    void initialStatusIsUnknownWithoutRun() {
        assertThat(RegionStatus.initial())
                .isEqualTo(new RegionStatus(RegionState.UNKNOWN, RegionState.UNKNOWN, null, null, null));
        assertThat(RegionStatus.initial().shown()).isEqualTo(RegionState.UNKNOWN);
    }

    @Test
    void policyRejectsNegativeWindows() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HysteresisPolicy(Duration.ofSeconds(-1), Duration.ZERO))
                .withMessageContaining("sustainedWindow");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new HysteresisPolicy(Duration.ZERO, Duration.ofSeconds(-1)))
                .withMessageContaining("recoveryWindow");
    }

    private static String letter(RegionState state) {
        return state.name().substring(0, 1);
    }
}
