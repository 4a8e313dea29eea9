package dev.forewarn.calendar.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WallClockResolvesGapsAndOverlapsTest {

    @ParameterizedTest(name = "{1} in {0} happens at {2}")
    @CsvSource(textBlock = """
            # Berlin springs forward 02:00 CET -> 03:00 CEST: every time in the gap happens at the jump (01:00Z)
            Europe/Berlin,     2026-03-29T02:00, 2026-03-29T01:00:00Z
            Europe/Berlin,     2026-03-29T02:30, 2026-03-29T01:00:00Z
            Europe/Berlin,     2026-03-29T02:59, 2026-03-29T01:00:00Z
            # 03:00 CEST is the jump itself; 01:59 CET just before it
            Europe/Berlin,     2026-03-29T03:00, 2026-03-29T01:00:00Z
            Europe/Berlin,     2026-03-29T01:59, 2026-03-29T00:59:00Z
            # Berlin falls back 03:00 CEST -> 02:00 CET: 02:30 is the first one, in CEST
            Europe/Berlin,     2026-10-25T02:30, 2026-10-25T00:30:00Z
            # New York: 02:30 in the March gap happens at 03:00 EDT; 01:30 in November is the EDT one
            America/New_York,  2026-03-08T02:30, 2026-03-08T07:00:00Z
            America/New_York,  2026-11-01T01:30, 2026-11-01T05:30:00Z
            # Sydney (southern hemisphere): springs forward in October, falls back in April
            Australia/Sydney,  2026-10-04T02:30, 2026-10-03T16:00:00Z
            Australia/Sydney,  2026-04-05T02:30, 2026-04-04T15:30:00Z
            # Auckland: the same in September and April
            Pacific/Auckland,  2026-09-27T02:30, 2026-09-26T14:00:00Z
            Pacific/Auckland,  2026-04-05T02:30, 2026-04-04T13:30:00Z
            # Santiago changes at midnight: Sunday 00:30 in the September gap happens at 01:00 -03 ...
            America/Santiago,  2026-09-06T00:30, 2026-09-06T04:00:00Z
            # ... and Saturday 23:30 repeated in April is the first one, at -03
            America/Santiago,  2026-04-04T23:30, 2026-04-05T02:30:00Z
            # São Paulo has had no DST since 2019: nothing special in 2026, the same rule for its last gap in 2018
            America/Sao_Paulo, 2026-10-04T00:30, 2026-10-04T03:30:00Z
            America/Sao_Paulo, 2018-11-04T00:30, 2018-11-04T03:00:00Z
            # Kolkata: +05:30 all year
            Asia/Kolkata,      2026-03-29T02:30, 2026-03-28T21:00:00Z
            # Lord Howe springs forward by half an hour: 02:15 happens at 02:30 +11
            Australia/Lord_Howe, 2026-10-04T02:15, 2026-10-03T15:30:00Z
            """)
    void resolvesWallClockTimes(ZoneId zone, LocalDateTime local, Instant expected) {
        assertThat(WallClock.instantOf(local, zone)).isEqualTo(expected);
        assertThat(WallClock.of(zone).instantOf(local)).isEqualTo(expected);
    }

    @Test
    void theAllocationFreePathAgreesEverywhereAroundEveryTransition() {
        int checked = 0;
        for (String id : ZoneId.getAvailableZoneIds()) {
            ZoneId zone = ZoneId.of(id);
            WallClock clock = WallClock.of(zone);
            ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.parse("2024-01-01T00:00:00Z"));
            while (t != null && t.getInstant().isBefore(Instant.parse("2029-01-01T00:00:00Z"))) {
                LocalDateTime around = t.getDateTimeBefore().minusHours(26);
                for (int step = 0; step < 52 * 4; step++) {
                    LocalDateTime local = around.plusMinutes(15L * step);
                    long localNanos = local.toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
                    Instant fast = Instant.ofEpochSecond(0, clock.epochNanosOf(localNanos));
                    assertThat(fast).as("%s %s", zone, local).isEqualTo(WallClock.instantOf(local, zone));
                    checked++;
                }
                t = zone.getRules().nextTransition(t.getInstant());
            }
        }
        assertThat(checked).isGreaterThan(100_000);
    }
}
