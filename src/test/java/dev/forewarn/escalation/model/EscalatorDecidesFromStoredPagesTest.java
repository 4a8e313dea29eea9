package dev.forewarn.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.AlwaysOpen;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.SlaPolicy;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One call to decide with pages already stored: each row is a ticket, its pages, an instant and the decisions. */
class EscalatorDecidesFromStoredPagesTest {

    static final SlaPolicy POLICY = SlaPolicy.defaults("enterprise", new AlwaysOpen());
    static final EscalationPlan PLAN = EscalationPlan.defaults();

    @ParameterizedTest(name = "{0} | {1} | at {2} -> {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # L1 unacknowledged for exactly its 10 min: page L2 for the same stage
            general | 1 FIRST_RESPONSE half L1 2:00:00 | 2:10:00 | escalate #1 FIRST_RESPONSE half L2
            # one second before the timeout: nothing yet
            general | 1 FIRST_RESPONSE half L1 2:00:00 | 2:09:59 | ''
            # acknowledged: never escalates
            general | 1 FIRST_RESPONSE half L1 2:00:00 ack 2:09:00 | 2:30:00 | ''
            # already escalated: not again
            general | 1 FIRST_RESPONSE half L1 2:00:00 escalated; 2 FIRST_RESPONSE half L2 2:10:00 ack 2:11:00 | 2:30:00 | ''
            # the L2 page exists although the L1 page was not marked (a crash between two writes): no duplicate
            general | 1 FIRST_RESPONSE half L1 2:00:00; 2 FIRST_RESPONSE half L2 2:10:00 ack 2:11:00 | 2:30:00 | ''
            # nothing after L3: an unacknowledged L3 page stays open
            general | 1 FIRST_RESPONSE imminent L3 3:36:00 | 3:59:00 | ''
            # a higher tier already has an open page for this deadline: the escalation would add nothing
            general | 1 FIRST_RESPONSE half L1 2:00:00; 2 FIRST_RESPONSE three-quarters L2 3:00:00 ack 3:01:00 | 3:10:00 | ''
            # a late poll sees the 75 % stage and L1's timeout together: the stage's L2 page makes the escalation moot
            general | 1 FIRST_RESPONSE half L1 2:00:00 | 3:00:00 | page FIRST_RESPONSE three-quarters L2
            # an acknowledged L1 page owns the deadline: the 75 % stage stays silent
            general | 1 FIRST_RESPONSE half L1 2:00:00 ack 2:01:00 | 3:00:00 | ''
            # ... but a missed deadline still reaches L3 at the breach stage
            general | 1 FIRST_RESPONSE half L1 2:00:00 ack 2:01:00 | 4:00:00 | page FIRST_RESPONSE breach L3
            # the stage is already paged: no duplicate
            urgent | 1 FIRST_RESPONSE half L1 0:07:30; 2 FIRST_RESPONSE three-quarters L2 0:11:15 | 0:11:15 | ''
            # waiting on the customer: no escalation, the page stays open
            general; pending 2:05:00 | 1 FIRST_RESPONSE half L1 2:00:00 | 2:30:00 | ''
            # waiting on the customer at 95 %: no new page either
            urgent; pending 0:14:15 | '' | 0:20:00 | ''
            # first reply: resolve the open first-response pages, leave the resolution page and the resolved one
            urgent; answered 0:12:00 | 1 FIRST_RESPONSE half L1 0:07:30 resolved 0:12:00; 2 FIRST_RESPONSE three-quarters L2 0:11:15; 3 RESOLUTION half L1 1:00:00 | 1:01:00 | resolve #2
            # closed: every open page of both deadlines is resolved, acknowledged or not, and nothing escalates
            general; closed 2:30:00 | 1 FIRST_RESPONSE half L1 2:00:00; 2 FIRST_RESPONSE half L2 2:10:00 ack 2:11:00 | 2:31:00 | resolve #1, resolve #2
            # solved at 95 %: no page for a deadline that is met
            urgent; solved 0:14:00 | '' | 0:14:15 | ''
            # first seen at 95 % of first response: L3 once, the earlier stages superseded
            urgent | '' | 0:14:15 | superseded FIRST_RESPONSE half, superseded FIRST_RESPONSE three-quarters, page FIRST_RESPONSE imminent L3
            # both deadlines at once (first seen after 1 h 35 min, 79 % of resolution): each gets its own most advanced stage
            urgent | '' | 1:35:00 | superseded FIRST_RESPONSE half, superseded FIRST_RESPONSE three-quarters, superseded FIRST_RESPONSE imminent, page FIRST_RESPONSE breach L3, superseded RESOLUTION half, page RESOLUTION three-quarters L2
            # stages before one already paged never page, even if they were never stored
            urgent | 1 FIRST_RESPONSE imminent L3 0:14:15 ack 0:14:20 | 0:14:30 | ''
            """)
    void decidesTheNextSteps(String ticket, String pages, String now, String expected) {
        var decisions = Escalator.decide(Ticket.parse(ticket).history(), POLICY, PLAN, PageLedger.parse(pages),
                Ticket.at(now));

        assertThat(decisions).extracting(PageLedger::describe)
                .containsExactlyElementsOf(expected.isBlank() ? List.of() : Arrays.asList(expected.split(", ")));
    }

    @Test
    void explainsEachDecisionInOneLine() {
        var urgent = Ticket.urgent().history();
        var general = Ticket.general().history();
        var answered = Ticket.parse("urgent; answered 0:12:00").history();
        var l1 = PageLedger.parse("1 FIRST_RESPONSE half L1 2:00:00");

        assertThat(Escalator.decide(urgent, POLICY, PLAN, List.of(), Ticket.at("0:07:30")))
                .containsExactly(new StepDecision.Page(Deadline.FIRST_RESPONSE, "half", Tier.L1,
                        "first response 50 % elapsed (7 min 30 s of 15 min), 7 min 30 s to breach"));
        assertThat(Escalator.decide(general, POLICY, PLAN, l1, Ticket.at("2:10:00")))
                .extracting(d -> ((StepDecision.Escalate) d).why())
                .containsExactly("L1 did not acknowledge the half page within 10 min; "
                        + "first response 54 % elapsed (2 h 10 min of 4 h), 1 h 50 min to breach");
        assertThat(Escalator.decide(urgent, POLICY, PLAN, PageLedger.parse("1 FIRST_RESPONSE breach L3 0:15:00"),
                Ticket.at("0:16:00")).isEmpty()).isTrue();
        assertThat(Escalator.decide(urgent, POLICY, PLAN, PageLedger.parse("1 FIRST_RESPONSE imminent L3 0:13:30"),
                Ticket.at("0:16:00"))).extracting(d -> ((StepDecision.Page) d).why())
                .containsExactly("first response 106 % elapsed (16 min of 15 min), breached by 1 min");
        assertThat(Escalator.decide(answered, POLICY, PLAN, PageLedger.parse("1 FIRST_RESPONSE half L1 0:07:30"),
                Ticket.at("0:12:00"))).extracting(d -> ((StepDecision.Resolve) d).why())
                .containsExactly("first response met after 12 min: first reply posted");
        assertThat(Escalator.decide(Ticket.parse("general; closed 2:30:00").history(), POLICY, PLAN, l1,
                Ticket.at("2:31:00"))).extracting(d -> ((StepDecision.Resolve) d).why())
                .containsExactly("first response met after 2 h 30 min: ticket closed");
    }
}
