package dev.forewarn.sla.model;

import static dev.forewarn.sla.model.BusinessHoursCountsOnlyOpeningHoursTest.at;
import static dev.forewarn.sla.model.BusinessHoursCountsOnlyOpeningHoursTest.calendar;
import static dev.forewarn.sla.model.Deadline.FIRST_RESPONSE;
import static dev.forewarn.sla.model.Deadline.RESOLUTION;
import static dev.forewarn.sla.model.SlaClockPausesWhileTicketWaitsOnCustomerTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.oncall.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class StagePlanPagesEachTierWithLeadTimeTest {

    static final SlaPolicy ENTERPRISE = SlaPolicy.defaults("enterprise", new AlwaysOpen());
    static final StagePlan DEFAULTS = StagePlan.defaults();

    static Tickets ticket(String severity) {
        return switch (severity) {
            case "urgent" -> Tickets.urgent();
            case "important" -> Tickets.important();
            default -> Tickets.general();
        };
    }

    @ParameterizedTest(name = "{0} {1} after {2}: {3}")
    @CsvSource(textBlock = """
            # urgent first response: nothing before 7.5 minutes
            urgent,  FIRST_RESPONSE, PT7M29S,  ''
            # urgent first response: L1 at 7.5 minutes
            urgent,  FIRST_RESPONSE, PT7M30S,  half
            # urgent first response: L2 at 11.25 minutes
            urgent,  FIRST_RESPONSE, PT11M15S, half three-quarters
            # urgent first response: L3 at 13.5 minutes
            urgent,  FIRST_RESPONSE, PT13M30S, half three-quarters imminent
            # urgent first response: L3 again at the 15-minute breach
            urgent,  FIRST_RESPONSE, PT15M,    half three-quarters imminent breach
            # general first response: L1 only after 2 hours
            general, FIRST_RESPONSE, PT2H,     half
            # general first response: L2 at 3 hours
            general, FIRST_RESPONSE, PT3H,     half three-quarters
            # general first response: L3 at 3 hours 36 minutes
            general, FIRST_RESPONSE, PT3H36M,  half three-quarters imminent
            # general resolution: L1 at 12 hours, not before
            general, RESOLUTION,     PT11H59M, ''
            # general resolution: L1 at 12 hours
            general, RESOLUTION,     PT12H,    half
            """)
    void reachesStagesAtSharesOfTheTarget(String severity, Deadline deadline, Duration running, String expected) {
        var history = ticket(severity).openedAt(T0).history();

        var reached = DEFAULTS.reached(SlaClock.read(history, ENTERPRISE, deadline, T0.plus(running)));

        assertThat(reached).extracting(WarningStage::name)
                .containsExactlyElementsOf(expected.isBlank() ? List.of() : Arrays.asList(expected.split(" ")));
    }

    static Stream<Arguments> nextStages() {
        return Stream.of(
                // urgent, just opened: L1 due at 7.5 minutes
                Arguments.of("always", Tickets.urgent().openedAt(T0), FIRST_RESPONSE, T0, T0.plusSeconds(450)),
                // urgent after 8 minutes: L2 due at 11.25 minutes
                Arguments.of("always", Tickets.urgent().openedAt(T0), FIRST_RESPONSE, T0.plusSeconds(480),
                        T0.plusSeconds(675)),
                // urgent after 14 minutes: the breach stage at 15
                Arguments.of("always", Tickets.urgent().openedAt(T0), FIRST_RESPONSE, T0.plusSeconds(840),
                        T0.plusSeconds(900)),
                // urgent breached: every stage reached, nothing next
                Arguments.of("always", Tickets.urgent().openedAt(T0), FIRST_RESPONSE, T0.plusSeconds(960), null),
                // general, just opened: L1 due in 2 hours
                Arguments.of("always", Tickets.general().openedAt(T0), FIRST_RESPONSE, T0, T0.plusSeconds(7200)),
                // a pause delays the next stage by its length: pending 10 minutes, L1 at 7.5 + 10 minutes
                Arguments.of("always", Tickets.urgent().openedAt(T0).pendingFrom(T0.plusSeconds(60))
                        .openFrom(T0.plusSeconds(660)), FIRST_RESPONSE, T0.plusSeconds(700), T0.plusSeconds(1050)),
                // paused: no stage is due
                Arguments.of("always", Tickets.urgent().openedAt(T0).pendingFrom(T0.plusSeconds(60)),
                        FIRST_RESPONSE, T0.plusSeconds(120), null),
                // answered: no stage is due
                Arguments.of("always", Tickets.urgent().openedAt(T0).answeredAt(T0.plusSeconds(60)),
                        FIRST_RESPONSE, T0.plusSeconds(120), null),
                // Berlin general from Friday 16:00 CET: L1 at 2 business hours is Monday 10:00 CEST
                Arguments.of("berlin-9-17", Tickets.general().openedAt(at("2026-03-27T16:00+01:00")),
                        FIRST_RESPONSE, at("2026-03-27T16:30+01:00"), at("2026-03-30T10:00+02:00")),
                // New York urgent at 16:55 EST Friday: L1 at 7.5 minutes is Monday 09:02:30 EDT
                Arguments.of("ny-9-17", Tickets.urgent().openedAt(at("2026-03-06T16:55-05:00")),
                        FIRST_RESPONSE, at("2026-03-06T16:56-05:00"), at("2026-03-09T09:02:30-04:00")),
                // Shanghai important resolution (4 h) opened 9:00: L1 due at 11:00
                Arguments.of("shanghai-9-18", Tickets.important().openedAt(at("2026-03-02T09:00+08:00")),
                        RESOLUTION, at("2026-03-02T09:00+08:00"), at("2026-03-02T11:00+08:00")));
    }

    @ParameterizedTest
    @MethodSource("nextStages")
    void projectsTheNextStageThroughTheCalendar(String calendar, Tickets ticket, Deadline deadline, Instant now,
                                                Instant expected) {
        var policy = SlaPolicy.defaults("plan", calendar(calendar));
        var history = ticket.history();
        var reading = SlaClock.read(history, policy, deadline, now);

        assertThat(DEFAULTS.nextStageAt(reading, history, policy, now)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "lead time {0} at {1} elapsed: {2}")
    @CsvSource(textBlock = """
            # 30 minutes before a general ticket's 24-hour resolution: not yet at 23 hours
            PT30M, PT23H,     false
            # 30 minutes before: due at 23.5 hours
            PT30M, PT23H30M,  true
            # a lead time longer than the target is due at once
            PT48H, PT0S,      true
            """)
    void leadTimeTriggersBeforeTheBreach(Duration lead, Duration running, boolean reached) {
        var plan = new StagePlan(List.of(new WarningStage("last-call", Tier.L3, new StageTrigger.LeadTime(lead))));
        var history = Tickets.general().openedAt(T0).history();

        var reading = SlaClock.read(history, ENTERPRISE, RESOLUTION, T0.plus(running));

        assertThat(plan.reached(reading)).hasSize(reached ? 1 : 0);
    }
}
