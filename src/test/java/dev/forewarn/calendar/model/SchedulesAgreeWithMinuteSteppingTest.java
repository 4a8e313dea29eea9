package dev.forewarn.calendar.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.oncall.model.Rotation;
import dev.forewarn.oncall.model.Shift;
import dev.forewarn.sla.model.BusinessHours;
import dev.forewarn.sla.model.Holiday;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Generated weeks, holidays and rotations around both 2026 DST changes of each zone (the same dates for zones
 * without DST), answered once by the schedule arithmetic and once by {@link MinuteStepping}, which only reads the
 * clock minute by minute: business time between two instants, the instant a target is reached, whether layer hours
 * cover an instant and when that next changes, and who of a rotation is on shift.
 */
class SchedulesAgreeWithMinuteSteppingTest {

    private static final int WEEKS_PER_CHANGE = 10;
    private static final int WINDOW_DAYS = 8;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Sydney", "Pacific/Auckland",
            "America/Santiago", "America/Sao_Paulo", "Asia/Kolkata", "Australia/Lord_Howe"})
    void agreesOnGeneratedCases(String zoneId) {
        ZoneId zone = ZoneId.of(zoneId);
        var random = new Random(zoneId.hashCode());
        int cases = 0;
        for (Instant change : changes(zone)) {
            Instant windowStart = change.minus(Duration.ofDays(WINDOW_DAYS / 2)).truncatedTo(ChronoUnit.HOURS);
            var clock = new MinuteStepping(zone, windowStart, WINDOW_DAYS * 1440);
            for (int w = 0; w < WEEKS_PER_CHANGE; w++) {
                WeeklyHours week = randomWeek(zone, random);
                Set<LocalDate> holidays = randomHolidays(LocalDate.ofInstant(change, zone), random);
                cases += checkBusinessHours(new BusinessHours(week,
                        holidays.stream().map(d -> new Holiday(d, "generated")).toList()), holidays, clock, change, random);
                cases += checkLayerHours(week, clock, change, random);
                cases += checkRotation(randomRotation(zone, LocalDateTime.ofInstant(change, zone), random), clock, random);
            }
        }
        System.out.printf("%s: %d generated cases agree with minute stepping%n", zoneId, cases);
    }

    /** Both 2026 transitions, or two Sundays where other zones change when there is none. */
    static List<Instant> changes(ZoneId zone) {
        List<Instant> out = new ArrayList<>();
        ZoneOffsetTransition t = zone.getRules().nextTransition(Instant.parse("2026-01-01T00:00:00Z"));
        while (t != null && t.getInstant().isBefore(Instant.parse("2027-01-01T00:00:00Z"))) {
            out.add(t.getInstant());
            t = zone.getRules().nextTransition(t.getInstant());
        }
        return out.isEmpty() ? List.of(Instant.parse("2026-04-05T02:00:00Z"), Instant.parse("2026-10-04T02:00:00Z")) : out;
    }

    private static int checkBusinessHours(BusinessHours hours, Set<LocalDate> holidays, MinuteStepping clock,
            Instant change, Random random) {
        int n = clock.minutes();
        boolean[] open = new boolean[n];
        int[] openBefore = new int[n + 1];
        for (int i = 0; i < n; i++) {
            open[i] = MinuteStepping.open(clock.reached(i), hours.hours(), holidays);
            openBefore[i + 1] = openBefore[i] + (open[i] ? 1 : 0);
        }
        int changeMinute = (int) Duration.between(clock.instant(0), change).toMinutes();
        int cases = 0;
        for (int c = 0; c < 40; c++) {
            // Half the spans start within a day before the change, so that they run through it.
            int from = c % 2 == 0 ? changeMinute - 1 - random.nextInt(1440) : random.nextInt(n);
            int to = from + random.nextInt(n - from + 1);
            assertThat(hours.businessTimeBetween(clock.instant(from), clock.instant(to)))
                    .as("%s between %s and %s", hours, clock.instant(from), clock.instant(to))
                    .isEqualTo(Duration.ofMinutes(openBefore[to] - openBefore[from]));
            int amount = 1 + random.nextInt(Math.max(1, openBefore[n] - openBefore[from]));
            if (openBefore[n] - openBefore[from] >= amount) {
                int last = from;
                while (openBefore[last + 1] - openBefore[from] < amount) {
                    last++;
                }
                assertThat(hours.addBusinessTime(clock.instant(from), Duration.ofMinutes(amount)))
                        .as("%s: %s + %d min", hours, clock.instant(from), amount).isEqualTo(clock.instant(last + 1));
            }
            cases += 2;
        }
        return cases;
    }

    private static int checkLayerHours(WeeklyHours week, MinuteStepping clock, Instant change, Random random) {
        int n = clock.minutes();
        boolean[] open = new boolean[n];
        for (int i = 0; i < n; i++) {
            open[i] = MinuteStepping.open(clock.reached(i), week.days(), Set.of());
        }
        int changeMinute = (int) Duration.between(clock.instant(0), change).toMinutes();
        int cases = 0;
        for (int c = 0; c < 60; c++) {
            // Half the samples within three hours of the change, where the rule matters.
            int i = c % 2 == 0 ? Math.max(0, Math.min(n - 1, changeMinute - 180 + random.nextInt(360))) : random.nextInt(n);
            assertThat(week.covers(clock.instant(i))).as("%s covers %s", week, clock.instant(i)).isEqualTo(open[i]);
            int flip = i + 1;
            while (flip < n && open[flip] == open[i]) {
                flip++;
            }
            Optional<Instant> next = week.nextChangeAfter(clock.instant(i));
            if (flip < n) {
                assertThat(next).as("%s next change after %s", week, clock.instant(i)).contains(clock.instant(flip));
            } else {
                assertThat(next.filter(t -> t.isBefore(clock.instant(n)))).isEmpty();
            }
            cases += 2;
        }
        return cases;
    }

    private static int checkRotation(Rotation rotation, MinuteStepping clock, Random random) {
        int n = clock.minutes();
        long[] shift = new long[n];
        int startMinute = -1;
        for (int i = 0; i < n; i++) {
            LocalDateTime reached = clock.reached(i);
            if (reached.isBefore(rotation.firstHandoff())) {
                shift[i] = -1;
                continue;
            }
            if (startMinute < 0) {
                startMinute = i;
            }
            shift[i] = rotation.handoffs() == Rotation.Handoffs.ELAPSED_TIME
                    ? Duration.ofMinutes(i - startMinute).dividedBy(rotation.shiftLength())
                    : Duration.between(rotation.firstHandoff(), reached).dividedBy(rotation.shiftLength());
        }
        int cases = 0;
        for (int c = 0; c < 40; c++) {
            int i = random.nextInt(n);
            Optional<Shift> actual = rotation.shiftAt(clock.instant(i));
            if (shift[i] < 0) {
                assertThat(actual).as("%s before its start at %s", rotation, clock.instant(i)).isEmpty();
            } else {
                int first = i;
                while (first > 0 && shift[first - 1] == shift[i]) {
                    first--;
                }
                int end = i;
                while (end < n && shift[end] == shift[i]) {
                    end++;
                }
                String who = rotation.participants().get((int) (shift[i] % rotation.participants().size()));
                assertThat(actual).as("%s at %s", rotation, clock.instant(i)).isPresent();
                assertThat(actual.get().participant()).as("%s at %s", rotation, clock.instant(i)).isEqualTo(who);
                if (first > 0) {
                    assertThat(actual.get().start()).as("%s start", rotation).isEqualTo(clock.instant(first));
                }
                if (end < n) {
                    assertThat(actual.get().end()).as("%s end", rotation).isEqualTo(clock.instant(end));
                }
            }
            cases++;
        }
        return cases;
    }

    /** One to three ranges on some days, on a half-hour grid so that gap times such as 02:30 come up often. */
    static WeeklyHours randomWeek(ZoneId zone, Random random) {
        while (true) {
            var days = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                if (random.nextInt(4) == 0) {
                    continue;
                }
                List<LocalTimeRange> ranges = new ArrayList<>();
                int at = random.nextInt(12);
                for (int r = 0; r < 1 + random.nextInt(3) && at < 48; r++) {
                    int length = 1 + random.nextInt(random.nextBoolean() ? 8 : 24);
                    // Half-hour steps from midnight; an end at or past 48 runs overnight into the next day.
                    int end = at + length;
                    LocalTime startTime = LocalTime.MIDNIGHT.plusMinutes(30L * at);
                    LocalTime endTime = LocalTime.MIDNIGHT.plusMinutes(30L * (end % 48));
                    ranges.add(LocalTimeRange.of(startTime, endTime));
                    if (end >= 48) {
                        break;
                    }
                    at = end + random.nextInt(6);
                }
                if (!ranges.isEmpty()) {
                    days.put(day, ranges);
                }
            }
            try {
                WeeklyHours week = new WeeklyHours(zone, days);
                if (!week.isEmpty()) {
                    return week;
                }
            } catch (IllegalArgumentException overlapping) {
                // draw again
            }
        }
    }

    static Set<LocalDate> randomHolidays(LocalDate changeDate, Random random) {
        Set<LocalDate> out = new HashSet<>();
        for (int i = random.nextInt(3); i > 0; i--) {
            out.add(changeDate.plusDays(random.nextInt(5) - 2));
        }
        return out;
    }

    static Rotation randomRotation(ZoneId zone, LocalDateTime change, Random random) {
        List<Duration> lengths = List.of(Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(8),
                Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7));
        // First hand-offs from two days before the change to one day after, on the half hour (gap times included).
        LocalDateTime first = change.truncatedTo(ChronoUnit.HOURS).minusDays(2).plusMinutes(30L * random.nextInt(144));
        return new Rotation(List.of("ana", "bo", "cy"), lengths.get(random.nextInt(lengths.size())), first, zone,
                random.nextBoolean() ? Rotation.Handoffs.LOCAL_TIME : Rotation.Handoffs.ELAPSED_TIME);
    }
}
