package dev.forewarn.calendar.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WeekSpecReadsAWeekTest {

    /** "mon-fri=09:00-12:00 13:00-18:00; sat=10:00-14:00" as the map configuration gives. */
    static Map<String, List<String>> spec(String text) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String entry : text.split(";")) {
            String[] kv = entry.split("=", 2);
            out.put(kv[0].strip(), kv[1].isBlank() ? List.of() : Arrays.asList(kv[1].strip().split("\\s+")));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # a week with a lunch break and a Saturday morning
            mon-fri=09:00-12:00 13:00-18:00; sat=10:00-14:00 | MONDAY=[09:00-12:00, 13:00-18:00], TUESDAY=[09:00-12:00, 13:00-18:00], WEDNESDAY=[09:00-12:00, 13:00-18:00], THURSDAY=[09:00-12:00, 13:00-18:00], FRIDAY=[09:00-12:00, 13:00-18:00], SATURDAY=[10:00-14:00]
            # full day names, a comma list, and an extra evening on Friday next to the span
            monday-wednesday=09:00-17:00; fri=09:00-17:00 17:00-20:00; Sat,SUN=00:00-24:00 | MONDAY=[09:00-17:00], TUESDAY=[09:00-17:00], WEDNESDAY=[09:00-17:00], FRIDAY=[09:00-17:00, 17:00-20:00], SATURDAY=[00:00-24:00], SUNDAY=[00:00-24:00]
            # a wrapping span and an overnight range; an empty list keeps a day closed
            fri-mon=22:00-06:00; tue= | MONDAY=[22:00-06:00], FRIDAY=[22:00-06:00], SATURDAY=[22:00-06:00], SUNDAY=[22:00-06:00]
            """)
    void readsTheWeek(String text, String expected) {
        assertThat(WeekSpec.parse(ZoneOffset.UTC, spec(text)).days().toString()).isEqualTo("{" + expected + "}");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # an unknown day names the key
            mun-fri=09:00-17:00 | mun-fri: unknown day 'mun' (days are mon, tue, wed, thu, fri, sat, sun)
            # a bad time names the key and the entry
            sat=10:00-14:00 10:00-1400 | sat[1]: '10:00-1400' is not a range like 09:00-17:00
            # a time that does not exist
            mon=09:00-25:00 | mon[0]: '09:00-25:00' holds a time that does not exist (00:00 to 24:00)
            # an empty range
            mon=09:00-09:00 | mon[0]: '09:00-09:00' starts and ends at the same time; write 00:00-24:00 for a whole day
            # overlaps within a day name both keys
            mon-fri=09:00-18:00; fri=17:00-20:00 | 09:00-18:00 on fri (mon-fri) overlaps 17:00-20:00 on fri (fri)
            # an overnight range running into the next day's hours
            fri=20:00-10:00; sat=09:00-12:00 | 20:00-10:00 on fri (fri) overlaps 09:00-12:00 on sat (sat)
            # a span with three ends
            mon-wed-fri=09:00-17:00 | mon-wed-fri: 'mon-wed-fri' is not a day or a span like mon-fri
            """)
    void namesTheKeyOfEveryMistake(String text, String message) {
        assertThatThrownBy(() -> WeekSpec.parse(ZoneOffset.UTC, spec(text)))
                .isInstanceOf(WeekSpec.InvalidWeek.class).hasMessage(message);
    }

    @ParameterizedTest(name = "{0} covers {1}")
    @CsvSource({
            // every day of a span, including the wrap from Sunday to Monday
            "sat-tue, SATURDAY SUNDAY MONDAY TUESDAY",
            "wed, WEDNESDAY",
            "mon-sun, MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY",
    })
    void spansOfDays(String key, String days) {
        assertThat(WeekSpec.days(key)).containsExactlyInAnyOrder(
                Arrays.stream(days.split(" ")).map(DayOfWeek::valueOf).toArray(DayOfWeek[]::new));
    }
}
