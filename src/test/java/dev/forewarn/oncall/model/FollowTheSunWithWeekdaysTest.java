package dev.forewarn.oncall.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.calendar.model.WeekSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A follow-the-sun L1: Sydney, Berlin and New York each cover Monday to Friday 09:00-17:00 in their own zone with
 * weekly rotations; a new EMEA rotation starts on 2 November; a backstop answers the rest in fixed 12 h shifts
 * (elapsed time, so its hand-offs move from 08:00/20:00 to 09:00/21:00 Berlin time in summer). Cases sit around
 * every DST change of the three zones.
 */
class FollowTheSunWithWeekdaysTest {

    static final Map<String, List<String>> OFFICE = Map.of("mon-fri", List.of("09:00-17:00"));

    static Layer office(String name, String zone, String first, String... participants) {
        ZoneId z = ZoneId.of(zone);
        return new Layer(name, new Rotation(List.of(participants), Duration.ofDays(7), LocalDateTime.parse(first), z),
                WeekSpec.parse(z, OFFICE));
    }

    static final Schedule L1 = new Schedule(Tier.L1, "default", List.of(
            office("emea-2", "Europe/Berlin", "2026-11-02T09:00", "nils", "olga"),
            office("apac", "Australia/Sydney", "2026-01-05T09:00", "mei", "arjun"),
            office("emea", "Europe/Berlin", "2026-01-05T09:00", "lena", "tom"),
            office("amer", "America/New_York", "2026-01-05T09:00", "sam", "ana"),
            new Layer("backstop", new Rotation(List.of("kai", "noa", "eve"), Duration.ofHours(12),
                    LocalDateTime.parse("2026-01-02T08:00"), ZoneId.of("Europe/Berlin"), Rotation.Handoffs.ELAPSED_TIME),
                    null)), List.of());

    @ParameterizedTest(name = "{0} -> {1} ({2}) until {3}")
    @CsvSource(textBlock = """
            # New York has sprung forward (8 Mar), Berlin not yet: EMEA (09-17 CET = 08-16Z) answers first
            2026-03-09T13:00:00Z, tom,    emea,     2026-03-09T16:00:00Z
            # ... then AMER until 17:00 EDT, which is 21:00Z now, not 22:00Z
            2026-03-09T16:00:00Z, ana,    amer,     2026-03-09T21:00:00Z
            # nobody's office hours: the backstop, until Sydney opens (Tuesday 09:00 AEDT = 22:00Z)
            2026-03-09T21:00:00Z, noa,    backstop, 2026-03-09T22:00:00Z
            2026-03-09T22:00:00Z, arjun,  apac,     2026-03-10T06:00:00Z
            # Berlin springs forward (29 Mar): Monday's 09:00 CEST is 07:00Z; the backstop's 12 h shift ends then too
            2026-03-30T06:30:00Z, eve,    backstop, 2026-03-30T07:00:00Z
            2026-03-30T07:00:00Z, lena,   emea,     2026-03-30T15:00:00Z
            # Sydney falls back (5 Apr): Monday 09:00 AEST is 23:00Z, an hour later than in March
            2026-04-05T22:00:00Z, noa,    backstop, 2026-04-05T23:00:00Z
            2026-04-05T23:00:00Z, arjun,  apac,     2026-04-06T07:00:00Z
            # the weekend belongs to the backstop: Saturday noon in Berlin
            2026-04-11T10:00:00Z, kai,    backstop, 2026-04-11T19:00:00Z
            # Sydney springs forward (4 Oct): Monday 09:00 AEDT is 22:00Z again
            2026-10-04T21:30:00Z, eve,    backstop, 2026-10-04T22:00:00Z
            2026-10-04T22:00:00Z, arjun,  apac,     2026-10-05T06:00:00Z
            # Berlin falls back (25 Oct): 09:00 CET is 08:00Z; the new EMEA rotation has not started, so EMEA answers
            2026-10-26T08:00:00Z, lena,   emea,     2026-10-26T16:00:00Z
            # from its first hand-off on, the new EMEA rotation takes over
            2026-11-02T08:00:00Z, nils,   emea-2,   2026-11-02T16:00:00Z
            # New York fell back (1 Nov): AMER answers until 17:00 EST = 22:00Z
            2026-11-02T16:00:00Z, ana,    amer,     2026-11-02T22:00:00Z
            """)
    void answersByTheHoursOfEachZone(Instant at, String person, String layer, Instant until) {
        assertThat(L1.whoIsOnCall(at)).isEqualTo(new OnCall.Covered(person, layer, until));
    }

    @ParameterizedTest(name = "{0} with {1}: gap until {2}")
    @CsvSource(textBlock = """
            # without the backstop, Friday evening in New York leaves a gap until Monday 09:00 AEST (Sunday 23:00Z)
            2026-04-10T22:00:00Z, offices, 2026-04-12T23:00:00Z
            # nobody from a rotation is on call before its first hand-off: the offices start on 5 January
            2026-01-01T00:00:00Z, offices, 2026-01-04T22:00:00Z
            # ... and the backstop on 2 January at 08:00 Berlin time, so the whole schedule has a gap until then
            2026-01-01T00:00:00Z, all,     2026-01-02T07:00:00Z
            """)
    void leavesGapsWhereNoLayerCovers(Instant at, String layers, Instant next) {
        Schedule schedule = layers.equals("all") ? L1
                : new Schedule(Tier.L1, "default", L1.layers().subList(0, 4), List.of());

        assertThat(schedule.whoIsOnCall(at)).isEqualTo(new OnCall.Gap(next));
    }
}
