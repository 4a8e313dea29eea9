package dev.forewarn.sla.model;

import static dev.forewarn.sla.model.Deadline.FIRST_RESPONSE;
import static dev.forewarn.sla.model.Deadline.RESOLUTION;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlaClockPausesWhileTicketWaitsOnCustomerTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final SlaPolicy ENTERPRISE = SlaPolicy.defaults("enterprise", new AlwaysOpen());

    static Instant min(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                // running for 10 of 15 minutes: 5 remain, breach projected at +15
                Arguments.of(Tickets.urgent().openedAt(T0), FIRST_RESPONSE, 10, 10, false, false, min(15)),
                // a NEW ticket's clock runs like an open one
                Arguments.of(Tickets.urgent().createdAt(T0).openFrom(min(5)), FIRST_RESPONSE, 20, 20, false, true,
                        min(15)),
                // pending from +5: only 5 minutes count and the clock is paused, with no breach instant
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(min(5)), FIRST_RESPONSE, 60, 5, true, false,
                        null),
                // pending +5 to +65, open again: 10 minutes elapsed, breach moves to +75
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(min(5)).openFrom(min(65)), FIRST_RESPONSE,
                        70, 10, false, false, min(75)),
                // on hold +3 to +30: breached after 18 minutes, at +42
                Arguments.of(Tickets.urgent().openedAt(T0).onHoldFrom(min(3)).openFrom(min(30)), FIRST_RESPONSE,
                        45, 18, false, true, min(42)),
                // pending and on hold both pause the resolution clock: 30 + 20 minutes of 2 hours
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(min(30)).onHoldFrom(min(60))
                        .openFrom(min(90)), RESOLUTION, 110, 50, false, false, min(180)),
                // breached while running, then pending: stays breached, paused, no breach instant
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(min(20)), FIRST_RESPONSE, 40, 20, true,
                        true, null),
                // an important ticket pending for a day uses only 15 of its 60 minutes
                Arguments.of(Tickets.important().openedAt(T0).pendingFrom(min(15)).openFrom(min(15 + 1440)),
                        FIRST_RESPONSE, 15 + 1440, 15, false, false, min(1440 + 60)));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void pausesWhilePendingOrOnHold(Tickets ticket, Deadline deadline, long nowMinutes, long elapsedMinutes,
                                    boolean paused, boolean breached, Instant breachAt) {
        ClockReading r = SlaClock.read(ticket.history(), ENTERPRISE, deadline, min(nowMinutes));

        assertThat(r.elapsed()).isEqualTo(Duration.ofMinutes(elapsedMinutes));
        assertThat(r.remaining()).isEqualTo(r.target().minus(r.elapsed()));
        assertThat(r.paused()).isEqualTo(paused);
        assertThat(r.met()).isFalse();
        assertThat(r.breached()).isEqualTo(breached);
        assertThat(r.breachAt()).isEqualTo(breachAt);
    }
}
