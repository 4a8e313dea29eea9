package dev.forewarn.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.sla.model.AlwaysOpen;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketHistory;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** nextDecisionAt: when decide could next say something, so the daemon can skip tickets that cannot change. */
class EscalatorKnowsWhenToLookAgainTest {

    static final SlaPolicy POLICY = SlaPolicy.defaults("enterprise", new AlwaysOpen());
    static final EscalationPlan PLAN = EscalationPlan.defaults();

    @ParameterizedTest(name = "{0} | {1} | at {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # urgent, just opened: the L1 stage at 7:30
            urgent | '' | 0:00:00 | 0:07:30
            # L1 paged: the L2 stage at 11:15 comes before L1's ack timeout at 17:30
            urgent | 1 FIRST_RESPONSE half L1 0:07:30 | 0:08:00 | 0:11:15
            # general, L1 paged: its ack timeout at 2:10 comes before the L2 stage at 3:00
            general | 1 FIRST_RESPONSE half L1 2:00:00 | 2:01:00 | 2:10:00
            # acknowledged: the deadline is owned, only its breach stage at 4:00 is left
            general | 1 FIRST_RESPONSE half L1 2:00:00 ack 2:01:00 | 2:05:00 | 4:00:00
            # the timeout has run out: decide would escalate now
            general | 1 FIRST_RESPONSE half L1 2:00:00 | 2:12:00 | 2:12:00
            # first seen at 95 %: decide would page now
            urgent | '' | 0:14:15 | 0:14:15
            # first response fully paged, L1 and L2 moot under the open L3: next is resolution's L1 at 1 h
            urgent | 1 FIRST_RESPONSE half L1 0:07:30; 2 FIRST_RESPONSE three-quarters L2 0:11:15; 3 FIRST_RESPONSE imminent L3 0:13:30; 4 FIRST_RESPONSE breach L3 0:15:00 | 0:30:00 | 1:00:00
            # an L3 page's timeout leads nowhere: only the next stage counts
            general | 1 FIRST_RESPONSE imminent L3 3:36:00 | 3:37:00 | 4:00:00
            # waiting on the customer: nothing until the ticket changes
            urgent; pending 0:05:00 | 1 FIRST_RESPONSE half L1 0:04:00 | 0:06:00 | ''
            # solved with an open page: decide would resolve it now
            urgent; solved 0:09:00 | 1 FIRST_RESPONSE half L1 0:07:30 | 0:10:00 | 0:10:00
            # solved, every page resolved: nothing until it is reopened
            urgent; solved 0:09:00 | 1 FIRST_RESPONSE half L1 0:07:30 resolved 0:09:00 | 0:10:00 | ''
            # answered: only the resolution clock matters, its L1 stage at 1 h
            urgent; answered 0:03:00 | '' | 0:04:00 | 1:00:00
            """)
    void answersTheEarliestInstantSomethingCanChange(String ticket, String pages, String now, String expected) {
        TicketHistory history = Ticket.parse(ticket).history();
        List<PageState> stored = PageLedger.parse(pages);

        Optional<Instant> next = Escalator.nextDecisionAt(history, POLICY, PLAN, stored, Ticket.at(now));

        assertThat(next).isEqualTo(expected.isBlank() ? Optional.empty() : Optional.of(Ticket.at(expected)));
        next.ifPresent(at -> {
            // a promise kept: at that instant decide has something to say, and just before it nothing
            assertThat(Escalator.decide(history, POLICY, PLAN, stored, at)).isNotEmpty();
            if (at.isAfter(Ticket.at(now))) {
                assertThat(Escalator.decide(history, POLICY, PLAN, stored, at.minusSeconds(1))).isEmpty();
            }
        });
    }
}
