package dev.forewarn.sla.model;

import dev.forewarn.calendar.model.LocalTimeRange;
import dev.forewarn.calendar.model.WallClock;
import dev.forewarn.calendar.model.WeeklyHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Opening hours in a customer's time zone, minus holidays, during which an SLA clock runs.
 *
 * <p>Each day's open intervals are its local opening times turned into instants by the one {@link WallClock}
 * rule: a boundary in a spring-forward gap happens at the jump (02:30 in Berlin on 2026-03-29 is 03:00 CEST), one in
 * a fall-back overlap at its first occurrence. So a 09:00–17:00 day lasts eight real hours on either side of a DST
 * change, hours spanning a change last an hour less or more, and hours wholly inside a gap are empty that night.
 * A holiday closes its whole local date, 00:00 to 24:00: an overnight range begun the evening before stops at
 * midnight, and one starting on the holiday's evening opens at the next midnight.
 * Arithmetic is in epoch nanoseconds, so instants must lie between the years 1678 and 2261.
 *
 * <p>This is a class rather than a record because it keeps a compiled form of its hours.
 */
public final class BusinessHours implements BusinessCalendar {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_DAY = 86_400L * NANOS_PER_SECOND;
    // Local dates differ from UTC dates by at most one day, and an overnight range reaches one more.
    private static final int DAYS_BEFORE = 2;
    private static final int DAYS_AFTER = 1;

    private final WeeklyHours week;
    private final Map<LocalDate, Holiday> holidays;

    private final WallClock wallClock;
    /** Per ISO day-of-week index (Monday = 0): range starts and ends, nanoseconds from midnight. */
    private final long[][] starts = new long[7][];
    private final long[][] ends = new long[7][];
    private final long[] holidayEpochDays;

    /**
     * @throws IllegalArgumentException if ranges overlap, the week never opens, or a date is a holiday twice
     */
    public BusinessHours(WeeklyHours week, List<Holiday> holidays) {
        this.week = Objects.requireNonNull(week, "week");
        if (week.isEmpty()) {
            // Without any open range, adding business time could never finish.
            throw new IllegalArgumentException("business hours must open on at least one day");
        }
        this.holidays = holidays.stream().collect(Collectors.toUnmodifiableMap(Holiday::date, h -> h, (a, b) -> {
            throw new IllegalArgumentException("holiday " + a.date() + " is given twice: " + a + ", " + b);
        }));
        this.wallClock = WallClock.of(week.zone());
        for (DayOfWeek day : DayOfWeek.values()) {
            List<LocalTimeRange> ranges = week.days().getOrDefault(day, List.of());
            int i = day.getValue() - 1;
            starts[i] = ranges.stream().mapToLong(LocalTimeRange::startNanoOfDay).toArray();
            ends[i] = ranges.stream().mapToLong(LocalTimeRange::endNanoFromStartDay).toArray();
        }
        this.holidayEpochDays = this.holidays.keySet().stream().mapToLong(LocalDate::toEpochDay).sorted().toArray();
    }

    /** Opening hours given per day, closed on {@code holidays} (unnamed). */
    public BusinessHours(ZoneId zone, Map<DayOfWeek, List<LocalTimeRange>> hours, Set<LocalDate> holidays) {
        this(new WeeklyHours(zone, hours), holidays.stream().map(d -> new Holiday(d, "")).toList());
    }

    /** Monday to Friday from {@code open} to {@code close} local time, closed on {@code holidays}. */
    public static BusinessHours weekdays(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        return weekdays(zone, open, close, holidays.stream().map(d -> new Holiday(d, "")).toList());
    }

