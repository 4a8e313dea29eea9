package dev.forewarn.console;

import dev.forewarn.oncall.model.Schedule;
import dev.forewarn.oncall.model.ScheduleBook;
import java.time.Instant;
import java.util.List;

/** The on-call schedules of every tier and team over a span, as rows of stretches for the console. */
public final class OnCallWeek {
    private OnCallWeek() {
    }

    /** One schedule's stretches. */
    public record Row(String tier, String team, List<Schedule.Stretch> stretches) {
    }

    /** Every schedule of the book from {@code from} to {@code to}, by tier then team. */
    public static List<Row> of(ScheduleBook book, Instant from, Instant to) {
        return book.schedules().stream()
                .sorted(java.util.Comparator.comparing((Schedule s) -> s.tier()).thenComparing(Schedule::team))
                .map(s -> new Row(s.tier().name(), s.team(), s.timeline(from, to))).toList();
    }
}
