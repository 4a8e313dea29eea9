package dev.forewarn.sla.model;

import static dev.forewarn.sla.model.Deadline.FIRST_RESPONSE;
import static dev.forewarn.sla.model.Deadline.RESOLUTION;
import static dev.forewarn.sla.model.SlaClockPausesWhileTicketWaitsOnCustomerTest.T0;
import static dev.forewarn.sla.model.SlaClockPausesWhileTicketWaitsOnCustomerTest.min;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SlaClockFollowsSeverityResponsesAndReopensTest {

    static final SlaPolicy ENTERPRISE = SlaPolicy.defaults("enterprise", new AlwaysOpen());

    static Stream<Arguments> cases() {
        return Stream.of(
                // general upgraded to urgent after 30 minutes: the 15-minute target is breached at once, at +15
                Arguments.of(Tickets.general().openedAt(T0).urgentFrom(min(30)), FIRST_RESPONSE, 31,
                        Severity.URGENT, 31, false, null, true, min(15)),
                // urgent downgraded to general after 10 minutes: 4 hours apply, nothing breached
                Arguments.of(Tickets.urgent().openedAt(T0).generalFrom(min(10)), FIRST_RESPONSE, 20,
                        Severity.GENERAL, 20, false, null, false, min(240)),
                // a downgrade lifts a breach the urgent target had caused
                Arguments.of(Tickets.urgent().openedAt(T0).importantFrom(min(18)), FIRST_RESPONSE, 20,
                        Severity.IMPORTANT, 20, false, null, false, min(60)),
                // severity changes after now are not yet known
                Arguments.of(Tickets.general().openedAt(T0).urgentFrom(min(30)), FIRST_RESPONSE, 20,
                        Severity.GENERAL, 20, false, null, false, min(240)),
                // answered after 10 minutes: met on time, the clock stops
                Arguments.of(Tickets.urgent().openedAt(T0).answeredAt(min(10)), FIRST_RESPONSE, 60,
                        Severity.URGENT, 10, true, min(10), false, null),
                // answered exactly at 15 minutes: met on time
                Arguments.of(Tickets.urgent().openedAt(T0).answeredAt(min(15)), FIRST_RESPONSE, 60,
                        Severity.URGENT, 15, true, min(15), false, null),
                // unanswered at exactly 15 minutes: breached
                Arguments.of(Tickets.urgent().openedAt(T0), FIRST_RESPONSE, 15,
                        Severity.URGENT, 15, false, null, true, min(15)),
                // answered after 20 minutes: met, and stays breached
                Arguments.of(Tickets.urgent().openedAt(T0).answeredAt(min(20)), FIRST_RESPONSE, 60,
                        Severity.URGENT, 20, true, min(20), true, null),
                // an answer after now does not count yet
                Arguments.of(Tickets.urgent().openedAt(T0).answeredAt(min(20)), FIRST_RESPONSE, 12,
                        Severity.URGENT, 12, false, null, false, min(15)),
                // solved without a reply: first response is fulfilled by the solution
                Arguments.of(Tickets.urgent().openedAt(T0).solvedAt(min(12)), FIRST_RESPONSE, 30,
                        Severity.URGENT, 12, true, min(12), false, null),
                // solved after an hour: resolution met on time
                Arguments.of(Tickets.urgent().openedAt(T0).solvedAt(min(60)).closedAt(min(600)), RESOLUTION, 700,
                        Severity.URGENT, 60, true, min(60), false, null),
                // while solved, the resolution clock is met
                Arguments.of(Tickets.urgent().openedAt(T0).solvedAt(min(60)).reopenedAt(min(300)), RESOLUTION, 200,
                        Severity.URGENT, 60, true, min(60), false, null),
                // reopened: resumes from 60 minutes, the solved time does not count, breach at +360
                Arguments.of(Tickets.urgent().openedAt(T0).solvedAt(min(60)).reopenedAt(min(300)), RESOLUTION, 330,
                        Severity.URGENT, 90, false, null, false, min(360)),
                // reopened: first response stays met once given
                Arguments.of(Tickets.urgent().openedAt(T0).answeredAt(min(10)).solvedAt(min(60))
                        .reopenedAt(min(300)), FIRST_RESPONSE, 330, Severity.URGENT, 10, true, min(10), false, null),
                // solved late, then reopened: still breached, breach instant in the past at +120
                Arguments.of(Tickets.urgent().openedAt(T0).solvedAt(min(150)).reopenedAt(min(200)), RESOLUTION, 210,
                        Severity.URGENT, 160, false, null, true, min(120)),
                // solved again after the reopen: met at the second solve, late
                Arguments.of(Tickets.urgent().openedAt(T0).solvedAt(min(100)).reopenedAt(min(200))
                        .solvedAt(min(230)), RESOLUTION, 300, Severity.URGENT, 130, true, min(230), true, null));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void appliesCurrentSeverityAndKeepsMetDeadlines(Tickets ticket, Deadline deadline, long nowMinutes,
                                                   Severity severity, long elapsedMinutes, boolean met,
                                                   Instant metAt, boolean breached, Instant breachAt) {
        ClockReading r = SlaClock.read(ticket.history(), ENTERPRISE, deadline, min(nowMinutes));

        assertThat(r.deadline()).isEqualTo(deadline);
        assertThat(r.severity()).isEqualTo(severity);
        assertThat(r.target()).isEqualTo(ENTERPRISE.target(severity, deadline));
        assertThat(r.elapsed()).isEqualTo(Duration.ofMinutes(elapsedMinutes));
        assertThat(r.met()).isEqualTo(met);
        assertThat(r.metAt()).isEqualTo(metAt);
        assertThat(r.paused()).isFalse();
        assertThat(r.breached()).isEqualTo(breached);
        assertThat(r.breachAt()).isEqualTo(breachAt);
    }
}
