package dev.forewarn.sla.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.calendar.model.WeekSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The week shapes support plans use — several ranges a day, Saturday hours, overnight ranges, holidays, hours that
 * begin inside a DST gap — around both DST changes of 2026 in zones of both hemispheres and zones without DST. Each
 * case spans Saturday 12:00 to Monday 12:00 local around the Sunday of a change (for Santiago the change is at
 * midnight between Saturday and Sunday; São Paulo and Kolkata have no DST, so the same weekends change nothing).
 */
class BusinessWeekHoldsAcrossDstTest {

    /** A realistic support week: a lunch break on weekdays and a Saturday morning. */
    static final Map<String, List<String>> OFFICE = Map.of(
            "mon-fri", List.of("09:00-12:00", "13:00-18:00"),
            "sat", List.of("10:00-14:00"));
    /** A weekend night desk, open across the hour at which clocks change. */
    static final Map<String, List<String>> NIGHTS = Map.of("sat", List.of("22:00-06:00"));
    /** Early Sunday hours, one of them beginning inside the usual 02:00-03:00 gap (Santiago's is 00:00-01:00). */
    static final Map<String, List<String>> EARLY = Map.of("sun", List.of("00:30-01:30", "02:30-05:00"));

    static BusinessHours hours(String shape, ZoneId zone, LocalDate sunday) {
        return switch (shape) {
            case "office" -> new BusinessHours(WeekSpec.parse(zone, OFFICE), List.of());
            case "nights" -> new BusinessHours(WeekSpec.parse(zone, NIGHTS), List.of());
            case "nights-holiday" -> new BusinessHours(WeekSpec.parse(zone, NIGHTS), List.of(new Holiday(sunday, "Easter")));
            case "early" -> new BusinessHours(WeekSpec.parse(zone, EARLY), List.of());
            default -> throw new IllegalArgumentException(shape);
        };
    }

    static Instant local(LocalDate date, int hour, int minute, ZoneId zone) {
        return ZonedDateTime.of(date, LocalTime.of(hour, minute), zone).toInstant();
    }

    @ParameterizedTest(name = "{0} weekend of {1}, {2}: {3}")
    @CsvSource(textBlock = """
            # office hours: Saturday 12-14 and Monday 09-12 count, whatever happens to the clocks on Sunday
            Europe/Berlin,     2026-03-29, office, PT5H
            Europe/Berlin,     2026-10-25, office, PT5H
            America/New_York,  2026-03-08, office, PT5H
            America/New_York,  2026-11-01, office, PT5H
            Australia/Sydney,  2026-04-05, office, PT5H
            Australia/Sydney,  2026-10-04, office, PT5H
            Pacific/Auckland,  2026-04-05, office, PT5H
            Pacific/Auckland,  2026-09-27, office, PT5H
            America/Santiago,  2026-04-05, office, PT5H
            America/Santiago,  2026-09-06, office, PT5H
            America/Sao_Paulo, 2026-04-05, office, PT5H
            Asia/Kolkata,      2026-10-25, office, PT5H
            # Saturday night 22:00-06:00: an hour shorter when clocks spring forward, longer when they fall back
            Europe/Berlin,     2026-03-29, nights, PT7H
            Europe/Berlin,     2026-10-25, nights, PT9H
            America/New_York,  2026-03-08, nights, PT7H
            America/New_York,  2026-11-01, nights, PT9H
            Australia/Sydney,  2026-04-05, nights, PT9H
            Australia/Sydney,  2026-10-04, nights, PT7H
            Pacific/Auckland,  2026-04-05, nights, PT9H
            Pacific/Auckland,  2026-09-27, nights, PT7H
            America/Santiago,  2026-04-05, nights, PT9H
            America/Santiago,  2026-09-06, nights, PT7H
            America/Sao_Paulo, 2026-09-06, nights, PT8H
            Asia/Kolkata,      2026-03-29, nights, PT8H
            # Sunday is a holiday: Saturday's night stops at midnight; Santiago's repeated Saturday 23:00 counts twice
            Europe/Berlin,     2026-03-29, nights-holiday, PT2H
            Europe/Berlin,     2026-10-25, nights-holiday, PT2H
            America/New_York,  2026-11-01, nights-holiday, PT2H
            Australia/Sydney,  2026-04-05, nights-holiday, PT2H
            Pacific/Auckland,  2026-09-27, nights-holiday, PT2H
            America/Santiago,  2026-04-05, nights-holiday, PT3H
            America/Santiago,  2026-09-06, nights-holiday, PT2H
            America/Sao_Paulo, 2026-04-05, nights-holiday, PT2H
            Asia/Kolkata,      2026-04-05, nights-holiday, PT2H
            # Sunday 00:30-01:30 and 02:30-05:00: 02:30 in a gap opens at the jump (03:00), so 1 h + 2 h
            Europe/Berlin,     2026-03-29, early, PT3H
            America/New_York,  2026-03-08, early, PT3H
            Australia/Sydney,  2026-10-04, early, PT3H
            Pacific/Auckland,  2026-09-27, early, PT3H
            # fall back: 02:30 is its first occurrence, so 02:30-05:00 lasts 3.5 h (New York repeats 01:00-02:00 instead)
            Europe/Berlin,     2026-10-25, early, PT4H30M
            America/New_York,  2026-11-01, early, PT3H30M
            Australia/Sydney,  2026-04-05, early, PT4H30M
            Pacific/Auckland,  2026-04-05, early, PT4H30M
            # Santiago springs forward at midnight: 00:30 opens at the jump (01:00), so 0.5 h + 2.5 h
            America/Santiago,  2026-09-06, early, PT3H
            # Santiago repeats Saturday 23:00-24:00, which is not Sunday: Sunday's hours are untouched
            America/Santiago,  2026-04-05, early, PT3H30M
            America/Sao_Paulo, 2026-09-06, early, PT3H30M
            Asia/Kolkata,      2026-09-27, early, PT3H30M
            """)
    void countsTheWeekendAroundEachDstChange(ZoneId zone, LocalDate sunday, String shape, Duration expected) {
        BusinessHours hours = hours(shape, zone, sunday);
        Instant from = local(sunday.minusDays(1), 12, 0, zone);
        Instant to = local(sunday.plusDays(1), 12, 0, zone);

        assertThat(hours.businessTimeBetween(from, to)).isEqualTo(expected);
        assertThat(hours.addBusinessTime(from, expected)).as("the last open instant of the span")
                .isBeforeOrEqualTo(to);
    }

