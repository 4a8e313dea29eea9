package dev.forewarn.sla.model;

import dev.forewarn.calendar.model.LocalTimeRange;
import dev.forewarn.calendar.model.WallClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BusinessHoursCountsOnlyOpeningHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Calendars by name so that the tables stay one line per case. */
    static BusinessCalendar calendar(String name) {
        return switch (name) {
            case "always" -> new AlwaysOpen();
            case "berlin-9-17" -> BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
            case "berlin-9-17-xmas" -> BusinessHours.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0),
                    Set.of(LocalDate.of(2026, 12, 24), LocalDate.of(2026, 12, 25)));
            case "ny-9-17" -> BusinessHours.weekdays(NEW_YORK, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
            case "shanghai-9-18" -> BusinessHours.weekdays(SHANGHAI, LocalTime.of(9, 0), LocalTime.of(18, 0),
                    Set.of(LocalDate.of(2026, 10, 1)));
            case "berlin-all-day" -> everyDay(BERLIN, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());
            case "ny-all-day" -> everyDay(NEW_YORK, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());
            case "shanghai-all-day" -> everyDay(SHANGHAI, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, Set.of());
            case "berlin-0230-0400" -> everyDay(BERLIN, LocalTime.of(2, 30), LocalTime.of(4, 0), Set.of());
            case "ny-0130-0330" -> everyDay(NEW_YORK, LocalTime.of(1, 30), LocalTime.of(3, 30), Set.of());
            case "shanghai-nights" -> everyDay(SHANGHAI, LocalTime.of(22, 0), LocalTime.of(6, 0),
                    Set.of(LocalDate.of(2026, 3, 4)));
            default -> throw new IllegalArgumentException(name);
        };
    }

    static BusinessHours everyDay(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        var hours = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, List.of(LocalTimeRange.of(open, close)));
        }
        return new BusinessHours(zone, hours, holidays);
    }

    static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @ParameterizedTest(name = "{0}: {1} → {2} = {3}")
    @CsvSource(textBlock = """
            # 7x24 counts wall-clock time, weekends included
            always,            2026-03-06T16:00+01:00, 2026-03-09T10:00+01:00, PT66H
            # reversed interval counts nothing
            berlin-9-17,       2026-03-03T12:00+01:00, 2026-03-03T10:00+01:00, PT0S
            # within one business day
            berlin-9-17,       2026-03-03T10:00+01:00, 2026-03-03T12:30+01:00, PT2H30M
            # evening to next morning: only the closing and opening hours count (overnight carry-over)
            berlin-9-17,       2026-03-03T16:00+01:00, 2026-03-04T10:00+01:00, PT2H
            # Friday afternoon to Monday morning: the weekend does not count
            berlin-9-17,       2026-03-06T16:00+01:00, 2026-03-09T10:00+01:00, PT2H
            # whole Saturday and Sunday are closed
            berlin-9-17,       2026-03-07T00:00+01:00, 2026-03-09T00:00+01:00, PT0S
            # a full week is five days of eight hours
            berlin-9-17,       2026-03-02T00:00+01:00, 2026-03-09T00:00+01:00, PT40H
            # Christmas Eve and Day are holidays: Thursday 16:00 to Monday 10:00 leaves two hours
            berlin-9-17-xmas,  2026-12-23T16:00+01:00, 2026-12-28T10:00+01:00, PT2H
            # the same span without holidays
            berlin-9-17,       2026-12-23T16:00+01:00, 2026-12-28T10:00+01:00, PT18H
            # spring forward over the weekend: Friday 16:00 CET to Monday 10:00 CEST is still two hours
            berlin-9-17,       2026-03-27T16:00+01:00, 2026-03-30T10:00+02:00, PT2H
            # fall back over the weekend: Friday 16:00 CEST to Monday 10:00 CET is still two hours
            berlin-9-17,       2026-10-23T16:00+02:00, 2026-10-26T10:00+01:00, PT2H
            # New York springs forward on 8 March, three weeks before Berlin
            ny-9-17,           2026-03-06T16:00-05:00, 2026-03-09T10:00-04:00, PT2H
            # New York falls back on 1 November
            ny-9-17,           2026-10-30T16:00-04:00, 2026-11-02T10:00-05:00, PT2H
            # Shanghai has no DST; 1 October (National Day) is a holiday
            shanghai-9-18,     2026-09-30T17:00+08:00, 2026-10-02T10:00+08:00, PT2H
            # a Berlin spring-forward Sunday open all day lasts 23 real hours
            berlin-all-day,    2026-03-29T00:00+01:00, 2026-03-30T00:00+02:00, PT23H
            # a Berlin fall-back Sunday open all day lasts 25 real hours
            berlin-all-day,    2026-10-25T00:00+02:00, 2026-10-26T00:00+01:00, PT25H
            # a New York spring-forward day lasts 23 hours
            ny-all-day,        2026-03-08T00:00-05:00, 2026-03-09T00:00-04:00, PT23H
            # a New York fall-back day lasts 25 hours
            ny-all-day,        2026-11-01T00:00-04:00, 2026-11-02T00:00-05:00, PT25H
            # a Shanghai day always lasts 24 hours
            shanghai-all-day,  2026-03-29T00:00+08:00, 2026-03-30T00:00+08:00, PT24H
            # opening at 02:30, inside Berlin's gap, happens at the jump (03:00 CEST): open 03:00-04:00, one hour
            berlin-0230-0400,  2026-03-29T00:00+01:00, 2026-03-30T00:00+02:00, PT1H
            # opening at 02:30, inside Berlin's overlap, takes the earlier (CEST) 02:30: 2.5 hours
            berlin-0230-0400,  2026-10-25T00:00+02:00, 2026-10-26T00:00+01:00, PT2H30M
            # 01:30 EST to 03:30 EDT spans New York's gap: 1 real hour
            ny-0130-0330,      2026-03-08T00:00-05:00, 2026-03-09T00:00-04:00, PT1H
            # 01:30 EDT to 03:30 EST spans New York's overlap: 3 real hours
            ny-0130-0330,      2026-11-01T00:00-04:00, 2026-11-02T00:00-05:00, PT3H
            # night shift 22:00-06:00: Monday 23:00 to Tuesday 05:00 is all open
            shanghai-nights,   2026-03-02T23:00+08:00, 2026-03-03T05:00+08:00, PT6H
            # night shift: Monday 05:00 to 23:00 counts the end of Sunday's night and the start of Monday's
            shanghai-nights,   2026-03-02T05:00+08:00, 2026-03-02T23:00+08:00, PT2H
            # Wednesday is a holiday, closed 00:00-24:00: Tuesday's night stops at midnight (2 h) ...
            shanghai-nights,   2026-03-03T12:00+08:00, 2026-03-04T12:00+08:00, PT2H
            # ... and Wednesday's night opens at Thursday's midnight (6 h)
            shanghai-nights,   2026-03-04T12:00+08:00, 2026-03-05T12:00+08:00, PT6H
            """)
    void countsBusinessTimeBetween(String calendar, String from, String to, Duration expected) {
        assertThat(calendar(calendar).businessTimeBetween(at(from), at(to))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(textBlock = """
            # 7x24 adds wall-clock time
            always,            2026-03-06T16:00+01:00, PT15M,  2026-03-06T16:15+01:00
            # zero business time is the start itself, even when closed
            berlin-9-17,       2026-03-07T12:00+01:00, PT0S,   2026-03-07T12:00+01:00
            # before opening, the clock starts at opening
            berlin-9-17,       2026-03-03T07:00+01:00, PT15M,  2026-03-03T09:15+01:00
            # ending exactly at closing time stays on that day
            berlin-9-17,       2026-03-03T16:00+01:00, PT1H,   2026-03-03T17:00+01:00
            # carried over the night to the next morning
            berlin-9-17,       2026-03-03T16:30+01:00, PT1H,   2026-03-04T09:30+01:00
            # Friday afternoon carried over the weekend
            berlin-9-17,       2026-03-06T16:30+01:00, PT1H,   2026-03-09T09:30+01:00
            # a general ticket's 24 business hours take three days
            berlin-9-17,       2026-03-02T09:00+01:00, PT24H,  2026-03-04T17:00+01:00
            # carried over Christmas holidays and the weekend
            berlin-9-17-xmas,  2026-12-23T16:30+01:00, PT1H,   2026-12-28T09:30+01:00
            # carried over spring forward: Monday 09:30 is now CEST
            berlin-9-17,       2026-03-27T16:30+01:00, PT1H,   2026-03-30T09:30+02:00
            # carried over fall back: Monday 09:30 is now CET
            berlin-9-17,       2026-10-23T16:30+02:00, PT1H,   2026-10-26T09:30+01:00
            # New York spring forward
            ny-9-17,           2026-03-06T16:30-05:00, PT1H,   2026-03-09T09:30-04:00
            # New York fall back
            ny-9-17,           2026-10-30T16:30-04:00, PT1H,   2026-11-02T09:30-05:00
            # Shanghai over its National Day holiday
            shanghai-9-18,     2026-09-30T17:30+08:00, PT1H,   2026-10-02T09:30+08:00
            # 7x24 across Berlin's spring-forward night: real time, not local
            berlin-all-day,    2026-03-29T01:30+01:00, PT1H,   2026-03-29T03:30+02:00
            # the night shift carries from one night to the next
            shanghai-nights,   2026-03-02T12:00+08:00, PT9H,   2026-03-03T23:00+08:00
            """)
    void addsBusinessTime(String calendar, String from, Duration amount, String expected) {
        assertThat(calendar(calendar).addBusinessTime(at(from), amount)).isEqualTo(at(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"berlin-9-17", "ny-9-17", "shanghai-9-18", "berlin-0230-0400", "ny-0130-0330",
            "shanghai-nights", "berlin-9-17-xmas", "always"})
    void agreesWithThePerDayReferenceAndRoundTrips(String name) {
        BusinessCalendar calendar = calendar(name);
        var random = new Random(name.hashCode());
        Instant base = at("2026-01-01T00:00Z");
        for (int i = 0; i < 2_000; i++) {
            Instant from = base.plusSeconds(random.nextInt(366 * 86_400));
            Instant to = from.plusSeconds(random.nextInt(20 * 86_400));
            if (calendar instanceof BusinessHours hours) {
                assertThat(calendar.businessTimeBetween(from, to))
                        .as("%s → %s", from, to).isEqualTo(reference(hours, from, to));
            }
            Duration amount = Duration.ofSeconds(random.nextInt(30 * 3_600));
            Instant end = calendar.addBusinessTime(from, amount);
            assertThat(calendar.businessTimeBetween(from, end)).as("%s + %s", from, amount).isEqualTo(amount);
            assertThat(calendar.addBusinessTime(from, amount.plusNanos(1))).isAfter(end);
        }
    }

    /** Straightforward per-local-day reference: each range's interval by WallClock, cut at a holiday's midnights. */
    static Duration reference(BusinessHours hours, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate last = to.atZone(hours.zone()).toLocalDate();
        for (LocalDate day = from.atZone(hours.zone()).toLocalDate().minusDays(1); !day.isAfter(last);
                day = day.plusDays(1)) {
            for (LocalTimeRange range : hours.hours().getOrDefault(day.getDayOfWeek(), List.of())) {
                var open = day.atTime(range.start());
                var close = range.overnight() ? day.plusDays(1).atTime(range.end()) : day.atTime(range.end());
                if (hours.holidays().contains(day)) {
                    open = day.plusDays(1).atStartOfDay();
                }
                if (range.overnight() && hours.holidays().contains(day.plusDays(1))) {
                    close = close.isAfter(day.plusDays(1).atStartOfDay()) ? day.plusDays(1).atStartOfDay() : close;
                }
                Instant a = max(WallClock.instantOf(open, hours.zone()), from);
                Instant b = min(WallClock.instantOf(close, hours.zone()), to);
                if (b.isAfter(a)) {
                    total = total.plus(Duration.between(a, b));
                }
            }
        }
        return total;
    }

    static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    @Test
    void rejectsOverlappingHoursAndCalendarsThatNeverOpen() {
        assertThatThrownBy(() -> new BusinessHours(BERLIN, Map.of(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BusinessHours(BERLIN, Map.of(DayOfWeek.MONDAY,
                List.of(LocalTimeRange.of(LocalTime.of(9, 0), LocalTime.of(12, 0)),
                        LocalTimeRange.of(LocalTime.of(11, 0), LocalTime.of(14, 0)))), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> calendar("berlin-9-17").addBusinessTime(Instant.EPOCH, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
