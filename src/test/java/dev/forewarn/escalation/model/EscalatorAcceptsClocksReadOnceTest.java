package dev.forewarn.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forewarn.sla.model.AlwaysOpen;
import dev.forewarn.sla.model.ClockReading;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketHistory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Handing decide and nextDecisionAt clocks read once changes nothing but the cost. */
class EscalatorAcceptsClocksReadOnceTest {

    static final SlaPolicy POLICY = SlaPolicy.defaults("enterprise", new AlwaysOpen());
    static final EscalationPlan PLAN = EscalationPlan.defaults();

    @ParameterizedTest(name = "{0} | {1} | at {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # just opened, nothing due
            urgent | '' | 0:01:00
            # first seen at 95 %: superseded stages and an L3 page
            urgent | '' | 0:14:15
            # L1 timed out: an escalation
            general | 1 FIRST_RESPONSE half L1 2:00:00 | 2:12:00
            # solved with an open page: a resolve
            urgent; solved 0:09:00 | 1 FIRST_RESPONSE half L1 0:07:30 | 0:10:00
            # waiting on the customer: nothing, and no next instant
            urgent; pending 0:05:00 | 1 FIRST_RESPONSE half L1 0:04:00 | 0:06:00
            """)
    void decidesExactlyAsWhenItReadsTheClocksItself(String ticket, String pages, String now) {
        TicketHistory history = Ticket.parse(ticket).history();
        List<PageState> stored = PageLedger.parse(pages);
        Instant at = Ticket.at(now);
        ClockReading[] clocks = Escalator.readClocks(history, POLICY, at);

        assertThat(Escalator.decide(history, POLICY, PLAN, stored, at, clocks))
                .isEqualTo(Escalator.decide(history, POLICY, PLAN, stored, at));
        assertThat(Escalator.nextDecisionAt(history, POLICY, PLAN, stored, at, clocks))
                .isEqualTo(Escalator.nextDecisionAt(history, POLICY, PLAN, stored, at));
    }

    @Test
    void rejectsReadingsInTheWrongOrder() {
        TicketHistory history = Ticket.urgent().history();
        ClockReading[] clocks = Escalator.readClocks(history, POLICY, Ticket.T0);
        ClockReading[] swapped = {clocks[1], clocks[0]};

        assertThatThrownBy(() -> Escalator.decide(history, POLICY, PLAN, List.of(), Ticket.T0, swapped))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
