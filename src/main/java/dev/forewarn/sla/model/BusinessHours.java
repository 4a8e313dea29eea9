package dev.forewarn.sla.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Opening hours in a customer's time zone, minus holidays, during which an SLA clock runs.
 *
 * <p>Each day's open intervals are its local opening times resolved in {@link #zone()} for that
 * date, so a 09:00–17:00 day lasts eight real hours on either side of a DST change. A boundary
 * that falls in a spring-forward gap moves later by the gap's length (as {@code ZonedDateTime.of}
 * does: 02:30 becomes 03:30 in Berlin); a boundary in a fall-back overlap takes the earlier
 * offset (the first 02:30). Hours that span a transition therefore last an hour less or more in
 * real time, and hours wholly inside a gap still open, shifted. A holiday removes the ranges that
 * start on that date; an overnight range started the evening before still runs into it.
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

    private final ZoneId zone;
    private final Map<DayOfWeek, List<LocalTimeRange>> hours;
    private final Set<LocalDate> holidays;

    private final ZoneRules rules;
    /** Per ISO day-of-week index (Monday = 0): range starts and ends, nanoseconds from midnight. */
    private final long[][] starts = new long[7][];
    private final long[][] ends = new long[7][];
    private final long[] holidayEpochDays;
    /** The last offset window resolved; shared by walks because most tickets live between the same transitions. */
    private volatile OffsetWindow recentWindow;

    public BusinessHours(ZoneId zone, Map<DayOfWeek, List<LocalTimeRange>> hours, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hours, "hours");
        this.holidays = Set.copyOf(Objects.requireNonNull(holidays, "holidays"));
        this.rules = zone.getRules();

        var copy = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
        boolean anyOpen = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<LocalTimeRange> ranges = new ArrayList<>(hours.getOrDefault(day, List.of()));
            ranges.sort(Comparator.comparing(LocalTimeRange::start));
            int i = day.getValue() - 1;
            starts[i] = new long[ranges.size()];
            ends[i] = new long[ranges.size()];
            for (int r = 0; r < ranges.size(); r++) {
                starts[i][r] = ranges.get(r).startNanoOfDay();
                ends[i][r] = ranges.get(r).endNanoFromStartDay();
                if (r > 0 && starts[i][r] < ends[i][r - 1]) {
                    throw new IllegalArgumentException("overlapping opening hours on " + day + ": " + ranges);
                }
            }
            anyOpen |= !ranges.isEmpty();
            if (!ranges.isEmpty()) {
                copy.put(day, List.copyOf(ranges));
            }
        }
        if (!anyOpen) {
            // Without any open range, adding business time could never finish.
            throw new IllegalArgumentException("business hours must open on at least one day");
        }
        for (int i = 0; i < 7; i++) {
            long[] next = starts[(i + 1) % 7];
            int last = ends[i].length - 1;
            if (last >= 0 && next.length > 0 && ends[i][last] > NANOS_PER_DAY + next[0]) {
                throw new IllegalArgumentException("overnight hours of " + DayOfWeek.of(i + 1)
                        + " overlap the next day's hours");
            }
        }
        this.hours = Collections.unmodifiableMap(copy);
        this.holidayEpochDays = this.holidays.stream().mapToLong(LocalDate::toEpochDay).sorted().toArray();
    }

    /** Monday to Friday from {@code open} to {@code close} local time, closed on {@code holidays}. */
    public static BusinessHours weekdays(ZoneId zone, LocalTime open, LocalTime close, Set<LocalDate> holidays) {
        var range = List.of(LocalTimeRange.of(open, close));
        var hours = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                hours.put(day, range);
            }
        }
        return new BusinessHours(zone, hours, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    public Map<DayOfWeek, List<LocalTimeRange>> hours() {
        return hours;
    }

    public Set<LocalDate> holidays() {
        return holidays;
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
        var local = new LocalToInstant();
        int holiday = firstHolidayFrom(Math.floorDiv(f, NANOS_PER_DAY) - DAYS_BEFORE);
        long total = 0;
        for (long day = Math.floorDiv(f, NANOS_PER_DAY) - DAYS_BEFORE; day <= lastDay; day++) {
            while (holiday < holidayEpochDays.length && holidayEpochDays[holiday] < day) {
                holiday++;
            }
            if (holiday < holidayEpochDays.length && holidayEpochDays[holiday] == day) {
                continue;
            }
            int dow = dayOfWeekIndex(day);
            long midnight = day * NANOS_PER_DAY;
            long[] s = starts[dow];
            long[] e = ends[dow];
            for (int r = 0; r < s.length; r++) {
                long open = Math.max(local.toEpochNanos(midnight + s[r]), f);
                long close = Math.min(local.toEpochNanos(midnight + e[r]), t);
                if (close > open) {
                    total += close - open;
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
        var local = new LocalToInstant();
        long firstDay = Math.floorDiv(f, NANOS_PER_DAY) - DAYS_BEFORE;
        int holiday = firstHolidayFrom(firstDay);
        for (long day = firstDay; ; day++) {
            while (holiday < holidayEpochDays.length && holidayEpochDays[holiday] < day) {
                holiday++;
            }
            if (holiday < holidayEpochDays.length && holidayEpochDays[holiday] == day) {
                continue;
            }
            int dow = dayOfWeekIndex(day);
            long midnight = day * NANOS_PER_DAY;
            long[] s = starts[dow];
            long[] e = ends[dow];
            for (int r = 0; r < s.length; r++) {
                long open = Math.max(local.toEpochNanos(midnight + s[r]), f);
                long close = local.toEpochNanos(midnight + e[r]);
                if (close > open) {
                    if (remaining <= close - open) {
                        return open + remaining;
                    }
                    remaining -= close - open;
                }
            }
        }
    }

    private int firstHolidayFrom(long epochDay) {
        int i = Arrays.binarySearch(holidayEpochDays, epochDay);
        return i >= 0 ? i : -i - 1;
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
        return o instanceof BusinessHours other
                && zone.equals(other.zone) && hours.equals(other.hours) && holidays.equals(other.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, hours, holidays);
    }

    @Override
    public String toString() {
        return "BusinessHours[zone=" + zone + ", hours=" + hours + ", holidays=" + holidays + "]";
    }

    /** Local seconds in [loSecond, hiSecond) resolve with one offset; immutable, so sharing it is race-free. */
    private record OffsetWindow(long loSecond, long hiSecond, long offsetNanos) {
        boolean covers(long localSecond) {
            return localSecond >= loSecond && localSecond < hiSecond;
        }
    }

    /**
     * Resolves local date-times to instants for one forward walk, remembering the span of local
     * time over which the zone's offset is constant so that most days cost a subtraction.
     */
    private final class LocalToInstant {
        private OffsetWindow window = recentWindow;

        long toEpochNanos(long localNanos) {
            long localSecond = Math.floorDiv(localNanos, NANOS_PER_SECOND);
            OffsetWindow w = window;
            if (w == null || !w.covers(localSecond)) {
                w = load(localSecond);
                window = w;
                recentWindow = w;
            }
            return localNanos - w.offsetNanos();
        }
    }

    /**
     * A transition's local boundary is its instant plus the larger of its two offsets: local times
     * before it (including the gap or overlap) use the offset before, which is exactly
     * ZonedDateTime's rule of shifting gap times later and taking the earlier overlap offset.
     */
    private OffsetWindow load(long localSecond) {
        if (rules.isFixedOffset()) {
            return new OffsetWindow(Long.MIN_VALUE, Long.MAX_VALUE,
                    rules.getOffset(Instant.EPOCH).getTotalSeconds() * NANOS_PER_SECOND);
        }
        // Two days back is beyond any offset (at most 18 h), so earlier transitions already apply.
        Instant probe = Instant.ofEpochSecond(localSecond - 2 * 86_400L);
        int offset = rules.getOffset(probe).getTotalSeconds();
        long lo = probe.getEpochSecond() + 18 * 3_600L;
        long hi = Long.MAX_VALUE;
        ZoneOffsetTransition transition = rules.nextTransition(probe);
        while (transition != null) {
            int before = transition.getOffsetBefore().getTotalSeconds();
            int after = transition.getOffsetAfter().getTotalSeconds();
            long boundary = transition.toEpochSecond() + Math.max(before, after);
            if (boundary > localSecond) {
                hi = boundary;
                break;
            }
            offset = after;
            lo = boundary;
            transition = rules.nextTransition(transition.getInstant());
        }
        return new OffsetWindow(lo, hi, offset * NANOS_PER_SECOND);
    }
}
