package dev.forewarn.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.sla.model.AlwaysOpen;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Polls one ticket the way the daemon will — decide, apply the decisions to the stored pages, poll again — and
 * checks the whole story, so a duplicate page at any poll would show up as an extra line.
 */
class EscalatorPagesEachStageOnceAsTimePassesTest {

    static final SlaPolicy POLICY = SlaPolicy.defaults("enterprise", new AlwaysOpen());
    static final EscalationPlan PLAN = EscalationPlan.defaults();

    static Stream<Arguments> stories() {
        return Stream.of(
                // urgent, no reply: L1 at 7:30, nothing until L2 at 11:15, then L3 at 13:30 and the breach at 15:00;
                // L1's and L2's ack timeouts find a higher tier already paged, so they do not escalate
                Arguments.of("urgent", "0:00:00", "0:20:00", 5, null, List.of(
                        "0:07:30 page FIRST_RESPONSE half L1",
                        "0:11:15 page FIRST_RESPONSE three-quarters L2",
                        "0:13:30 page FIRST_RESPONSE imminent L3",
                        "0:15:00 page FIRST_RESPONSE breach L3")),
                // the same story polled every second: still one line per page
                Arguments.of("urgent", "0:00:00", "0:14:00", 1, null, List.of(
                        "0:07:30 page FIRST_RESPONSE half L1",
                        "0:11:15 page FIRST_RESPONSE three-quarters L2",
                        "0:13:30 page FIRST_RESPONSE imminent L3")),
                // general, nobody acknowledges: L1 at 2 h, L2 10 min later, L3 10 min after that, then the 75 % stage
                Arguments.of("general", "0:00:00", "3:00:00", 60, null, List.of(
                        "2:00:00 page FIRST_RESPONSE half L1",
                        "2:10:00 escalate #1 FIRST_RESPONSE half L2",
                        "2:20:00 escalate #2 FIRST_RESPONSE half L3",
                        "3:00:00 page FIRST_RESPONSE three-quarters L2")),
                // general, acknowledged after 5 min: no escalation and no further stage until the breach at 4 h
                Arguments.of("general", "0:00:00", "4:00:00", 60, Duration.ofMinutes(5), List.of(
                        "2:00:00 page FIRST_RESPONSE half L1",
                        "2:05:00 ack #1",
                        "4:00:00 page FIRST_RESPONSE breach L3")),
                // first reply at 12 min resolves both open first-response pages; resolution pages go on at 1 h
                Arguments.of("urgent; answered 0:12:00", "0:00:00", "1:05:00", 15, null, List.of(
                        "0:07:30 page FIRST_RESPONSE half L1",
                        "0:11:15 page FIRST_RESPONSE three-quarters L2",
                        "0:12:00 resolve #1",
                        "0:12:00 resolve #2",
                        "1:00:00 page RESOLUTION half L1")),
                // pending from 5 to 30 min: the clock stops, so L1 comes 25 min late
                Arguments.of("urgent; pending 0:05:00; open 0:30:00", "0:00:00", "0:39:59", 15, null, List.of(
                        "0:32:30 page FIRST_RESPONSE half L1",
                        "0:36:15 page FIRST_RESPONSE three-quarters L2",
                        "0:38:30 page FIRST_RESPONSE imminent L3")),
                // pending right after the L1 page: its ack timeout runs out during the pause and escalates on resume
                Arguments.of("urgent; pending 0:08:00; open 0:40:00", "0:00:00", "0:44:00", 15, null, List.of(
                        "0:07:30 page FIRST_RESPONSE half L1",
                        "0:40:00 escalate #1 FIRST_RESPONSE half L2",
                        "0:43:15 page FIRST_RESPONSE three-quarters L2")),
                // first seen at 95 %: one L3 page, L1 and L2 recorded as superseded, then the breach
                Arguments.of("urgent", "0:14:15", "0:16:00", 15, null, List.of(
                        "0:14:15 superseded FIRST_RESPONSE half",
                        "0:14:15 superseded FIRST_RESPONSE three-quarters",
                        "0:14:15 page FIRST_RESPONSE imminent L3",
                        "0:15:00 page FIRST_RESPONSE breach L3")),
                // solved at 9 min and reopened at 20: first response stays met, resolution resumes at 9 min elapsed
                Arguments.of("urgent; solved 0:09:00; open 0:20:00", "0:00:00", "1:12:00", 15, null, List.of(
                        "0:07:30 page FIRST_RESPONSE half L1",
                        "0:09:00 resolve #1",
                        "1:11:00 page RESOLUTION half L1")));
    }

    @ParameterizedTest(name = "{0}, polled from {1} to {2} every {3} s")
    @MethodSource("stories")
    void decidesEachStepOnceWhateverThePollRate(String ticket, String from, String to, int everySeconds, Duration ackAfter,
                                     List<String> expected) {
        TicketHistory history = Ticket.parse(ticket).history();
        PageLedger ledger = new PageLedger();

        for (Instant now = Ticket.at(from); !now.isAfter(Ticket.at(to)); now = now.plusSeconds(everySeconds)) {
            if (ackAfter != null) {
                ledger.acknowledgeOlderThan(ackAfter, now);
            }
            ledger.apply(Escalator.decide(history, POLICY, PLAN, ledger.pages(), now), now);
            assertThat(Escalator.decide(history, POLICY, PLAN, ledger.pages(), now))
                    .as("a second call at %s once the first one's decisions are stored", Ticket.offset(now))
                    .isEmpty();
        }

        assertThat(ledger.log()).containsExactlyElementsOf(expected);
    }
}
