package dev.forewarn.maintenance.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** When a maintenance window is in force: once, or every week at the same wall-clock hours in a zone. */
public sealed interface MaintenanceSchedule {

    /** Occurrences overlapping {@code [from, to)}, earliest first. */
    List<Occurrence> overlapping(Instant from, Instant to);

    /** The occurrence covering {@code t}, if any. */
    default Optional<Occurrence> covering(Instant t) {
        return overlapping(t, t.plusNanos(1)).stream().filter(o -> o.covers(t)).findFirst();
    }

    /** The first occurrence that has not ended at {@code now}, if any. */
    default Optional<Occurrence> next(Instant now) {
        return overlapping(now, now.plus(java.time.Duration.ofDays(15))).stream().findFirst();
    }

    /** A single window. */
    record Once(Occurrence occurrence) implements MaintenanceSchedule {
        public Once {
            Objects.requireNonNull(occurrence, "occurrence");
        }

        @Override
        public List<Occurrence> overlapping(Instant from, Instant to) {
            return occurrence.overlaps(from, to) ? List.of(occurrence) : List.of();
        }
    }

    /**
     * Every {@code day} from {@code start} to {@code end} wall-clock time in {@code zone} (ending the next day when
     * {@code end} is not after {@code start}), for occurrences starting within {@code [from, until)}.
     *
     * <p>Wall-clock rules, because operators plan in local time: a start or end that falls in a spring-forward gap
     * moves forward by the gap (02:30 on a day without 02:30 becomes 03:30); one that falls in an autumn overlap
     * takes the earlier offset (the first 02:30). So a window's real length is an hour shorter or longer on a DST
     * night, and never drifts against the local clock.
     */
    record Weekly(DayOfWeek day, LocalTime start, LocalTime end, ZoneId zone, Instant from, Instant until)
            implements MaintenanceSchedule {
        public Weekly {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
            if (start.equals(end)) {
                throw new IllegalArgumentException("a weekly window needs different start and end times");
            }
        }

        @Override
        public List<Occurrence> overlapping(Instant windowFrom, Instant windowTo) {
            List<Occurrence> out = new ArrayList<>();
            // Start a week early: an occurrence that began before windowFrom may still overlap it.
            LocalDate date = windowFrom.atZone(zone).toLocalDate().minusDays(7)
                    .with(TemporalAdjusters.nextOrSame(day));
            while (true) {
                Occurrence o = on(date);
                if (!o.start().isBefore(windowTo) || !o.start().isBefore(until)) {
                    return out;
                }
                if (!o.start().isBefore(from) && o.overlaps(windowFrom, windowTo)) {
                    out.add(o);
                }
                date = date.plusWeeks(1);
            }
        }

        private Occurrence on(LocalDate date) {
            Instant s = ZonedDateTime.of(date, start, zone).toInstant();
            LocalDate endDate = end.isAfter(start) ? date : date.plusDays(1);
            Instant e = ZonedDateTime.of(endDate, end, zone).toInstant();
            if (!e.isAfter(s)) {
                // Only possible when a DST jump swallows the whole window (e.g. 02:00-02:30 on a spring-forward
                // night); it then lasts no time at all, which we represent as one minute so it is still announced.
                e = s.plusSeconds(60);
            }
            return new Occurrence(s, e);
        }
    }
}
