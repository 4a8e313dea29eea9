package dev.forewarn.maintenance.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WeeklyMaintenanceFollowsTheLocalClockTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2027-01-01T00:00:00Z");

    static Stream<Arguments> weeks() {
        return Stream.of(
                // winter: Sunday 02:00-04:00 Berlin is 01:00-03:00 UTC
                Arguments.of(BERLIN, DayOfWeek.SUNDAY, "02:00", "04:00", "2026-03-15T00:00:00Z",
                        "2026-03-15T01:00:00Z", "2026-03-15T03:00:00Z"),
                // spring forward (29 Mar 2026): 02:00 does not exist, the window starts at 03:00 CEST and lasts 1 h
                Arguments.of(BERLIN, DayOfWeek.SUNDAY, "02:00", "04:00", "2026-03-29T00:00:00Z",
                        "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"),
                // summer: the same wall-clock hours are 00:00-02:00 UTC
                Arguments.of(BERLIN, DayOfWeek.SUNDAY, "02:00", "04:00", "2026-04-05T00:00:00Z",
                        "2026-04-05T00:00:00Z", "2026-04-05T02:00:00Z"),
                // fall back (25 Oct 2026): 02:00 happens twice, the first one (CEST) counts; the window lasts 3 h
                Arguments.of(BERLIN, DayOfWeek.SUNDAY, "02:00", "04:00", "2026-10-25T00:00:00Z",
                        "2026-10-25T00:00:00Z", "2026-10-25T03:00:00Z"),
                // over midnight: Saturday 23:00 to Sunday 01:00 New York, winter (EST, UTC-5)
                Arguments.of(NEW_YORK, DayOfWeek.SATURDAY, "23:00", "01:00", "2026-02-07T00:00:00Z",
                        "2026-02-08T04:00:00Z", "2026-02-08T06:00:00Z"),
                // over midnight on the spring-forward night (8 Mar 2026): 23:00 EST to 01:00 EST, 2 h
                Arguments.of(NEW_YORK, DayOfWeek.SATURDAY, "23:00", "01:00", "2026-03-07T00:00:00Z",
                        "2026-03-08T04:00:00Z", "2026-03-08T06:00:00Z"),
                // a window inside the gap (02:15-02:45 on 8 Mar 2026 New York) moves by the gap: 03:15-03:45 EDT
                Arguments.of(NEW_YORK, DayOfWeek.SUNDAY, "02:15", "02:45", "2026-03-08T00:00:00Z",
                        "2026-03-08T07:15:00Z", "2026-03-08T07:45:00Z"));
    }

    @ParameterizedTest
    @MethodSource("weeks")
    void theFirstOccurrenceOfTheWeekIsAtTheLocalHours(ZoneId zone, DayOfWeek day, String start, String end,
                                                      String lookFrom, String expectedStart, String expectedEnd) {
        var weekly = new MaintenanceSchedule.Weekly(day, LocalTime.parse(start), LocalTime.parse(end), zone, FROM, UNTIL);

        Occurrence first = weekly.next(Instant.parse(lookFrom)).orElseThrow();

        assertThat(first).isEqualTo(new Occurrence(Instant.parse(expectedStart), Instant.parse(expectedEnd)));
    }

    @ParameterizedTest
    @MethodSource("bounds")
    void occurrencesStayWithinTheRecurrenceBounds(String from, String until, String windowFrom, String windowTo,
                                                  List<String> expectedStarts) {
        var weekly = new MaintenanceSchedule.Weekly(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0),
                ZoneId.of("UTC"), Instant.parse(from), Instant.parse(until));

        assertThat(weekly.overlapping(Instant.parse(windowFrom), Instant.parse(windowTo)))
                .extracting(o -> o.start().toString()).containsExactlyElementsOf(expectedStarts);
    }

    static Stream<Arguments> bounds() {
        return Stream.of(
                // three Mondays in the window, all within the recurrence
                Arguments.of("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026-03-01T00:00:00Z",
                        "2026-03-17T00:00:00Z", List.of("2026-03-02T09:00:00Z", "2026-03-09T09:00:00Z",
                                "2026-03-16T09:00:00Z")),
                // the recurrence begins on 5 Mar: the Monday before does not count
                Arguments.of("2026-03-05T00:00:00Z", "2027-01-01T00:00:00Z", "2026-03-01T00:00:00Z",
                        "2026-03-10T00:00:00Z", List.of("2026-03-09T09:00:00Z")),
                // the recurrence ends on 9 Mar at 09:00: an occurrence starting then is not part of it
                Arguments.of("2026-01-01T00:00:00Z", "2026-03-09T09:00:00Z", "2026-03-01T00:00:00Z",
                        "2026-03-17T00:00:00Z", List.of("2026-03-02T09:00:00Z")),
                // an occurrence in progress at the window's start overlaps it
                Arguments.of("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026-03-02T09:30:00Z",
                        "2026-03-02T09:31:00Z", List.of("2026-03-02T09:00:00Z")),
                // an occurrence that ended exactly at the window's start does not
                Arguments.of("2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "2026-03-02T10:00:00Z",
                        "2026-03-03T00:00:00Z", List.of()));
    }
}
