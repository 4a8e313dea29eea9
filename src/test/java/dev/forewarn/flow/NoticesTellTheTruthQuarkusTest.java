package dev.forewarn.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.forewarn.testing.Api;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What customers and operators are told is true: times, figures, wording, headers, API fields and log lines. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class NoticesTellTheTruthQuarkusTest {
    private static final String BERLIN_CUSTOMER = "acme@customers.example";
    private static final String SHANGHAI_CUSTOMER = "jiankang@customers.example";

    TestPeers.Peers peers;

    @Inject
    Scenario scenario;
    @Inject
    MutableClock clock;

    Fleet fleet;

    private final List<String> incidentLog = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            incidentLog.add(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void freshFleet() throws Exception {
        Api.asAdmin();
        scenario.reset();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        fleet = new Fleet(peers.http()).healthy("eu-central").healthy("ap-east");
        Scenario.customer("acme", "en", "Europe/Berlin", "eu-central");
        Scenario.customer("jiankang", "zh-CN", "Asia/Shanghai", "eu-central");
        scenario.runFor(Duration.ofMinutes(2));
        Logger.getLogger("dev.forewarn.incident.IncidentService").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("dev.forewarn.incident.IncidentService").removeHandler(capture);
    }

    @Test
    void everyNoticeStatesTheCustomersLanguageAndCarriesNoEmptyCopyHeader() throws Exception {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        for (MimeMessage m : peers.smtp().getReceivedMessages()) {
            assertThat(m.getHeader("Cc")).as("no Cc: header without a copy recipient").isNull();
        }
        assertThat(message(BERLIN_CUSTOMER).getHeader("Content-Language")).containsExactly("en");
        assertThat(message(SHANGHAI_CUSTOMER).getHeader("Content-Language")).containsExactly("zh-CN");
    }

    @Test
    void sinceIsWhenTheProbesFirstShowedTheDegradationNotWhenTheIncidentWasOpened() {
        fleet.degraded("eu-central");
        Instant firstBadPoll = clock.instant().plus(Scenario.TICK); // 08:02:15 UTC = 09:02 in Berlin
        for (int poll = 0; poll < 5; poll++) {
            clock.set(firstBadPoll.plus(Scenario.TICK.multipliedBy(poll)));
            scenario.poll();
            clock.advance(Duration.ofSeconds(1));
            scenario.judge();
        }
        // opened one sustained window (60 s) later, at 08:03:16 UTC = 09:03 in Berlin

        String body = plainText(message(BERLIN_CUSTOMER));
        assertThat(body).contains("since 2 Mar 2026, 09:02 (Europe/Berlin").doesNotContain("09:03");
        long id = Db.count("SELECT id FROM incident");
        given().get("/api/incidents/" + id).then().statusCode(200)
                .body("incident.beganAt", equalTo(firstBadPoll.toString()))
                .body("incident.openedAt", equalTo(firstBadPoll.plusSeconds(61).toString()))
                .body("timeline[0].since", equalTo(firstBadPoll.toString()));
    }

    @Test
    void aWarningCausedByUnreachableNodesNamesThemFirstAndSaysWhatTheFiguresCover() {
        // One of four nodes answers no probe: 25 % unreachable is DEGRADED, while the three others are perfect.
        peers.http().stubFor(get(urlPathEqualTo("/probe")).withQueryParam("target", WireMock.equalTo("10.1.0.1"))
                .withQueryParam("module", WireMock.equalTo("icmp"))
                .willReturn(aResponse().withStatus(200).withBody(Fleet.blackbox(28, false))));
        scenario.runFor(Duration.ofMinutes(3));

        String body = plainText(message(BERLIN_CUSTOMER));
        assertThat(body).contains("Unreachable nodes: 1 of 4 (the figures below cover only the 3 nodes that answered)");
        assertThat(body.indexOf("Unreachable nodes")).as("the unreachable share comes first")
                .isLessThan(body.indexOf("Estimated call quality"));
        assertThat(plainText(message(SHANGHAI_CUSTOMER))).contains("以下数据仅统计响应探测的 3 个节点");
    }

    @Test
    void aCustomerAddedToTheRegionDuringAnOpenIncidentGetsAFirstWarningNotAnUpdate() {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));
        assertThat(peers.smtp().getReceivedMessages()).hasSize(2);

        Scenario.customer("latecomer", "en", "Europe/Berlin", "eu-central");
        fleet.region("eu-central", 30, false);
        scenario.runFor(Duration.ofMinutes(3));

        List<String> acme = Scenario.subjectsByRecipient(peers.smtp()).get(BERLIN_CUSTOMER);
        assertThat(acme).hasSize(2);
        assertThat(acme.get(1)).startsWith("[Update] Network outage");
        List<String> latecomer = Scenario.subjectsByRecipient(peers.smtp()).get("latecomer@customers.example");
        assertThat(latecomer).singleElement().asString().startsWith("[Advance notice] Network outage");
        assertThat(plainText(message("latecomer@customers.example")))
                .contains("shows an outage in region Frankfurt").doesNotContain("got worse");
    }

    @Test
    void aRelapseIsAFirstWarningForACustomerWhoNeverHeardOfTheIncident() {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));
        fleet.healthy("eu-central");
        scenario.runFor(Duration.ofMinutes(5));
        assertThat(peers.smtp().getReceivedMessages()).hasSize(4);

        Scenario.customer("latecomer", "en", "Europe/Berlin", "eu-central");
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        assertThat(Scenario.subjectsByRecipient(peers.smtp()).get(BERLIN_CUSTOMER).get(2)).contains("degraded again");
        assertThat(Scenario.subjectsByRecipient(peers.smtp()).get("latecomer@customers.example")).singleElement()
                .asString().startsWith("[Advance notice]");
        assertThat(plainText(message("latecomer@customers.example")))
                .doesNotContain("after we told you it had recovered");
    }

    @Test
    void theRegionsApiShowsTheObservedAndTheSettledStateSideBySide() {
        fleet.degraded("eu-central");
        scenario.tick();

        // One bad poll: the probes already show trouble, incidents still follow the settled (healthy) state.
        String observed = given().get("/api/regions/eu-central").then().statusCode(200)
                .body("settledState", equalTo("HEALTHY"))
                .body("state", equalTo("HEALTHY"))
                .extract().path("observedState");
        assertThat(observed).isIn("DEGRADED", "OUTAGE");
        given().get("/api/regions/eu-central").then().body("pendingState", equalTo(observed));
    }

    @Test
    void anOpenedIncidentIsLoggedAndRecordedWithTheStateItLeft() {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        assertThat(incidentLog).anySatisfy(line -> assertThat(line)
                .contains("Region eu-central: incident #").contains("OPENED (HEALTHY -> DEGRADED)"));
        assertThat(incidentLog).noneSatisfy(line -> assertThat(line).contains("null ->"));
        long id = Db.count("SELECT id FROM incident");
        given().get("/api/incidents/" + id).then().body("timeline[0].fromState", equalTo("HEALTHY"));
    }

    /** The decoded text/plain part of a notice. */
    private static String plainText(MimeMessage m) {
        try {
            Object content = m.getContent();
            if (content instanceof String text) {
                return text;
            }
            MimeMultipart parts = (MimeMultipart) content;
            for (int i = 0; i < parts.getCount(); i++) {
                if (parts.getBodyPart(i).isMimeType("text/plain")) {
                    return (String) parts.getBodyPart(i).getContent();
                }
            }
            throw new AssertionError("no text/plain part");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private MimeMessage message(String recipient) {
        return Arrays.stream(peers.smtp().getReceivedMessages()).filter(m -> Scenario.recipient(m).equals(recipient))
                .findFirst().orElseThrow(() -> new AssertionError("no email to " + recipient));
    }
}
