package dev.forewarn.sla.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SlaPolicyDefaultsFollowTheBriefTest {

    static final SlaPolicy DEFAULTS = SlaPolicy.defaults("enterprise", new AlwaysOpen());

    @ParameterizedTest(name = "{0} {1} = {2}")
    @CsvSource(textBlock = """
            # urgent (P1), service down: answered within 15 minutes
            URGENT,    FIRST_RESPONSE, PT15M
            # urgent (P1): resolved or worked around within 2 hours
            URGENT,    RESOLUTION,     PT2H
            # important (P2), a function impaired: answered within 1 hour
            IMPORTANT, FIRST_RESPONSE, PT1H
            # important (P2): resolved within 4 hours
            IMPORTANT, RESOLUTION,     PT4H
            # general (P3), a non-core function misbehaves: answered within 4 hours
            GENERAL,   FIRST_RESPONSE, PT4H
            # general (P3): resolved within 24 hours
            GENERAL,   RESOLUTION,     PT24H
            """)
    void targetsMatchTheBriefsTable(Severity severity, Deadline deadline, Duration expected) {
        assertThat(DEFAULTS.target(severity, deadline)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(TicketStatus.class)
    void onlyWaitingOnTheCustomerPausesTheClock(TicketStatus status) {
        assertThat(DEFAULTS.pauses(status))
                .isEqualTo(status == TicketStatus.PENDING || status == TicketStatus.HOLD);
    }

    @Test
    void rejectsIncompletePoliciesAndDisorderedHistories() {
        assertThatThrownBy(() -> new SlaPolicy("partial",
                Map.of(Severity.URGENT, new SlaTarget(Duration.ofMinutes(15), Duration.ofHours(2))),
                new AlwaysOpen(), Set.of()))
                .isInstanceOf(IllegalArgumentException.class);
        Instant t0 = Instant.parse("2026-03-02T09:00:00Z");
        assertThatThrownBy(() -> new TicketHistory(t0, List.of(
                new TicketChange(t0, TicketStatus.OPEN, Severity.URGENT),
                new TicketChange(t0.minusSeconds(1), TicketStatus.PENDING, Severity.URGENT)), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TicketHistory(t0, List.of(
                new TicketChange(t0.plusSeconds(1), TicketStatus.OPEN, Severity.URGENT)), null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
