package dev.forewarn.calendar.model;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An interval of one day in local time; an {@code end} not after {@code start} ends on the next day, so
 * 22:00–06:00 runs overnight, 18:00–24:00 (stored as 00:00) ends at midnight and 00:00–24:00 is the whole day.
 */
public record LocalTimeRange(LocalTime start, LocalTime end) {

    private static final long NANOS_PER_DAY = 86_400_000_000_000L;
    private static final Pattern TEXT = Pattern.compile("(\\d{2}:\\d{2})\\s*-\\s*(\\d{2}:\\d{2})");

    public LocalTimeRange {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    public static LocalTimeRange of(LocalTime start, LocalTime end) {
        return new LocalTimeRange(start, end);
    }

    /**
     * Reads {@code "09:00-17:00"}, {@code "22:00-06:00"} (overnight) or {@code "18:00-24:00"}.
     *
     * @throws IllegalArgumentException naming the text when it is not HH:MM-HH:MM, a time does not exist, or the
     *         range is empty or a full day that does not start at midnight (almost always a typo)
     */
    public static LocalTimeRange parse(String text) {
        var m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a range like 09:00-17:00");
        }
        try {
            LocalTime start = LocalTime.parse(m.group(1));
            LocalTime end = m.group(2).equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(m.group(2));
            if (start.equals(end) && !start.equals(LocalTime.MIDNIGHT)) {
                throw new IllegalArgumentException("'" + text + "' starts and ends at the same time; write "
                        + "00:00-24:00 for a whole day");
            }
            return new LocalTimeRange(start, end);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' holds a time that does not exist (00:00 to 24:00)");
        }
    }

    /** Whether the range ends on the day after it starts (or at its end, midnight). */
    public boolean overnight() {
        return !end.isAfter(start);
    }

    /** Start as nanoseconds from the start day's midnight. */
    public long startNanoOfDay() {
        return start.toNanoOfDay();
    }

    /** End as nanoseconds from the start day's midnight; beyond one day for overnight ranges. */
    public long endNanoFromStartDay() {
        return overnight() ? end.toNanoOfDay() + NANOS_PER_DAY : end.toNanoOfDay();
    }

    @Override
    public String toString() {
        return start + "-" + (end.equals(LocalTime.MIDNIGHT) ? "24:00" : end.toString());
    }
}
