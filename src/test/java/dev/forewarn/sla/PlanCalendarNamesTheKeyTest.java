package dev.forewarn.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.sla.model.AlwaysOpen;
import dev.forewarn.sla.model.BusinessHours;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A plan's calendar as configuration gives it: old and new forms, and every mistake named by its key. */
class PlanCalendarNamesTheKeyTest {

    record Plan(Optional<String> calendar, String zone, Map<String, List<String>> week, Optional<String> open,
                Optional<String> close, Optional<List<String>> holidays) implements ForewarnConfig.Plan {
        @Override
        public Map<String, ForewarnConfig.Target> targets() {
            return Map.of();
        }

        @Override
        public Optional<List<String>> pausingStatuses() {
            return Optional.empty();
        }
    }

    static Plan plan(String calendar, String zone, Map<String, List<String>> week, String open, String close,
            List<String> holidays) {
        return new Plan(Optional.ofNullable(calendar), zone, week, Optional.ofNullable(open), Optional.ofNullable(close),
                Optional.ofNullable(holidays));
    }

    @Test
    void readsTheOlderFormTheWeekAndNamedHolidays() {
        var old = SlaPlans.calendar(plan("business-hours", "Europe/Berlin", Map.of(), "09:00", "18:00",
                List.of("2026-12-25")), "p");
        assertThat(old).isInstanceOfSatisfying(BusinessHours.class, h -> assertThat(h.hours()).hasSize(5));

        var week = SlaPlans.calendar(plan(null, "Europe/Berlin", Map.of("mon-fri", List.of("09:00-12:00", "13:00-18:00"),
                "sat", List.of("10:00-14:00")), null, null, List.of("2026-12-25 Christmas Day")), "p");
        assertThat(week).isInstanceOfSatisfying(BusinessHours.class, h -> {
            assertThat(h.hours()).hasSize(6);
            assertThat(h.holiday(LocalDate.parse("2026-12-25")).orElseThrow().name()).isEqualTo("Christmas Day");
        });

        assertThat(SlaPlans.calendar(plan(null, "UTC", Map.of(), null, null, null), "p")).isEqualTo(new AlwaysOpen());
    }

    @ParameterizedTest(name = "{6}")
    @CsvSource(delimiter = '|', textBlock = """
            # an unknown day in the week
            | Europe/Berlin | mun-fri | 09:00-17:00 | | | forewarn.tickets.plans.b.week.mun-fri: unknown day 'mun' (days are mon, tue, wed, thu, fri, sat, sun)
            # a bad time
            | Europe/Berlin | sat | 10:00-1400 | | | forewarn.tickets.plans.b.week.sat[0]: '10:00-1400' is not a range like 09:00-17:00
            # an unknown zone
            | Europe/Berlim | sat | 10:00-14:00 | | | forewarn.tickets.plans.b.zone: unknown time zone 'Europe/Berlim' (use an IANA id such as Europe/Berlin)
            # week together with the older open/close
            | Europe/Berlin | sat | 10:00-14:00 | 09:00 | | forewarn.tickets.plans.b: give either week or open/close, not both
            # hours on a 24x7 plan
            24x7 | Europe/Berlin | sat | 10:00-14:00 | | | forewarn.tickets.plans.b.calendar is 24x7 but the plan gives opening hours (week, open or close); use business-hours
            # a bad holiday
            | Europe/Berlin | sat | 10:00-14:00 | | 2026-13-01 New Year | forewarn.tickets.plans.b.holidays[0]: '2026-13-01 New Year' is not a holiday like 2026-12-25 or "2026-12-25 Christmas Day"
            """)
    void namesTheKey(String calendar, String zone, String day, String range, String open, String holiday, String message) {
        var plan = plan(calendar, zone, Map.of(day, List.of(range)), open, null,
                holiday == null ? null : List.of(holiday));

        assertThatThrownBy(() -> SlaPlans.calendar(plan, "forewarn.tickets.plans.b"))
                .isInstanceOf(IllegalStateException.class).hasMessage(message);
    }
}
