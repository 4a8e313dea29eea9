package dev.forewarn.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import dev.forewarn.testing.AppProcess;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.ProcessPeers;
import dev.forewarn.testing.Scenario;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged application on one database. The leader is killed with SIGKILL in the middle of a
 * region incident and an SLA escalation; the other replica takes over, and every notice and page is delivered
 * exactly once (read back from the SMTP server and the PagerDuty-shaped endpoint).
 */
class FailoverIT {
    private ProcessPeers peers;
    private WireMockServer http;
    private GreenMail smtp;
    private AppProcess first;
    private AppProcess second;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void killingTheLeaderMidIncidentAndMidEscalationLosesAndDuplicatesNothing() throws Exception {
        startPeers(ProcessPeers.ACME);
        http.stubFor(post(urlPathEqualTo("/v2/enqueue")).willReturn(aResponse().withStatus(202)
                .withBody("{\"status\":\"success\"}")));
        Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(25);
        http.stubFor(get(urlPathEqualTo("/api/v2/incremental/tickets/cursor.json")).willReturn(okJson("""
                {"tickets": [{"id": 77, "subject": "Classroom audio drops", "priority": "urgent", "status": "open",
                  "organization_id": 200, "created_at": "%s", "updated_at": "%s"}],
                 "metric_sets": [], "after_cursor": "c1", "end_of_stream": true}""".formatted(created, created))));
        Map<String, String> props = properties();

        first = peers.start(props);
        first.waitFor(Duration.ofSeconds(15), () -> first.metric("forewarn_leader") == 1.0, "the first replica to lead");
        second = peers.start(props);
        Thread.sleep(6_000);
        assertThat(second.metric("forewarn_leader")).as("one leader at a time").isEqualTo(0.0);

        peers.fleet().degraded("eu-central");
        first.waitFor(Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length >= 1, "the warning");
        // L1 at 50 % of the 60 s target; kill the leader once that page is recorded as delivered.
        first.waitFor(Duration.ofSeconds(60), () -> Db.count("SELECT count(*) FROM page_delivery WHERE status = 'SENT'")
                >= 1, "the L1 page");
        first.kill();
        Instant killed = Instant.now();
        second.waitFor(Duration.ofSeconds(15), () -> second.metric("forewarn_leader") == 1.0, "the take-over");
        System.out.printf("fail-over: the second replica led %d ms after the leader was killed%n",
                Duration.between(killed, Instant.now()).toMillis());

        // L2 at 75 %, L3 at 90 % and at breach: all paged by the new leader.
        second.waitFor(Duration.ofSeconds(60), () -> triggers().size() >= 4, "the L2 and L3 pages");
        peers.fleet().healthy("eu-central");
        second.waitFor(Duration.ofSeconds(40), () -> smtp.getReceivedMessages().length >= 2, "the all-clear");
        Thread.sleep(4_000);

        assertThat(Scenario.subjectsByRecipient(smtp).get("acme@customers.example"))
                .as("one warning and one all-clear, nothing twice").hasSize(2);
        Map<String, Long> byKey = triggers().stream().collect(Collectors.groupingBy(
                r -> r.getBodyAsString().replaceAll(".*\"dedup_key\":\"([^\"]+)\".*", "$1"), Collectors.counting()));
        assertThat(byKey).as("four stages, each paged once").hasSize(4).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(Db.count("SELECT count(*) FROM page")).isEqualTo(4);
        assertThat(Db.count("SELECT count(*) FROM incident")).isEqualTo(1);
    }

    @Test
    void aLeaderStoppedWithSigtermHandsOverAtOnceNotAfterTheGracefulWait() throws Exception {
        startPeers();
        Map<String, String> props = peers.properties();

        first = peers.start(props);
        first.waitFor(Duration.ofSeconds(15), () -> first.metric("forewarn_leader") == 1.0, "the first replica to lead");
        second = peers.start(props);
        Thread.sleep(6_000);
        assertThat(second.metric("forewarn_leader")).as("one leader at a time").isEqualTo(0.0);

        first.terminate();
        Instant terminated = Instant.now();
        // The stopping replica may take up to forewarn.jobs.shutdown-grace (30 s) to exit; leadership must not wait:
        // the survivor's next lock refresh (every 5 s) finds the lock free.
        second.waitFor(Duration.ofSeconds(12), () -> second.metric("forewarn_leader") == 1.0, "the hand-over");
        System.out.printf("hand-over: the second replica led %d ms after SIGTERM to the leader%n",
                Duration.between(terminated, Instant.now()).toMillis());
    }

    /** A healthy eu-central fleet on WireMock, an SMTP server, an empty database and these customers. */
    private void startPeers(String... customers) {
        peers = new ProcessPeers(customers);
        http = peers.http();
        smtp = peers.smtp();
    }

    private List<LoggedRequest> triggers() {
        return http.findAll(postRequestedFor(urlPathEqualTo("/v2/enqueue"))
                .withRequestBody(matchingJsonPath("$.event_action", com.github.tomakehurst.wiremock.client.WireMock.equalTo("trigger"))));
    }

    private Map<String, String> properties() {
        String base = "http://127.0.0.1:" + http.port();
        Map<String, String> p = peers.properties();
        p.put("forewarn.notices.claim-lease", "10s");
        p.put("forewarn.notices.send-timeout", "3s");
        p.put("forewarn.tickets.evaluation-interval", "1s");
        p.put("forewarn.tickets.sources.zd.type", "zendesk");
        p.put("forewarn.tickets.sources.zd.url", base);
        p.put("forewarn.tickets.sources.zd.email", "agent@support.test");
        p.put("forewarn.tickets.sources.zd.token", "zendesk-test-token");
        p.put("forewarn.tickets.sources.zd.interval", "1s");
        p.put("forewarn.tickets.sources.zd.organizations.200", "acme");
        p.put("forewarn.tickets.plans.fast.targets.urgent.first-response", "60s");
        p.put("forewarn.tickets.customer-plans.acme", "fast");
        String[][] tiers = {{"L1", "alice"}, {"L2", "carol"}, {"L3", "dave"}};
        for (int i = 0; i < tiers.length; i++) {
            String s = "forewarn.oncall.schedules[" + i + "]";
            p.put(s + ".tier", tiers[i][0]);
            p.put(s + ".layers[0].name", "week");
            p.put(s + ".layers[0].participants[0]", tiers[i][1]);
            p.put(s + ".layers[0].first-handoff", "2026-01-05T00:00");
        }
        p.put("forewarn.paging.channels.pd.type", "pagerduty");
        p.put("forewarn.paging.channels.pd.url", base + "/v2/enqueue");
        p.put("forewarn.paging.channels.pd.routing-key", "test-routing-key-0123456789abcdef");
        p.put("forewarn.paging.routes[0].channels[0]", "pd");
        p.put("forewarn.paging.send-interval", "1s");
        return p;
    }
}
