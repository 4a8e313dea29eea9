package dev.forewarn.escalation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.TestPeers;
import dev.forewarn.ticket.TicketPoller;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA watch end to end: a Zendesk-shaped API on WireMock, a PagerDuty-shaped endpoint on WireMock, a real
 * Alertmanager, email pages read back from GreenMail, all state in PostgreSQL, driven minute by minute.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class SlaPagingQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String EXPORT = "/api/v2/incremental/tickets/cursor.json";

    TestPeers.Peers peers;

    @Inject
    MutableClock clock;
    @Inject
    TicketPoller tickets;
    @Inject
    SlaWatcher watcher;
    @Inject
    dev.forewarn.notify.page.PageOutbox outbox;

    @BeforeEach
    void fresh() throws Exception {
        dev.forewarn.testing.Api.asAdmin();
        Db.wipe();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(T0);
        peers.http().stubFor(post(urlPathEqualTo("/v2/enqueue")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"status\":\"success\",\"message\":\"Event processed\"}")));
    }

    @Test
    void anUnansweredUrgentTicketPagesL1ThenL2AndStopsOnceAcknowledgedThenResolvesOnTheFirstReply() {
        // Alertmanager judges startsAt/endsAt by its own real clock, so this story ends just before real now.
        Instant T0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).minus(Duration.ofMinutes(20));
        clock.set(T0);
        String l1Person = given().get("/api/oncall?tier=L1&at=" + T0.plusSeconds(450)).then().extract().path("[0].person");
        zendesk(ticket(9001, "urgent", "open", 200, null, T0, T0));

        runUntil(T0.plus(Duration.ofMinutes(7)));
        assertThat(triggers()).as("nothing before 50 % of the 15 min first-response target").isEmpty();

        runUntil(T0.plus(Duration.ofSeconds(7 * 60 + 30)));
        assertThat(triggers()).hasSize(1);
        String l1 = triggers().get(0).getBodyAsString();
        assertThat(l1).contains("\"routing_key\":\"test-routing-key-0123456789abcdef\"").contains("[L1]")
                .contains(l1Person).contains("zendesk/9001");
        assertThat(peers.smtp().getReceivedMessages()).singleElement()
                .satisfies(m -> assertThat(m.getAllRecipients()[0].toString()).isEqualTo(l1Person + "@oncall.test"))
                // the email page says what language it is in, and has no empty copy header
                .satisfies(m -> assertThat(m.getHeader("Content-Language")).containsExactly("en"))
                .satisfies(m -> assertThat(m.getHeader("Cc")).isNull());

        runUntil(T0.plus(Duration.ofSeconds(11 * 60 + 15)));
        assertThat(triggers()).as("nobody acknowledged: L2 at 75 %").hasSize(2);
        assertThat(triggers().get(1).getBodyAsString()).contains("[L2]").contains("carol");
        assertThat(peers.alertmanager().alerts()).contains("ForewarnSlaRisk").contains("\"tier\":\"L2\"");

        long l2 = Db.count("SELECT id FROM page WHERE tier = 'L2'");
        given().post("/api/pages/" + l2 + "/ack?by=carol").then().statusCode(200);
        runUntil(T0.plus(Duration.ofMinutes(14)));
        assertThat(events("acknowledge")).hasSize(1);
        assertThat(triggers()).as("nothing more once acknowledged").hasSize(2);

        zendesk(ticket(9001, "urgent", "open", 200, 14, T0, T0.plus(Duration.ofMinutes(14))));
        runUntil(T0.plus(Duration.ofMinutes(16)));
        assertThat(events("resolve")).as("the first reply resolves both pages").hasSize(2);
        assertThat(triggers()).hasSize(2);
        assertThat(peers.alertmanager().alerts()).doesNotContain("\"state\":\"active\"");

        given().get("/api/pages?ticket=zendesk/9001").then().statusCode(200).body("", hasSize(2))
                .body("find { it.tier == 'L2' }.acknowledgedBy", equalTo("carol"))
                .body("status", org.hamcrest.Matchers.everyItem(equalTo("RESOLVED")));
        given().get("/api/pages/" + l2).then().statusCode(200)
                .body("events.kind", org.hamcrest.Matchers.hasItems("TRIGGERED", "ACKNOWLEDGED", "RESOLVED"))
                .body("deliveries.channel", org.hamcrest.Matchers.hasItems("pd", "am"));
    }

    @Test
    void aRateLimitedFailingOrGarbageTicketApiNeitherLosesNorDuplicatesAPage() {
        String ok = page(ticket(9002, "urgent", "open", 200, null, T0, T0));
        peers.http().stubFor(get(urlPathEqualTo(EXPORT)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120"))
                .willSetStateTo("5xx"));
        peers.http().stubFor(get(urlPathEqualTo(EXPORT)).inScenario("flaky").whenScenarioStateIs("5xx")
                .willReturn(aResponse().withStatus(503).withBody("maintenance")).willSetStateTo("garbage"));
        peers.http().stubFor(get(urlPathEqualTo(EXPORT)).inScenario("flaky").whenScenarioStateIs("garbage")
                .willReturn(aResponse().withStatus(200).withBody("<html>oops")).willSetStateTo("ok"));
        peers.http().stubFor(get(urlPathEqualTo(EXPORT)).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(okJson(ok)));

        runUntil(T0.plus(Duration.ofMinutes(12)));

        assertThat(triggers()).as("L1 and L2, once each, despite the flaky API").hasSize(2);
        assertThat(Db.count("SELECT count(*) FROM page")).isEqualTo(2);
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).containsPattern("forewarn_ticket_poll_failures_total\\{[^}]*reason=\"rate_limited\"[^}]*source=\"zendesk\"[^}]*} [1-9]");
    }

    @Test
    void aFailingPagerEndpointIsRetriedAndDeliversOnceAndA400IsReportedNotRetriedForever() {
        peers.http().stubFor(post(urlPathEqualTo("/v2/enqueue")).inScenario("pd").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("timeout"));
        peers.http().stubFor(post(urlPathEqualTo("/v2/enqueue")).inScenario("pd").whenScenarioStateIs("timeout")
                .willReturn(aResponse().withStatus(202).withFixedDelay(3000)).willSetStateTo("up"));
        peers.http().stubFor(post(urlPathEqualTo("/v2/enqueue")).inScenario("pd").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(202).withBody("{\"status\":\"success\"}")));
        zendesk(ticket(9003, "urgent", "open", 200, null, T0, T0));

        runUntil(T0.plus(Duration.ofMinutes(10)));

        assertThat(Db.count("SELECT count(*) FROM page_delivery WHERE channel = 'pd' AND status = 'SENT'")).isEqualTo(1);
        assertThat(Db.count("SELECT attempts FROM page_delivery WHERE channel = 'pd'")).isEqualTo(3);

        peers.http().resetScenarios();
        peers.http().stubFor(post(urlPathEqualTo("/v2/enqueue")).willReturn(aResponse().withStatus(400)
                .withBody("{\"status\":\"invalid event\",\"errors\":[\"routing_key invalid\"]}")));
        runUntil(T0.plus(Duration.ofMinutes(20)));
        long l2 = Db.count("SELECT id FROM page WHERE tier = 'L2'");
        assertThat(Db.count("SELECT count(*) FROM page_delivery WHERE page_id = " + l2
                + " AND channel = 'pd' AND status = 'FAILED' AND attempts = 1")).isEqualTo(1);
        given().get("/api/pages/" + l2).then().body("events.kind", org.hamcrest.Matchers.hasItem("DELIVERY_FAILED"));
    }

    @Test
    void aTierWithNobodyOnCallPagesTheNextTierAndSaysSo() {
        // Team "network" has L1 cover only from 00:00 to 08:00 UTC; at 08:07 nobody is there.
        zendesk(ticket(9004, "urgent", "open", 200, null, T0, T0).replace("\"organization_id\"",
                "\"group_id\": 100, \"organization_id\""));
        runUntil(T0.plus(Duration.ofMinutes(8)));

        given().get("/api/pages?ticket=zendesk/9004").then().body("", hasSize(1))
                .body("[0].tier", equalTo("L1")).body("[0].routedTier", equalTo("L2"))
                .body("[0].assignee", equalTo("carol"));
        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metrics).containsPattern("forewarn_oncall_gaps_total\\{[^}]*team=\"network\"[^}]*tier=\"L1\"[^}]*} [1-9]");
        assertThat(metrics).containsPattern("forewarn_oncall_covered\\{[^}]*team=\"network\"[^}]*tier=\"L1\"[^}]*} 0");
    }

    @Test
    void ticketsOfADegradedRegionsCustomersArePagedTogether() {
        given().contentType("application/json").body(Map.of("name", "Acme", "emails", List.of("noc@acme.example"),
                "language", "en", "timeZone", "Europe/Berlin", "regions", List.of("eu-central"))).put("/api/customers/acme")
                .then().statusCode(200);
        Db.exec("INSERT INTO incident (region_id, status, state, worst_state, opened_at, updated_at, evidence) "
                + "VALUES ('eu-central', 'OPEN', 'DEGRADED', 'DEGRADED', '2026-03-02T07:55:00Z', '2026-03-02T07:55:00Z', '{}')");
        zendesk(ticket(9005, "urgent", "open", 200, null, T0, T0), ticket(9006, "urgent", "open", 200, null, T0, T0));

        runUntil(T0.plus(Duration.ofSeconds(7 * 60 + 30)));

        assertThat(triggers()).as("one page for both tickets").hasSize(1);
        assertThat(triggers().get(0).getBodyAsString()).contains("zendesk/9005").contains("zendesk/9006")
                .contains("2 tickets");
        assertThat(Db.count("SELECT count(*) FROM page WHERE incident_id IS NOT NULL")).isEqualTo(2);
    }

    @Test
    void pushedTicketEventsMustBeSigned() {
        String body = """
                {"tickets": [{"id": "T-1", "subject": "Echo on calls", "severity": "urgent", "status": "open",
                  "customerId": "acme", "createdAt": "2026-03-02T08:00:00Z", "updatedAt": "2026-03-02T08:00:00Z"}]}""";
        String ts = Long.toString(T0.getEpochSecond());
        given().header("X-Forewarn-Timestamp", ts).header("X-Forewarn-Signature", "sha256=" + hmac(
                "ticket-webhook-test-secret", ts + "." + body)).body(body).post("/api/tickets/events")
                .then().statusCode(202).body("accepted", equalTo(1));
        given().header("X-Forewarn-Timestamp", ts).header("X-Forewarn-Signature", "sha256=" + hmac(
                "ticket-webhook-test-secret", ts + "." + body)).body(body).post("/api/tickets/events")
                .then().statusCode(409);
        given().header("X-Forewarn-Timestamp", ts).header("X-Forewarn-Signature", "sha256=" + hmac("wrong", ts + "." + body))
                .body(body).post("/api/tickets/events").then().statusCode(401);
        given().body(body).post("/api/tickets/events").then().statusCode(401);
        assertThat(Db.count("SELECT count(*) FROM ticket WHERE source = 'pushed'")).isEqualTo(1);
    }

    @Test
    void anAcknowledgementMadeInPagerDutyIsApplied() {
        zendesk(ticket(9007, "urgent", "open", 200, null, T0, T0));
        runUntil(T0.plus(Duration.ofSeconds(7 * 60 + 30)));
        long page = Db.count("SELECT id FROM page");
        String body = """
                {"event": {"id": "e1", "event_type": "incident.acknowledged", "resource_type": "incident",
                  "agent": {"summary": "Alice Example", "type": "user_reference"},
                  "data": {"id": "PGR0VU2", "type": "incident", "status": "acknowledged",
                           "title": "[L1] urgent ticket zendesk/9007: first response (Forewarn page #%d)"}}}""".formatted(page);
        given().header("X-PagerDuty-Signature", "v1=" + hmac("pagerduty-test-secret", body)).body(body)
                .post("/api/pagerduty/webhook").then().statusCode(204);
        given().header("X-PagerDuty-Signature", "v1=00").body(body).post("/api/pagerduty/webhook").then().statusCode(401);
        given().get("/api/pages/" + page).then().body("page.status", equalTo("ACKNOWLEDGED"))
                .body("page.acknowledgedBy", equalTo("pagerduty:Alice Example"));
    }

    @Test
    void whoIsOnCallAnswersPerTierAndTeamAndHonoursOverrides() {
        given().get("/api/oncall?tier=L1&team=network&at=2026-03-02T03:00:00Z").then().statusCode(200)
                .body("[0].person", equalTo("erin")).body("[0].gap", equalTo(false));
        given().get("/api/oncall?tier=L1&team=network&at=2026-03-02T09:00:00Z").then()
                .body("[0].gap", equalTo(true));
        given().get("/api/oncall?tier=L1&team=education&at=2026-03-02T09:00:00Z").then()
                .body("[0].person", equalTo("alice")).body("[0].schedule", equalTo("default"));
        given().get("/api/oncall?tier=L1&team=default&at=2026-03-09T09:00:00Z").then().body("[0].person", equalTo("bob"));
        given().contentType("application/json").body(Map.of("tier", "L1", "team", "network", "participant", "frank",
                "startsAt", "2026-03-02T08:00:00Z", "endsAt", "2026-03-02T12:00:00Z", "reason", "covering the gap"))
                .post("/api/oncall/overrides").then().statusCode(201);
        given().get("/api/oncall?tier=L1&team=network&at=2026-03-02T09:00:00Z").then()
                .body("[0].person", equalTo("frank")).body("[0].source", equalTo("override"));
        given().contentType("application/json").body(Map.of("tier", "L9", "participant", "",
                "startsAt", "2026-03-02T08:00:00Z", "endsAt", "2026-03-01T12:00:00Z", "reason", "x"))
                .post("/api/oncall/overrides").then().statusCode(400)
                .body("fields.field", org.hamcrest.Matchers.hasItems("tier", "participant", "endsAt"));
        given().get("/api/oncall?tier=L1&at=yesterday").then().statusCode(400);
    }

    private void runUntil(Instant end) {
        while (clock.instant().isBefore(end)) {
            Instant next = clock.instant().plus(Duration.ofSeconds(15));
            clock.set(next.isAfter(end) ? end : next);
            dev.forewarn.testing.Scenario.await(() -> tickets.pollAll());
            dev.forewarn.testing.Scenario.await(() -> watcher.evaluateDue());
            dev.forewarn.testing.Scenario.await(() -> outbox.drainAll());
        }
    }

    private List<LoggedRequest> events(String action) {
        return peers.http().findAll(postRequestedFor(urlPathEqualTo("/v2/enqueue"))
                .withRequestBody(matchingJsonPath("$.event_action", equalToJson(action))));
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern equalToJson(String v) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(v);
    }

    private List<LoggedRequest> triggers() {
        return events("trigger");
    }

    private void zendesk(String... tickets) {
        peers.http().stubFor(get(urlPathEqualTo(EXPORT)).willReturn(okJson(page(tickets))));
    }

    /** A cursor export page; a ticket written with a reply time also gets its sideloaded metric set. */
    private static String page(String... tickets) {
        StringBuilder sets = new StringBuilder();
        StringBuilder ts = new StringBuilder();
        for (String t : tickets) {
            String[] parts = t.split("\u0000", 2);
            ts.append(ts.length() == 0 ? "" : ",").append(parts[0]);
            if (parts.length == 2) {
                sets.append(sets.length() == 0 ? "" : ",").append(parts[1]);
            }
        }
        return "{\"tickets\": [" + ts + "], \"metric_sets\": [" + sets + "], \"after_cursor\": \"c1\", "
                + "\"end_of_stream\": true}";
    }

    private static String ticket(long id, String priority, String status, long org, Integer replyMinutes,
                                 Instant created, Instant updated) {
        String json = """
                {"id": %d, "subject": "Calls drop in every classroom", "priority": "%s", "status": "%s",
                 "organization_id": %d, "created_at": "%s", "updated_at": "%s"}""".formatted(id, priority, status,
                org, created, updated);
        if (replyMinutes == null) {
            return json;
        }
        return json + "\u0000" + """
                {"ticket_id": %d, "created_at": "%s", "reply_time_in_minutes": {"calendar": %d, "business": %d}}"""
                .formatted(id, created, replyMinutes, replyMinutes);
    }

    private static String hmac(String secret, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
