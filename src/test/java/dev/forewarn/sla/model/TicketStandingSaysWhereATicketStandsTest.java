package dev.forewarn.sla.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TicketStandingSaysWhereATicketStandsTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final SlaPolicy POLICY = SlaPolicy.defaults("default", new AlwaysOpen());

    static Stream<Arguments> tickets() {
        return Stream.of(
                // 5 of 15 minutes gone, nobody paged yet
                Arguments.of(Tickets.urgent().openedAt(T0), min(5), TicketStanding.State.ON_TRACK, null, min(15)),
                // 8 of 15 minutes: past the L1 stage at 50 %
                Arguments.of(Tickets.urgent().openedAt(T0), min(8), TicketStanding.State.AT_RISK, "half", min(15)),
                // waiting on the customer since minute 4: the clock stands still, no due instant
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(T0.plus(min(4))), min(30),
                        TicketStanding.State.PAUSED, null, null),
                // 16 minutes without a reply: the first response is breached
                Arguments.of(Tickets.urgent().openedAt(T0), min(16), TicketStanding.State.BREACHED, "breach", min(15)),
                // answered at 3 min, solved at 60 min: both met
                Arguments.of(Tickets.urgent().openedAt(T0).answeredAt(T0.plus(min(3))).solvedAt(T0.plus(min(60))),
                        min(90), TicketStanding.State.MET, null, null));
    }

    @ParameterizedTest(name = "{2} at +{1}")
    @MethodSource("tickets")
    void oneStatePerTicket(Tickets ticket, Duration after, TicketStanding.State state, String stage,
                           Duration firstResponseDueAfter) {
        TicketStanding s = TicketStanding.of(ticket.history(), POLICY, StagePlan.defaults(), T0.plus(after));

        assertThat(s.state()).isEqualTo(state);
        assertThat(s.firstResponse().stage() == null ? null : s.firstResponse().stage().name()).isEqualTo(stage);
        assertThat(s.firstResponse().clock().breachAt())
                .isEqualTo(firstResponseDueAfter == null ? null : T0.plus(firstResponseDueAfter));
    }

    @ParameterizedTest(name = "paused since {1}")
    @MethodSource("pauses")
    void pausedSinceIsWhenTheWaitingBegan(Tickets ticket, Instant since) {
        TicketStanding s = TicketStanding.of(ticket.history(), POLICY, StagePlan.defaults(), T0.plus(min(50)));

        assertThat(s.firstResponse().pausedSince()).isEqualTo(since);
        assertThat(s.resolution().pausedSince()).isEqualTo(since);
    }

    static Stream<Arguments> pauses() {
        return Stream.of(
                // pending from minute 4
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(T0.plus(min(4))), T0.plus(min(4))),
                // pending then on hold is one pause, from its start
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(T0.plus(min(4))).onHoldFrom(T0.plus(min(9))),
                        T0.plus(min(4))),
                // a pause that ended and a new one: only the current one counts
                Arguments.of(Tickets.urgent().openedAt(T0).pendingFrom(T0.plus(min(2))).openFrom(T0.plus(min(3)))
                        .pendingFrom(T0.plus(min(7))), T0.plus(min(7))));
    }

    private static Duration min(long minutes) {
        return Duration.ofMinutes(minutes);
    }
}
