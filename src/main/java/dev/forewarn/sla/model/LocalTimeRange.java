package dev.forewarn.sla.model;

import java.time.LocalTime;
import java.util.Objects;

/**
 * An opening interval of one day in local time; an {@code end} not after {@code start} ends on the
 * next day, so 22:00–06:00 runs overnight and 00:00–00:00 is the whole day.
 */
public record LocalTimeRange(LocalTime start, LocalTime end) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;

    public LocalTimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static LocalTimeRange of(LocalTime start, LocalTime end) {
        return new LocalTimeRange(start, end);
    }

    /** Whether the range ends on the day after it starts. */
    public boolean overnight() {
        return !end.isAfter(start);
    }

    long startNanoOfDay() {
        return start.toNanoOfDay();
    }

    /** End as nanoseconds from the start day's midnight; beyond one day for overnight ranges. */
    long endNanoFromStartDay() {
        return overnight() ? end.toNanoOfDay() + NANOS_PER_DAY : end.toNanoOfDay();
    }
}
