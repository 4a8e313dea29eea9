package dev.forewarn.sla.model;

import static dev.forewarn.sla.model.BusinessHoursCountsOnlyOpeningHoursTest.at;
import static dev.forewarn.sla.model.BusinessHoursCountsOnlyOpeningHoursTest.calendar;
import static dev.forewarn.sla.model.Deadline.FIRST_RESPONSE;
import static dev.forewarn.sla.model.Deadline.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlaClockRunsOnlyInBusinessHoursTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                // Berlin general ticket from Friday 15:00 CET, read Monday 10:00 CEST after spring forward: 3 of 4 h
                Arguments.of("berlin-9-17", Tickets.general().openedAt(at("2026-03-27T15:00+01:00")),
                        FIRST_RESPONSE, "2026-03-30T10:00+02:00", "PT3H", false, "2026-03-30T11:00+02:00"),
                // Berlin urgent ticket 10 minutes before Friday's close: breach on Monday 09:05 CEST
                Arguments.of("berlin-9-17", Tickets.urgent().openedAt(at("2026-03-27T16:50+01:00")),
                        FIRST_RESPONSE, "2026-03-28T12:00+01:00", "PT10M", false, "2026-03-30T09:05+02:00"),
                // Berlin general resolution over the fall-back weekend: 24 business hours end Tuesday 17:00 CET
                Arguments.of("berlin-9-17", Tickets.general().openedAt(at("2026-10-23T09:00+02:00")),
                        RESOLUTION, "2026-10-23T17:00+02:00", "PT8H", false, "2026-10-27T17:00+01:00"),
                // New York ticket pending from Monday 09:30 EDT: 1.5 hours counted, paused
                Arguments.of("ny-9-17", Tickets.general().openedAt(at("2026-03-06T16:00-05:00"))
                                .pendingFrom(at("2026-03-09T09:30-04:00")),
                        FIRST_RESPONSE, "2026-03-10T12:00-04:00", "PT1H30M", true, null),
                // New York ticket opened Saturday counts from Monday 09:00 EST after fall back
                Arguments.of("ny-9-17", Tickets.important().openedAt(at("2026-10-31T12:00-04:00")),
                        FIRST_RESPONSE, "2026-11-02T09:45-05:00", "PT45M", false, "2026-11-02T10:00-05:00"),
                // Shanghai important ticket over National Day: 1 hour elapsed meets the 1-hour target: breached at 09:30
                Arguments.of("shanghai-9-18", Tickets.important().openedAt(at("2026-09-30T17:30+08:00")),
                        FIRST_RESPONSE, "2026-10-02T09:30+08:00", "PT1H", false, "2026-10-02T09:30+08:00"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void countsOnlyOpeningHours(String calendar, Tickets ticket, Deadline deadline, String now, Duration elapsed,
                                boolean paused, String breachAt) {
        var policy = SlaPolicy.defaults("business", calendar(calendar));

        ClockReading r = SlaClock.read(ticket.history(), policy, deadline, at(now));

        assertThat(r.elapsed()).isEqualTo(elapsed);
        assertThat(r.paused()).isEqualTo(paused);
        assertThat(r.breachAt()).isEqualTo(breachAt == null ? null : at(breachAt));
    }
}
