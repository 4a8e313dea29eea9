package dev.forewarn.oncall.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DailyWindowTest {

    @ParameterizedTest(name = "{0}-{1} {2} at {3} -> {4}")
    @CsvSource({
            // Singapore 08:00 local (00:00Z) opens the window
            "08:00, 16:00, Asia/Singapore,   2026-01-06T00:00:00Z, true",
            // Singapore 07:59 local is before the window
            "08:00, 16:00, Asia/Singapore,   2026-01-05T23:59:00Z, false",
            // Singapore 15:59:59 local is the last covered second
            "08:00, 16:00, Asia/Singapore,   2026-01-06T07:59:59Z, true",
            // Singapore 16:00 local: the end is exclusive
            "08:00, 16:00, Asia/Singapore,   2026-01-06T08:00:00Z, false",
            // wrapping window: 22:00 opens it
            "22:00, 06:00, UTC,              2026-01-06T22:00:00Z, true",
            // wrapping window: just before midnight
            "22:00, 06:00, UTC,              2026-01-06T23:59:59Z, true",
            // wrapping window: midnight itself
            "22:00, 06:00, UTC,              2026-01-07T00:00:00Z, true",
            // wrapping window: 05:59 is still inside
            "22:00, 06:00, UTC,              2026-01-07T05:59:00Z, true",
            // wrapping window: 06:00 is exclusive
            "22:00, 06:00, UTC,              2026-01-07T06:00:00Z, false",
            // wrapping window: midday is outside
            "22:00, 06:00, UTC,              2026-01-07T12:00:00Z, false",
            // wrapping window: 21:59 is outside
            "22:00, 06:00, UTC,              2026-01-07T21:59:00Z, false",
            // wrapping window in New York winter: 22:00 EST is 03:00Z
            "22:00, 06:00, America/New_York, 2026-01-07T03:00:00Z, true",
            // wrapping window in New York winter: 06:00 EST is 11:00Z, exclusive
            "22:00, 06:00, America/New_York, 2026-01-07T11:00:00Z, false",
            // from == to covers the whole day
            "09:00, 09:00, UTC,              2026-01-07T03:00:00Z, true",
            // Dublin summer time: 08:00 IST is 07:00Z
            "08:00, 16:00, Europe/Dublin,    2026-07-01T07:00:00Z, true",
            // Dublin summer time: 15:00Z is 16:00 IST, exclusive
            "08:00, 16:00, Europe/Dublin,    2026-07-01T15:00:00Z, false",
    })
    void coversByWallClock(LocalTime from, LocalTime to, ZoneId zone, Instant at, boolean covered) {
        assertThat(new DailyWindow(from, to, zone).covers(at)).isEqualTo(covered);
    }

    @ParameterizedTest(name = "{0}-{1} {2} after {3} -> {4}")
    @CsvSource({
            // inside the Singapore window the next change is its end
            "08:00, 16:00, Asia/Singapore, 2026-01-06T03:00:00Z, 2026-01-06T08:00:00Z",
            // at the exclusive end the next change is tomorrow's start
            "08:00, 16:00, Asia/Singapore, 2026-01-06T08:00:00Z, 2026-01-07T00:00:00Z",
            // inside a wrapping window the change is the morning end
            "22:00, 06:00, UTC,            2026-01-06T23:00:00Z, 2026-01-07T06:00:00Z",
            // outside a wrapping window the change is the evening start
            "22:00, 06:00, UTC,            2026-01-06T06:00:00Z, 2026-01-06T22:00:00Z",
            // Berlin spring-forward morning: 08:00 CEST is 06:00Z
            "08:00, 16:00, Europe/Berlin,  2026-03-29T00:00:00Z, 2026-03-29T06:00:00Z",
            // a window opening at 02:30 inside the spring-forward gap opens when clocks jump to 03:00 CEST
            "02:30, 04:00, Europe/Berlin,  2026-03-29T00:30:00Z, 2026-03-29T01:00:00Z",
            // Berlin fall-back: 16:00 CET is 15:00Z
            "08:00, 16:00, Europe/Berlin,  2026-10-25T09:00:00Z, 2026-10-25T15:00:00Z",
            // a whole-day window never changes
            "09:00, 09:00, UTC,            2026-01-06T03:00:00Z, ",
    })
    void findsTheNextChange(LocalTime from, LocalTime to, ZoneId zone, Instant after, Instant expected) {
        assertThat(new DailyWindow(from, to, zone).nextChangeAfter(after)).isEqualTo(Optional.ofNullable(expected));
    }
}
