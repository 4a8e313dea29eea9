package dev.forewarn.calendar.model;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a week as people write it — {@code mon-fri: ["09:00-12:00", "13:00-18:00"], sat: ["10:00-14:00"]} — into
 * {@link WeeklyHours}; every error names the key (and entry) it comes from.
 *
 * <p>A key is a day ({@code mon} … {@code sun}, or the full name), a span of days ({@code mon-fri}, wrapping
 * ones like {@code fri-mon} too) or a comma list of either ({@code sat,sun}). Several keys may name the same day;
 * their ranges add up and must not overlap. An empty list ({@code sun: []}) leaves the day closed.
 */
public final class WeekSpec {

    private static final List<String> SHORT = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

    private WeekSpec() {
    }

    /** A week that cannot be read: {@code entry} is the key (and index) at fault, null for an overlap of two keys. */
    public static final class InvalidWeek extends IllegalArgumentException {
        private final String entry;
        private final String problem;

        InvalidWeek(String entry, String problem) {
            super(entry == null ? problem : entry + ": " + problem);
            this.entry = entry;
            this.problem = problem;
        }

        public String entry() {
            return entry;
        }

        public String problem() {
            return problem;
        }
    }

    /**
     * The hours written in {@code spec} in {@code zone}.
     *
     * @throws InvalidWeek starting with the offending key, e.g. {@code "mun-fri: unknown day 'mun'"} or
     *         {@code "sat[0]: '10:00-1400' is not a range like 09:00-17:00"}, or naming both keys of an overlap
     */
    public static WeeklyHours parse(ZoneId zone, Map<String, List<String>> spec) {
        List<WeeklyHours.Labelled> all = new ArrayList<>();
        var days = new EnumMap<DayOfWeek, List<LocalTimeRange>>(DayOfWeek.class);
        spec.forEach((key, ranges) -> {
            Set<DayOfWeek> named = days(key);
            for (int i = 0; i < ranges.size(); i++) {
                LocalTimeRange range;
                try {
                    range = LocalTimeRange.parse(ranges.get(i));
                } catch (IllegalArgumentException e) {
                    throw new InvalidWeek(key + "[" + i + "]", e.getMessage());
                }
                for (DayOfWeek day : named) {
                    all.add(new WeeklyHours.Labelled(day, range, key));
                    days.computeIfAbsent(day, d -> new ArrayList<>()).add(range);
                }
            }
        });
        try {
            // Checked here with the keys, so the message says where each of the two ranges was written.
            WeeklyHours.checkNoOverlap(all);
        } catch (IllegalArgumentException e) {
            throw new InvalidWeek(null, e.getMessage());
        }
        return new WeeklyHours(zone, days);
    }

    /** The days a key names. */
    static Set<DayOfWeek> days(String key) {
        Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
        for (String part : key.split(",")) {
            String[] ends = part.strip().split("-", -1);
            if (ends.length > 2) {
                throw new InvalidWeek(key, "'" + part.strip() + "' is not a day or a span like mon-fri");
            }
            DayOfWeek first = day(ends[0], key);
            DayOfWeek last = ends.length == 2 ? day(ends[1], key) : first;
            for (DayOfWeek d = first; ; d = d.plus(1)) {
                out.add(d);
                if (d == last) {
                    break;
                }
            }
        }
        return out;
    }

    private static DayOfWeek day(String name, String key) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (DayOfWeek d : DayOfWeek.values()) {
            if (n.equals(SHORT.get(d.ordinal())) || n.equals(d.name().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        throw new InvalidWeek(key, "unknown day '" + name.strip() + "' (days are "
                + String.join(", ", SHORT) + ")");
    }
}