    @ParameterizedTest(name = "{0}: {1} + {2} = {3}")
    @CsvSource(textBlock = """
            # Saturday 13:00 + 2 h of office hours: 1 h on Saturday, then Monday 10:00 in the new offset
            Europe/Berlin,     2026-03-28T13:00+01:00, office, PT2H,   2026-03-30T10:00+02:00
            Europe/Berlin,     2026-10-24T13:00+02:00, office, PT2H,   2026-10-26T10:00+01:00
            America/New_York,  2026-03-07T13:00-05:00, office, PT2H,   2026-03-09T10:00-04:00
            America/New_York,  2026-10-31T13:00-04:00, office, PT2H,   2026-11-02T10:00-05:00
            Australia/Sydney,  2026-04-04T13:00+11:00, office, PT2H,   2026-04-06T10:00+10:00
            Australia/Sydney,  2026-10-03T13:00+10:00, office, PT2H,   2026-10-05T10:00+11:00
            Pacific/Auckland,  2026-04-04T13:00+13:00, office, PT2H,   2026-04-06T10:00+12:00
            Pacific/Auckland,  2026-09-26T13:00+12:00, office, PT2H,   2026-09-28T10:00+13:00
            America/Santiago,  2026-04-04T13:00-03:00, office, PT2H,   2026-04-06T10:00-04:00
            America/Santiago,  2026-09-05T13:00-04:00, office, PT2H,   2026-09-07T10:00-03:00
            America/Sao_Paulo, 2026-04-04T13:00-03:00, office, PT2H,   2026-04-06T10:00-03:00
            Asia/Kolkata,      2026-10-24T13:00+05:30, office, PT2H,   2026-10-26T10:00+05:30
            # the lunch break does not count: Monday 11:30 + 1 h is 13:30
            Europe/Berlin,     2026-03-30T11:30+02:00, office, PT1H,   2026-03-30T13:30+02:00
            # Friday 17:00 + 3 h: 1 h on Friday, 2 h on Saturday morning
            Australia/Sydney,  2026-10-02T17:00+10:00, office, PT3H,   2026-10-03T12:00+10:00
            # the night desk: Saturday 21:00 + 5 h ends at 04:00 after Berlin's jump (5 real hours from 22:00 CET)
            Europe/Berlin,     2026-03-28T21:00+01:00, nights, PT5H,   2026-03-29T04:00+02:00
            # Auckland falls back at 03:00: 5 h from 22:00 NZDT ends at the repeated 02:00 (NZST)
            Pacific/Auckland,  2026-04-04T21:00+13:00, nights, PT5H,   2026-04-05T02:00+12:00
            # Santiago falls back at midnight: 5 h from 22:00 -03 ends at Sunday 02:00 -04
            America/Santiago,  2026-04-04T21:00-03:00, nights, PT5H,   2026-04-05T02:00-04:00
            # Santiago springs forward at midnight: 5 h from 22:00 -04 ends at Sunday 04:00 -03
            America/Santiago,  2026-09-05T21:00-04:00, nights, PT5H,   2026-09-06T04:00-03:00
            # an Easter Sunday holiday cuts Saturday's night at midnight: the rest waits a week
            Europe/Berlin,     2026-03-28T21:00+01:00, nights-holiday, PT3H, 2026-04-04T23:00+02:00
            """)
    void addsBusinessTimeAcrossDst(ZoneId zone, String from, String shape, Duration amount, String expected) {
        Instant start = java.time.OffsetDateTime.parse(from).toInstant();
        BusinessHours hours = hours(shape, zone, LocalDate.ofInstant(start, zone).plusDays(1));

        assertThat(hours.addBusinessTime(start, amount)).isEqualTo(java.time.OffsetDateTime.parse(expected).toInstant());
    }
}
