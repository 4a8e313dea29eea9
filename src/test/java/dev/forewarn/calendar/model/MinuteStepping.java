package dev.forewarn.calendar.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * An independent brute-force reading of schedules: steps through real time minute by minute and looks only at what
 * the zone's clock shows. The clock's running maximum stands for "the wall-clock time reached so far" (during a
 * repeated hour it stays at the latest time shown), which is the {@link WallClock} rule stated without any
 * transition arithmetic.
 */
public final class MinuteStepping {

    private final Instant start;
    private final LocalDateTime[] reached;

    /** The clock of {@code zone} for every minute of [start, start + minutes); start must be a whole minute. */
    public MinuteStepping(ZoneId zone, Instant start, int minutes) {
        this.start = start;
        this.reached = new LocalDateTime[minutes];
        // Begin a day early so that a repeated hour just after start already knows the time reached before it.
        LocalDateTime max = LocalDateTime.ofInstant(start.minus(Duration.ofDays(1)), zone);
        for (Instant t = start.minus(Duration.ofDays(1)); t.isBefore(start); t = t.plusSeconds(60)) {
            max = later(max, LocalDateTime.ofInstant(t, zone));
        }
        for (int i = 0; i < minutes; i++) {
            max = later(max, LocalDateTime.ofInstant(start.plusSeconds(60L * i), zone));
            reached[i] = max;
        }
    }

    private static LocalDateTime later(LocalDateTime a, LocalDateTime b) {
        return b.isAfter(a) ? b : a;
    }

    public int minutes() {
        return reached.length;
    }

    public Instant instant(int minute) {
        return start.plusSeconds(60L * minute);
    }

    /** The wall-clock time reached by minute {@code i}. */
    public LocalDateTime reached(int minute) {
        return reached[minute];
    }

    /**
     * Whether a week is open at a wall-clock reading: inside a range of that day, or the after-midnight part of an
     * overnight range of the day before; never on a holiday's date.
     */
    public static boolean open(LocalDateTime reading, java.util.Map<DayOfWeek, List<LocalTimeRange>> week,
            Set<LocalDate> holidays) {
        LocalDate date = reading.toLocalDate();
        if (holidays.contains(date)) {
            return false;
        }
        LocalTime time = reading.toLocalTime();
        for (LocalTimeRange r : week.getOrDefault(date.getDayOfWeek(), List.of())) {
            boolean afterStart = !time.isBefore(r.start());
            if (r.overnight() ? afterStart : afterStart && time.isBefore(r.end())) {
                return true;
            }
        }
        for (LocalTimeRange r : week.getOrDefault(date.getDayOfWeek().minus(1), List.of())) {
            if (r.overnight() && time.isBefore(r.end())) {
                return true;
            }
        }
        return false;
    }
}
