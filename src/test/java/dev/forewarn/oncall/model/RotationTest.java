package dev.forewarn.oncall.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RotationTest {

    private static final Map<String, Rotation> ROTATIONS = Map.of(
            "daily", new Rotation(List.of("ana", "bo", "cy"), Duration.ofDays(1),
                    LocalDateTime.parse("2026-01-01T09:00"), ZoneOffset.UTC),
            "weekly", new Rotation(List.of("ana", "bo"), Duration.ofDays(7),
                    LocalDateTime.parse("2026-01-05T09:00"), ZoneOffset.UTC),
            "12-hour", new Rotation(List.of("ana", "bo", "cy", "dee"), Duration.ofHours(12),
                    LocalDateTime.parse("2026-01-01T09:00"), ZoneOffset.UTC));

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            // daily: the first hand-off starts shift 0
            "daily,   2026-01-01T09:00:00Z, ana, 2026-01-01T09:00:00Z, 2026-01-02T09:00:00Z",
            // daily: one second before the hand-off is still the old shift
            "daily,   2026-01-02T08:59:59Z, ana, 2026-01-01T09:00:00Z, 2026-01-02T09:00:00Z",
            // daily: the hand-off instant belongs to the next participant
            "daily,   2026-01-02T09:00:00Z, bo,  2026-01-02T09:00:00Z, 2026-01-03T09:00:00Z",
            // daily: after the last participant it wraps around to the first
            "daily,   2026-01-04T10:00:00Z, ana, 2026-01-04T09:00:00Z, 2026-01-05T09:00:00Z",
            // weekly: Sunday night is still the first week
            "weekly,  2026-01-11T23:00:00Z, ana, 2026-01-05T09:00:00Z, 2026-01-12T09:00:00Z",
            // weekly: Monday 09:00 hands off
            "weekly,  2026-01-12T09:00:00Z, bo,  2026-01-12T09:00:00Z, 2026-01-19T09:00:00Z",
            // weekly: the third week wraps around to the first participant
            "weekly,  2026-01-19T09:00:00Z, ana, 2026-01-19T09:00:00Z, 2026-01-26T09:00:00Z",
            // 12-hour: the evening shift
            "12-hour, 2026-01-01T21:00:00Z, bo,  2026-01-01T21:00:00Z, 2026-01-02T09:00:00Z",
            // 12-hour: third shift, one minute before it ends
            "12-hour, 2026-01-02T20:59:00Z, cy,  2026-01-02T09:00:00Z, 2026-01-02T21:00:00Z",
            // 12-hour: fourth shift starts at 21:00
            "12-hour, 2026-01-02T21:00:00Z, dee, 2026-01-02T21:00:00Z, 2026-01-03T09:00:00Z",
            // 12-hour: shift 4 wraps around to the first participant
            "12-hour, 2026-01-03T09:00:00Z, ana, 2026-01-03T09:00:00Z, 2026-01-03T21:00:00Z",
    })
    void handsOffInTurn(String rotation, Instant at, String participant, Instant start, Instant end) {
        assertThat(ROTATIONS.get(rotation).shiftAt(at)).contains(new Shift(participant, start, end));
    }

    @ParameterizedTest(name = "{0} {1} every {2} at {3}")
    @CsvSource({
            // Berlin spring forward (29 Mar 2026): the shift across the change is 23 h and ends at 09:00 CEST
            "Europe/Berlin,    2026-03-01T09:00, P1D, 2026-03-28T12:00:00Z, 2026-03-28T08:00:00Z, 2026-03-29T07:00:00Z, 1380",
            // Berlin, the day after spring forward: hand-off still 09:00 local, back to 24 h
            "Europe/Berlin,    2026-03-01T09:00, P1D, 2026-03-29T07:00:00Z, 2026-03-29T07:00:00Z, 2026-03-30T07:00:00Z, 1440",
            // Berlin fall back (25 Oct 2026): the shift across the change is 25 h and ends at 09:00 CET
            "Europe/Berlin,    2026-03-01T09:00, P1D, 2026-10-25T07:30:00Z, 2026-10-24T07:00:00Z, 2026-10-25T08:00:00Z, 1500",
            // New York spring forward (8 Mar 2026): 23 h shift from 09:00 EST to 09:00 EDT
            "America/New_York, 2026-03-01T09:00, P1D, 2026-03-08T12:30:00Z, 2026-03-07T14:00:00Z, 2026-03-08T13:00:00Z, 1380",
            // New York fall back (1 Nov 2026): 25 h shift from 09:00 EDT to 09:00 EST
            "America/New_York, 2026-03-01T09:00, P1D, 2026-11-01T12:00:00Z, 2026-10-31T13:00:00Z, 2026-11-01T14:00:00Z, 1500",
            // New York weekly Monday 09:00: the week containing spring forward is 167 h
            "America/New_York, 2026-03-02T09:00, P7D, 2026-03-08T12:00:00Z, 2026-03-02T14:00:00Z, 2026-03-09T13:00:00Z, 10020",
            // New York weekly: the week containing fall back is 169 h
            "America/New_York, 2026-03-02T09:00, P7D, 2026-11-01T12:00:00Z, 2026-10-26T13:00:00Z, 2026-11-02T14:00:00Z, 10140",
            // Berlin 12-hour 09:00/21:00: the night shift across spring forward is 11 h
            "Europe/Berlin,    2026-03-01T09:00, PT12H, 2026-03-29T01:00:00Z, 2026-03-28T20:00:00Z, 2026-03-29T07:00:00Z, 660",
            // Berlin hand-off at 02:30 falls in the gap: it happens when clocks jump to 03:00 CEST (01:00Z)
            "Europe/Berlin,    2026-03-01T02:30, P1D, 2026-03-29T01:00:00Z, 2026-03-29T01:00:00Z, 2026-03-30T00:30:00Z, 1410",
            // Berlin hand-off at 02:30 in the overlap: the first 02:30 (CEST, 00:30Z) is the hand-off
            "Europe/Berlin,    2026-03-01T02:30, P1D, 2026-10-25T00:30:00Z, 2026-10-25T00:30:00Z, 2026-10-26T01:30:00Z, 1500",
    })
    void keepsLocalHandoffAcrossDst(ZoneId zone, LocalDateTime first, Duration length, Instant at,
            Instant start, Instant end, long minutes) {
        Shift shift = new Rotation(List.of("ana", "bo"), length, first, zone).shiftAt(at).orElseThrow();

        assertThat(shift.start()).isEqualTo(start);
        assertThat(shift.end()).isEqualTo(end);
        assertThat(Duration.between(shift.start(), shift.end()).toMinutes()).isEqualTo(minutes);
    }

    @ParameterizedTest(name = "{0} from {1}: at {2}")
    @CsvSource({
            // Berlin 08:00/20:00 by elapsed time: after spring forward the hand-off is at 09:00 CEST (07:00Z), 12 h each
            "Europe/Berlin,     2026-03-27T08:00, 2026-03-29T08:00:00Z, 2026-03-29T07:00:00Z, 2026-03-29T19:00:00Z",
            // Berlin falls back on 25 October: 12 h steps from 08:00 CEST (06:00Z) land at 07:00 CET
            "Europe/Berlin,     2026-10-23T08:00, 2026-10-25T12:00:00Z, 2026-10-25T06:00:00Z, 2026-10-25T18:00:00Z",
            // Sydney falls back on 5 April: 12 h steps from 08:00 AEDT land at 07:00 AEST
            "Australia/Sydney,  2026-04-03T08:00, 2026-04-05T22:00:00Z, 2026-04-05T21:00:00Z, 2026-04-06T09:00:00Z",
            // Santiago springs forward at midnight on 6 September: 12 h steps from 08:00 -04 land at 09:00 -03
            "America/Santiago,  2026-09-04T08:00, 2026-09-06T12:30:00Z, 2026-09-06T12:00:00Z, 2026-09-07T00:00:00Z",
            // Kolkata has no DST: elapsed and local-time hand-offs are the same
            "Asia/Kolkata,      2026-03-27T08:00, 2026-03-29T03:00:00Z, 2026-03-29T02:30:00Z, 2026-03-29T14:30:00Z",
    })
    void elapsedTimeShiftsLastExactlyTheirLength(ZoneId zone, LocalDateTime first, Instant at, Instant start, Instant end) {
        Rotation rotation = new Rotation(List.of("ana", "bo"), Duration.ofHours(12), first, zone,
                Rotation.Handoffs.ELAPSED_TIME);

        Shift shift = rotation.shiftAt(at).orElseThrow();
        assertThat(shift.start()).isEqualTo(start);
        assertThat(shift.end()).isEqualTo(end);
        assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(12));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @CsvSource({
            // one second before the first hand-off nobody from the rotation is on shift
            "daily,   2026-01-01T08:59:59Z",
            // nor a week before
            "weekly,  2025-12-29T09:00:00Z",
    })
    void nobodyIsOnShiftBeforeTheFirstHandoff(String rotation, Instant at) {
        assertThat(ROTATIONS.get(rotation).shiftAt(at)).isEmpty();
    }

    @Test
    void skipsAShiftThatLiesEntirelyInADstGap() {
        Rotation halfHourly = new Rotation(List.of("ana", "bo"), Duration.ofMinutes(30),
                LocalDateTime.parse("2026-03-29T00:00"), ZoneId.of("Europe/Berlin"));

        // Local 02:00 and 02:30 do not exist, so shifts 4 (ana) and 5 (bo) are empty and 03:00 CEST starts shift 6.
        assertThat(halfHourly.shiftAt(Instant.parse("2026-03-29T00:59:59Z")))
                .contains(new Shift("bo", Instant.parse("2026-03-29T00:30:00Z"), Instant.parse("2026-03-29T01:00:00Z")));
        assertThat(halfHourly.shiftAt(Instant.parse("2026-03-29T01:00:00Z")))
                .contains(new Shift("ana", Instant.parse("2026-03-29T01:00:00Z"), Instant.parse("2026-03-29T01:30:00Z")));
    }

    @Test
    void rejectsRotationsThatCannotHandOff() {
        LocalDateTime first = LocalDateTime.parse("2026-01-01T09:00");
        assertThatThrownBy(() -> new Rotation(List.of(), Duration.ofDays(1), first, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rotation(List.of("ana"), Duration.ZERO, first, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rotation(List.of("ana"), Duration.ofHours(-1), first, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rotation(List.of(" "), Duration.ofDays(1), first, ZoneOffset.UTC))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
