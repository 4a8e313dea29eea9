package dev.forewarn.calendar;

import dev.forewarn.calendar.model.WeekSpec;
import dev.forewarn.calendar.model.WeeklyHours;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Reads the week-shaped settings of configuration (plans' opening hours, on-call layers' hours), naming the key at fault. */
public final class WeekConfig {

    private WeekConfig() {
    }

    /** The hours written under {@code key} (e.g. forewarn.tickets.plans.business.week) in {@code zone}. */
    public static WeeklyHours read(Map<String, List<String>> spec, ZoneId zone, String key) {
        try {
            return WeekSpec.parse(zone, spec);
        } catch (WeekSpec.InvalidWeek e) {
            throw new IllegalStateException((e.entry() == null ? key : key + "." + e.entry()) + ": " + e.problem(), e);
        }
    }

    /** The zone named under {@code key}. */
    public static ZoneId zone(String id, String key) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalStateException(key + ": unknown time zone '" + id + "' (use an IANA id such as Europe/Berlin)");
        }
    }
}
