package dev.forewarn.oncall.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The hours of every day a layer covers, [from, to) by the wall clock of {@code zone}; it wraps midnight when
 * {@code to} is before {@code from} (22:00–06:00) and covers the whole day when {@code from} equals {@code to}.
 */
public record DailyWindow(LocalTime from, LocalTime to, ZoneId zone) {

    public DailyWindow {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(zone, "zone");
    }

    /** Whether the wall clock of the zone shows a time inside the window at {@code t}. */
    public boolean covers(Instant t) {
        if (isWholeDay()) {
            return true;
        }
        LocalTime local = LocalTime.ofInstant(t, zone);
        boolean afterFrom = !local.isBefore(from);
        boolean beforeTo = local.isBefore(to);
        return from.isBefore(to) ? afterFrom && beforeTo : afterFrom || beforeTo;
    }

    /** The first instant after {@code t} at which {@link #covers} flips; empty for a whole-day window. */
    public Optional<Instant> nextChangeAfter(Instant t) {
        if (isWholeDay()) {
            return Optional.empty();
        }
        boolean coveredNow = covers(t);
        LocalDate today = LocalDate.ofInstant(t, zone);
        // Coverage can only flip where the wall clock crosses from or to, including DST jumps over them.
        return today.minusDays(1).datesUntil(today.plusDays(3))
                .flatMap(day -> Stream.of(from, to)
                        .flatMap(time -> WallClock.instantsCrossing(day.atTime(time), zone).stream()))
                .filter(candidate -> candidate.isAfter(t))
                .sorted(Comparator.naturalOrder())
                .filter(candidate -> covers(candidate) != coveredNow)
                .findFirst();
    }

    private boolean isWholeDay() {
        return from.equals(to);
    }
}
