package dev.forewarn.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.forewarn.notify.NoticeOutbox;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end over real peers: blackbox answers from WireMock, judgement and incidents in PostgreSQL, notices
 * read back from the GreenMail SMTP server.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class RegionNoticesQuarkusTest {
    private static final String BERLIN_CUSTOMER = "acme@customers.example";
    private static final String SHANGHAI_CUSTOMER = "jiankang@customers.example";
    private static final String OTHER_REGION_CUSTOMER = "streamly@customers.example";

    TestPeers.Peers peers;

    @Inject
    Scenario scenario;
    @Inject
    MutableClock clock;
    @Inject
    NoticeOutbox outbox;
    @Inject
    dev.forewarn.quality.RegionJudge judge;

    Fleet fleet;

    @BeforeEach
    void freshFleet() throws Exception {
        dev.forewarn.testing.Api.asAdmin();
        scenario.reset();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        fleet = new Fleet(peers.http()).healthy("eu-central").healthy("ap-east");
        Scenario.customer("acme", "en", "Europe/Berlin", "eu-central");
        Scenario.customer("jiankang", "zh-CN", "Asia/Shanghai", "eu-central", "ap-east");
        Scenario.customer("streamly", "en", "America/New_York", "ap-east");
        scenario.runFor(Duration.ofMinutes(2));
    }

    @Test
    void aDegradedRegionWarnsEachAffectedCustomerOnceInItsLanguageAndAllClearsOnRecovery() throws Exception {
        assertThat(peers.smtp().getReceivedMessages()).as("a healthy fleet sends nothing").isEmpty();

        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        Map<String, List<String>> warned = Scenario.subjectsByRecipient(peers.smtp());
        assertThat(warned.keySet()).containsExactlyInAnyOrder(BERLIN_CUSTOMER, SHANGHAI_CUSTOMER);
        assertThat(warned.get(BERLIN_CUSTOMER)).singleElement().asString()
                .contains("Frankfurt").contains("Advance notice");
        assertThat(warned.get(SHANGHAI_CUSTOMER)).singleElement().asString()
                .contains("Frankfurt").containsPattern("\\p{IsHan}");
        MimeMessage berlin = Arrays.stream(peers.smtp().getReceivedMessages())
                .filter(m -> Scenario.recipient(m).equals(BERLIN_CUSTOMER)).findFirst().orElseThrow();
        String body = com.icegreen.greenmail.util.GreenMailUtil.getBody(berlin);
        assertThat(body).as("times are in the customer's zone").contains("Europe/Berlin");

        given().get("/api/incidents?state=OPEN").then().statusCode(200)
                .body("", hasSize(1)).body("[0].regionId", equalTo("eu-central"));
        given().get("/api/regions/eu-central").then().statusCode(200)
                .body("state", equalTo("DEGRADED")).body("evidence.nodesReporting", equalTo(4));

        scenario.runFor(Duration.ofMinutes(5));
        assertThat(peers.smtp().getReceivedMessages()).as("a sustained degradation sends nothing more").hasSize(2);

        fleet.healthy("eu-central");
        scenario.runFor(Duration.ofMinutes(5));

        Map<String, List<String>> all = Scenario.subjectsByRecipient(peers.smtp());
        assertThat(all.get(BERLIN_CUSTOMER)).hasSize(2);
        assertThat(all.get(BERLIN_CUSTOMER).get(1)).contains("Resolved");
        assertThat(all.get(SHANGHAI_CUSTOMER)).hasSize(2);
        assertThat(all).doesNotContainKey(OTHER_REGION_CUSTOMER);
        assertThat(Db.count("SELECT count(*) FROM notice WHERE status = 'SENT'")).isEqualTo(4);
        given().get("/api/incidents?state=OPEN").then().statusCode(200).body("", hasSize(0));
    }

    @Test
    void theSustainedWindowRunsFromThePollThatShowedTheDegradationNotFromTheTickThatReadIt() {
        fleet.degraded("eu-central");
        Instant firstBadPoll = clock.instant().plus(Scenario.TICK);
        // The first bad poll is judged 5 s after it was taken, the later ones 1 s after: the 60 s sustained window
        // (test profile) is over at the judgement of the fifth poll, 61 s after the first bad one.
        for (int poll = 0; poll < 5; poll++) {
            clock.set(firstBadPoll.plus(Scenario.TICK.multipliedBy(poll)));
            scenario.poll();
            clock.advance(Duration.ofSeconds(poll == 0 ? 5 : 1));
            scenario.judge();
        }

        assertThat(Db.count("SELECT count(*) FROM incident WHERE opened_at = '"
                + firstBadPoll.plusSeconds(61) + "'")).isEqualTo(1);
        assertThat(Scenario.subjectsByRecipient(peers.smtp()).keySet())
                .containsExactlyInAnyOrder(BERLIN_CUSTOMER, SHANGHAI_CUSTOMER);
    }

    @Test
    void oneBadSampleSendsNothing() {
        fleet.degraded("eu-central");
        scenario.tick();
        fleet.healthy("eu-central");
        scenario.runFor(Duration.ofMinutes(5));

        assertThat(peers.smtp().getReceivedMessages()).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM incident")).isZero();
    }

    @Test
    void noticesQueuedWhileSmtpIsDownArriveOnceItIsBackExactlyOnce() throws Exception {
        peers.smtp().stop();
        try {
            fleet.degraded("eu-central");
            scenario.runFor(Duration.ofMinutes(3));
            assertThat(Db.count("SELECT count(*) FROM notice WHERE status = 'PENDING' AND attempts > 0 "
                    + "AND last_error IS NOT NULL")).as("the warnings wait in the outbox").isEqualTo(2);
            scenario.runFor(Duration.ofMinutes(2));
        } finally {
            peers.smtp().start();
        }
        scenario.runFor(Duration.ofMinutes(3));

        assertThat(Scenario.subjectsByRecipient(peers.smtp()))
                .containsOnlyKeys(BERLIN_CUSTOMER, SHANGHAI_CUSTOMER)
                .allSatisfy((to, subjects) -> assertThat(subjects).hasSize(1));
        assertThat(Db.count("SELECT count(*) FROM notice WHERE status = 'SENT'")).isEqualTo(2);
    }

    @Test
    void aRestartMidIncidentLosesNothingAndRepeatsNothing() {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));
        assertThat(peers.smtp().getReceivedMessages()).hasSize(2);

        scenario.restart();
        scenario.runFor(Duration.ofMinutes(3));
        assertThat(peers.smtp().getReceivedMessages()).as("no second warning after the restart").hasSize(2);
        assertThat(Db.count("SELECT count(*) FROM incident WHERE status = 'OPEN'")).isEqualTo(1);

        fleet.healthy("eu-central");
        scenario.runFor(Duration.ofMinutes(5));
        assertThat(peers.smtp().getReceivedMessages()).hasSize(4);
    }

    @Test
    void aRegionDegradingAgainWithinTheCoolDownUpdatesInsteadOfWarningAgain() {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));
        fleet.healthy("eu-central");
        scenario.runFor(Duration.ofMinutes(5));
        assertThat(peers.smtp().getReceivedMessages()).hasSize(4);

        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        List<String> berlin = Scenario.subjectsByRecipient(peers.smtp()).get(BERLIN_CUSTOMER);
        assertThat(berlin).hasSize(3);
        assertThat(berlin.get(2)).contains("Update").doesNotContain("Advance notice");
        assertThat(Db.count("SELECT count(*) FROM incident")).as("the same incident reopened").isEqualTo(1);
    }

    @Test
    void aMaintenanceWindowRecordsTheDegradationButNotifiesNobody() {
        given().contentType("application/json")
                .body(Map.of("regionId", "eu-central", "startsAt", clock.instant().toString(),
                        "endsAt", clock.instant().plus(Duration.ofHours(1)).toString(), "reason", "router upgrade"))
                .post("/api/maintenance").then().statusCode(201);

        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        assertThat(peers.smtp().getReceivedMessages()).isEmpty();
        long id = Db.count("SELECT id FROM incident WHERE region_id = 'eu-central'");
        given().get("/api/incidents/" + id).then().statusCode(200)
                .body("timeline[0].kind", equalTo("OPENED")).body("timeline[0].muted", equalTo(true))
                .body("notices", hasSize(0));
    }

    @Test
    void anOutageAfterADegradationSendsOneUpdate() {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));
        fleet.region("eu-central", 30, false);
        scenario.runFor(Duration.ofMinutes(3));

        List<String> berlin = Scenario.subjectsByRecipient(peers.smtp()).get(BERLIN_CUSTOMER);
        assertThat(berlin).hasSize(2);
        assertThat(berlin.get(1)).contains("Update");
        given().get("/api/regions/eu-central").then().body("state", equalTo("OUTAGE"));
    }

    @Test
    void aBacklogOfSeveralBatchesGoesOutInOneScheduledDrainEachNoticeOnce() {
        int more = 450; // with the default batch size of 200: two full batches and a partial one
        Db.exec("INSERT INTO customer (id, name, emails, language, time_zone, regions, created_at, updated_at) "
                + "SELECT 'bulk' || i, 'Customer ' || i, ARRAY['bulk' || i || '@customers.example'], 'en', "
                + "'Europe/Berlin', ARRAY['eu-central'], now(), now() FROM generate_series(1, " + more + ") i");
        fleet.degraded("eu-central");
        for (int i = 0; i < 12; i++) {
            scenario.tickWithoutSending();
        }
        int expected = more + 2; // and the Berlin and Shanghai customers
        assertThat(Db.count("SELECT count(*) FROM notice WHERE status = 'PENDING'")).isEqualTo(expected);

        int attempted = Scenario.await(() -> outbox.drain());

        assertThat(attempted).isEqualTo(expected);
        Map<String, List<String>> warned = Scenario.subjectsByRecipient(peers.smtp());
        assertThat(warned).hasSize(expected).allSatisfy((to, subjects) -> assertThat(subjects).hasSize(1));
        assertThat(Db.count("SELECT count(*) FROM notice WHERE status = 'SENT'")).isEqualTo(expected);
        assertThat(Db.count("SELECT count(DISTINCT recipients) FROM notice WHERE sent_at IS NOT NULL"))
                .isEqualTo(expected);
    }

    @Test
    void aRegionRemovedFromTheConfigurationNeverKeepsTheJudgeBusy() {
        // An earlier deployment judged a region this one no longer has, and left a worsening run pending in its row:
        // were that row loaded, its settle time would stay in the past for ever and the wake-up timer would judge
        // in a tight loop.
        Instant longAgo = clock.instant().minus(Duration.ofHours(1));
        Db.exec("INSERT INTO region_status (region_id, settled_state, observed_state, pending_state, pending_since,"
                + " last_known_at, evaluated_at, evidence) VALUES ('retired-region', 'HEALTHY', 'DEGRADED', 'DEGRADED',"
                + " '" + longAgo + "', '" + longAgo + "', '" + longAgo + "', '{}')");
        scenario.restart();
        scenario.tick();

        assertThat(judge.nextDue()).as("no region of this configuration has a run to settle").isEmpty();
        given().get("/api/regions").then().statusCode(200).body("id", org.hamcrest.Matchers.not(
                org.hamcrest.Matchers.hasItem("retired-region")));
    }
}
