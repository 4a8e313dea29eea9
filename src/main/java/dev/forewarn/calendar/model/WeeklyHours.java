package dev.forewarn.calendar.model;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Hours of a week by the wall clock of a zone: per weekday, any number of ranges, overnight ones running into the
 * next day; times become instants by the {@link WallClock} rule.
 */
public record WeeklyHours(ZoneId zone, Map<DayOfWeek, List<LocalTimeRange>> days) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    // A week repeats, so a change exists within eight days of any instant or never.
    private static final int DAYS_AHEAD = 8;

    /**
     * @throws IllegalArgumentException if two ranges overlap, on the same day or where an overnight range runs into
     *         the next day's hours
     */
    public WeeklyHours {
        Objects.requireNonNull(zone, "zone");
        var sorted = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
        List<Labelled> all = new ArrayList<>();
        Objects.requireNonNull(days, "days").forEach((day, ranges) -> {
            if (!ranges.isEmpty()) {
                var copy = new ArrayList<>(ranges);
                copy.sort(Comparator.comparing(LocalTimeRange::start));
                sorted.put(day, List.copyOf(copy));
                copy.forEach(range -> all.add(new Labelled(day, range, day.toString())));
            }
        });
        checkNoOverlap(all);
        days = Collections.unmodifiableMap(sorted);
    }

    /** The same range every day of the week. */
    public static WeeklyHours daily(LocalTimeRange range, ZoneId zone) {
        var days = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            days.put(day, List.of(range));
        }
        return new WeeklyHours(zone, days);
    }

    /** Whether no day has any range. */
    public boolean isEmpty() {
        return days.isEmpty();
    }

    /** Whether the hours are open at {@code t}. */
    public boolean covers(Instant t) {
        for (Interval interval : openIntervalsAround(t)) {
            if (interval.contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** The first instant after {@code t} at which {@link #covers} flips; empty if it never does (always or never open). */
    public Optional<Instant> nextChangeAfter(Instant t) {
        LocalDate today = LocalDate.ofInstant(t, zone);
        Instant horizon = WallClock.instantOf(today.plusDays(DAYS_AHEAD).atStartOfDay(), zone);
        for (Interval interval : openIntervalsAround(t)) {
            for (Instant boundary : List.of(interval.from(), interval.to())) {
                if (boundary.isAfter(t)) {
                    // The enumeration stops at the horizon, so a boundary there may only be where it stopped looking.
                    return boundary.isBefore(horizon) ? Optional.of(boundary) : Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Open intervals from two days before {@code t}'s local date to {@value #DAYS_AHEAD} days after, merged. */
    private List<Interval> openIntervalsAround(Instant t) {
        LocalDate today = LocalDate.ofInstant(t, zone);
        List<Interval> intervals = new ArrayList<>();
        for (LocalDate date = today.minusDays(2); !date.isAfter(today.plusDays(DAYS_AHEAD)); date = date.plusDays(1)) {
            for (LocalTimeRange range : days.getOrDefault(date.getDayOfWeek(), List.of())) {
                Instant from = WallClock.instantOf(date.atTime(range.start()), zone);
                Instant to = WallClock.instantOf(date.atStartOfDay().plusNanos(range.endNanoFromStartDay()), zone);
                if (to.isAfter(from)) {
                    // A range wholly inside a spring-forward gap is empty that night.
                    intervals.add(new Interval(from, to));
                }
            }
        }
        List<Interval> merged = new ArrayList<>();
        for (Interval next : intervals) {
            int last = merged.size() - 1;
            if (last >= 0 && !next.from().isAfter(merged.get(last).to())) {
                merged.set(last, new Interval(merged.get(last).from(), max(merged.get(last).to(), next.to())));
            } else {
                merged.add(next);
            }
        }
        return merged;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private record Interval(Instant from, Instant to) {
        boolean contains(Instant t) {
            return !t.isBefore(from) && t.isBefore(to);
        }
    }

    /** A range of a weekday with the name of where it came from (a configuration key), for error messages. */
    record Labelled(DayOfWeek day, LocalTimeRange range, String label) {
        String describe() {
            return range + " on " + day.toString().toLowerCase(java.util.Locale.ROOT).substring(0, 3)
                    + " (" + label + ")";
        }
    }

    /**
     * @throws IllegalArgumentException naming both ranges if two of them overlap; touching ranges (12:00 end, 12:00
     *         start) do not
     */
    static void checkNoOverlap(List<Labelled> ranges) {
        var byDay = new EnumMap<DayOfWeek, List<Labelled>>(DayOfWeek.class);
        for (Labelled r : ranges) {
            byDay.computeIfAbsent(r.day(), d -> new ArrayList<>()).add(r);
        }
        byDay.values().forEach(list -> list.sort(Comparator.comparing(l -> l.range().start())));
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Labelled> list = byDay.getOrDefault(day, List.of());
            for (int i = 1; i < list.size(); i++) {
                if (list.get(i).range().startNanoOfDay() < list.get(i - 1).range().endNanoFromStartDay()) {
                    throw overlap(list.get(i - 1), list.get(i));
                }
            }
            List<Labelled> next = byDay.getOrDefault(day.plus(1), List.of());
            if (!list.isEmpty() && !next.isEmpty()) {
                // Only the latest-starting range of a day can run past midnight without overlapping its own day.
                Labelled last = list.get(list.size() - 1);
                if (last.range().endNanoFromStartDay() > NANOS_PER_DAY + next.get(0).range().startNanoOfDay()) {
                    throw overlap(last, next.get(0));
                }
            }
        }
    }

    private static IllegalArgumentException overlap(Labelled a, Labelled b) {
        return new IllegalArgumentException(a.describe() + " overlaps " + b.describe());
    }
}