    /** Monday to Friday from {@code open} to {@code close} local time, closed on {@code holidays}. */
    public static BusinessHours weekdays(ZoneId zone, LocalTime open, LocalTime close, List<Holiday> holidays) {
        var range = List.of(LocalTimeRange.of(open, close));
        var hours = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                hours.put(day, range);
            }
        }
        return new BusinessHours(new WeeklyHours(zone, hours), holidays);
    }

    public ZoneId zone() {
        return week.zone();
    }

    public WeeklyHours week() {
        return week;
    }

    public Map<DayOfWeek, List<LocalTimeRange>> hours() {
        return week.days();
    }

    public Set<LocalDate> holidays() {
        return holidays.keySet();
    }

    /** The holiday on {@code date}, if it is one. */
    public Optional<Holiday> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    @Override
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(businessNanosBetween(epochNanos(from), epochNanos(to)));
    }

    @Override
    public long businessNanosBetween(long f, long t) {
        if (t <= f) {
            return 0;
        }
        long lastDay = Math.floorDiv(t, NANOS_PER_DAY) + DAYS_AFTER;
        long total = 0;
        for (long day = Math.floorDiv(f, NANOS_PER_DAY) - DAYS_BEFORE; day <= lastDay; day++) {
            int dow = dayOfWeekIndex(day);
            long midnight = day * NANOS_PER_DAY;
            for (int r = 0; r < starts[dow].length; r++) {
                long localOpen = openOf(day, midnight, starts[dow][r], ends[dow][r]);
                long localClose = closeOf(day, midnight, ends[dow][r]);
                if (localClose > localOpen) {
                    long open = Math.max(wallClock.epochNanosOf(localOpen), f);
                    long close = Math.min(wallClock.epochNanosOf(localClose), t);
                    if (close > open) {
                        total += close - open;
                    }
                }
            }
        }
        return total;
    }

    @Override
    public Instant addBusinessTime(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        if (amount.isZero()) {
            return from;
        }
        return BusinessCalendar.instant(addBusinessNanos(epochNanos(from), amount.toNanos()));
    }

    @Override
    public long addBusinessNanos(long f, long nanos) {
        if (nanos < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + Duration.ofNanos(nanos));
        }
        if (nanos == 0) {
            return f;
        }
        long remaining = nanos;
        for (long day = Math.floorDiv(f, NANOS_PER_DAY) - DAYS_BEFORE; ; day++) {
            int dow = dayOfWeekIndex(day);
            long midnight = day * NANOS_PER_DAY;
            for (int r = 0; r < starts[dow].length; r++) {
                long localOpen = openOf(day, midnight, starts[dow][r], ends[dow][r]);
                long localClose = closeOf(day, midnight, ends[dow][r]);
                if (localClose <= localOpen) {
                    continue;
                }
                long open = Math.max(wallClock.epochNanosOf(localOpen), f);
                long close = wallClock.epochNanosOf(localClose);
                if (close > open) {
                    if (remaining <= close - open) {
                        return open + remaining;
                    }
                    remaining -= close - open;
                }
            }
        }
    }

    /** Local opening of a range of {@code day}: on a holiday only its part after midnight counts, if any. */
    private long openOf(long day, long midnight, long start, long end) {
        if (isHoliday(day)) {
            return end > NANOS_PER_DAY ? midnight + NANOS_PER_DAY : Long.MAX_VALUE;
        }
        return midnight + start;
    }

    /** Local closing of a range of {@code day}: an overnight range stops at midnight before a holiday. */
    private long closeOf(long day, long midnight, long end) {
        return end > NANOS_PER_DAY && isHoliday(day + 1) ? midnight + NANOS_PER_DAY : midnight + end;
    }

    private boolean isHoliday(long epochDay) {
        return holidayEpochDays.length > 0 && Arrays.binarySearch(holidayEpochDays, epochDay) >= 0;
    }

    private static int dayOfWeekIndex(long epochDay) {
        // 1970-01-01 was a Thursday, index 3 when Monday is 0.
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    private static long epochNanos(Instant instant) {
        return BusinessCalendar.epochNanos(instant);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessHours other && week.equals(other.week) && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(week, holidays);
    }

    @Override
    public String toString() {
        return "BusinessHours[zone=" + zone() + ", hours=" + hours() + ", holidays=" + holidays.values() + "]";
    }
}
