package dev.forewarn.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.notify.NoticeOutbox;
import dev.forewarn.testing.Api;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A maintenance window tells the customers of its region ahead, at its start and at its end, on a hand-moved clock. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class MaintenanceNoticesQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant START = T0.plus(Duration.ofHours(30));
    private static final Instant END = START.plus(Duration.ofHours(2));
    private static final String ACME = "acme@customers.example";
    private static final String JIANKANG = "jiankang@customers.example";

    TestPeers.Peers peers;

    @Inject
    MutableClock clock;
    @Inject
    Scenario scenario;
    @Inject
    MaintenanceNotifier notifier;
    @Inject
    NoticeOutbox outbox;

    @BeforeEach
    void customers() throws Exception {
        Api.asAdmin();
        scenario.reset();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(T0);
        Scenario.customer("acme", "en", "Europe/Berlin", "eu-central");
        Scenario.customer("jiankang", "zh-CN", "Asia/Shanghai", "eu-central", "ap-east");
        Scenario.customer("streamly", "en", "America/New_York", "ap-east");
    }

    @Test
    void advanceNoticesADayAndAnHourAheadThenStartAndEndEachAtItsInstant() {
        long id = window(START, END);

        List<String> acme = List.of();
        for (Instant at : List.of(T0, START.minus(Duration.ofHours(24)).minusSeconds(1))) {
            acme = subjectsAt(at);
            assertThat(acme).as("nothing before the first lead, at " + at).isEmpty();
        }
        acme = subjectsAt(START.minus(Duration.ofHours(24)));
        assertThat(acme).singleElement().asString().startsWith("[Maintenance] Planned maintenance in Frankfurt")
                .contains("#" + id);
        assertThat(subjectsAt(START.minus(Duration.ofHours(1)).minusSeconds(1))).hasSize(1);
        assertThat(subjectsAt(START.minus(Duration.ofHours(1)))).hasSize(2);
        assertThat(subjectsAt(START.minusSeconds(1))).hasSize(2);
        assertThat(subjectsAt(START)).hasSize(3).last().asString().contains("has started");
        assertThat(subjectsAt(END.minusSeconds(1))).hasSize(3);
        assertThat(subjectsAt(END)).hasSize(4).last().asString().contains("is over");
        assertThat(subjectsAt(END.plus(Duration.ofMinutes(30)))).hasSize(4);

        var all = Scenario.subjectsByRecipient(peers.smtp());
        assertThat(all).as("only the customers of the region").containsOnlyKeys(ACME, JIANKANG);
        assertThat(all.get(JIANKANG)).hasSize(4).first().asString().startsWith("【维护】");
        var first = java.util.Arrays.stream(peers.smtp().getReceivedMessages())
                .filter(m -> Scenario.recipient(m).equals(ACME)).findFirst().orElseThrow();
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(first)).as("times in the customer's zone")
                .contains("Europe/Berlin");
    }

    @Test
    void aChangedAndThenCancelledWindowSendsACorrectionToThoseAlreadyTold() {
        long id = window(START, END);
        assertThat(subjectsAt(START.minus(Duration.ofHours(24)))).hasSize(1);
        given().contentType("application/json").body(Map.of("regionId", "eu-central",
                        "startsAt", START.plus(Duration.ofHours(10)).toString(),
                        "endsAt", END.plus(Duration.ofHours(10)).toString(), "reason", "Router firmware upgrade"))
                .put("/api/maintenance/" + id).then().statusCode(200);
        assertThat(subjectsAt(clock.instant())).hasSize(2).last().asString()
                .startsWith("[Maintenance] Changed: maintenance in Frankfurt");

        given().delete("/api/maintenance/" + id).then().statusCode(204);
        assertThat(subjectsAt(clock.instant())).hasSize(3).last().asString().startsWith("[Maintenance] Cancelled");
        assertThat(subjectsAt(START.plus(Duration.ofHours(10)))).as("a cancelled window says nothing more")
                .hasSize(3);
    }

    private long window(Instant start, Instant end) {
        return ((Number) given().contentType("application/json").body(Map.of("regionId", "eu-central",
                        "startsAt", start.toString(), "endsAt", end.toString(), "reason", "Router firmware upgrade"))
                .post("/api/maintenance").then().statusCode(201).extract().path("id")).longValue();
    }

    /** Moves the clock, runs the maintenance tick and drains the outbox; returns what acme received so far. */
    private List<String> subjectsAt(Instant at) {
        clock.set(at);
        Scenario.await(() -> notifier.queueDue());
        Scenario.await(() -> outbox.drainAll());
        return Scenario.subjectsByRecipient(peers.smtp()).getOrDefault(ACME, List.of());
    }
}
