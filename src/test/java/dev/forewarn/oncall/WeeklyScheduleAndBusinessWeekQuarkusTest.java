package dev.forewarn.oncall;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.forewarn.sla.SlaPlans;
import dev.forewarn.sla.model.Deadline;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.SlaClock;
import dev.forewarn.sla.model.SlaPolicy;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketHistory;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The configuration shapes of a real support org, read from application.yaml (test profile): the L1 team "sun"
 * follows the sun with weekday hours in Sydney, Berlin and New York, a new EMEA rotation from 2 November and an
 * elapsed-time backstop; the "business" plan (customer jiankang) opens Monday to Friday with a lunch break and
 * Saturday mornings in Berlin, closed on named holidays. The on-call API and the SLA clocks answer for them.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class WeeklyScheduleAndBusinessWeekQuarkusTest {

    @Inject
    SlaPlans plans;

    @BeforeEach
    void viewer() {
        dev.forewarn.testing.Api.asAdmin();
    }

    @ParameterizedTest(name = "{0} -> {1} ({2}) until {3}")
    @CsvSource(textBlock = """
            # New York has sprung forward, Berlin not yet: EMEA until 17:00 CET, then AMER until 17:00 EDT (21:00Z)
            2026-03-09T13:00:00Z, tom,   emea,     2026-03-09T16:00:00Z
            2026-03-09T16:00:00Z, ana,   amer,     2026-03-09T21:00:00Z
            # after Sydney fell back, APAC opens at 23:00Z; the elapsed-time backstop holds until then
            2026-04-05T22:00:00Z, noa,   backstop, 2026-04-05T23:00:00Z
            2026-04-05T23:00:00Z, arjun, apac,     2026-04-06T07:00:00Z
            # before the new EMEA rotation's first hand-off the layer falls through to the old one; from it, it answers
            2026-10-26T08:00:00Z, lena,  emea,     2026-10-26T16:00:00Z
            2026-11-02T08:00:00Z, nils,  emea-2,   2026-11-02T16:00:00Z
            """)
    void theOnCallApiFollowsTheSunByWeekday(String at, String person, String source, String until) {
        given().get("/api/oncall?tier=L1&team=sun&at=" + at).then().statusCode(200)
                .body("[0].person", equalTo(person))
                .body("[0].source", equalTo(source))
                .body("[0].until", equalTo(until))
                .body("[0].gap", equalTo(false));
    }

    @ParameterizedTest(name = "{0} {1} opened {2}: {3} due {4}")
    @CsvSource(textBlock = """
            # Friday 17:30 before Berlin springs forward: 30 min on Friday, the rest on Saturday morning (CET)
            important, 2026-03-27T17:30+01:00, FIRST_RESPONSE, 2026-03-28T10:30+01:00
            important, 2026-03-27T17:30+01:00, RESOLUTION,     2026-03-28T13:30+01:00
            # 24 business hours: Fri 0.5 h, Sat 4 h, Mon and Tue 8 h each (lunch excluded), Wednesday 13:30 CEST
            general,   2026-03-27T17:30+01:00, RESOLUTION,     2026-04-01T13:30+02:00
            # the lunch break does not count: an urgent ticket at 11:50 is due at 13:05
            urgent,    2026-03-30T11:50+02:00, FIRST_RESPONSE, 2026-03-30T13:05+02:00
            # Christmas Day and St Stephen's Day (Saturday) are closed: Thursday 17:30 + 1 h lands on Monday 09:30
            important, 2026-12-24T17:30+01:00, FIRST_RESPONSE, 2026-12-28T09:30+01:00
            """)
    void theClocksRunOnTheConfiguredWeek(String severity, String opened, Deadline deadline, String due) {
        SlaPolicy policy = plans.forCustomer("jiankang");
        Instant created = OffsetDateTime.parse(opened).toInstant();
        var history = new TicketHistory(created,
                List.of(new TicketChange(created, TicketStatus.OPEN, Severity.valueOf(severity.toUpperCase()))), null);

        assertThat(SlaClock.read(history, policy, deadline, created).breachAt())
                .isEqualTo(OffsetDateTime.parse(due).toInstant());
    }
}
