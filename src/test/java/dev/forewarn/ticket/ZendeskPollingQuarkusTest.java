package dev.forewarn.ticket;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Zendesk source against a Zendesk-shaped API on WireMock: what is stored, counted and asked for when. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class ZendeskPollingQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String EXPORT = "/api/v2/incremental/tickets/cursor.json";

    TestPeers.Peers peers;

    @Inject
    MutableClock clock;
    @Inject
    TicketPoller tickets;

    @BeforeEach
    void fresh() {
        Db.wipe();
        peers.http().resetAll();
        clock.set(T0.plus(Duration.ofMinutes(20)));
        tickets.forgetWaits();
    }

    @AfterEach
    void leaveNoWait() {
        tickets.onRetryAfter((source, wait) -> { });
        tickets.forgetWaits();
    }

    @Test
    void theFirstResponseIsTheExactTimeOfTheFirstPublicAgentCommentNotTheExportsWholeMinutes() {
        // The export says "replied after 14 minutes"; the agent's comment was at 14:59, one second before breach.
        peers.http().stubFor(get(urlPathEqualTo(EXPORT)).willReturn(okJson("""
                {"tickets": [{"id": 9001, "subject": "Calls drop", "priority": "urgent", "status": "open",
                  "organization_id": 200, "created_at": "%1$s", "updated_at": "%2$s"}],
                 "metric_sets": [{"ticket_id": 9001, "created_at": "%1$s",
                  "reply_time_in_minutes": {"calendar": 14, "business": 14}}],
                 "after_cursor": "c1", "end_of_stream": true}""".formatted(T0, T0.plusSeconds(899)))));
        peers.http().stubFor(get(urlPathEqualTo("/api/v2/tickets/9001/comments.json")).willReturn(okJson("""
                {"comments": [
                  {"id": 1, "author_id": 11, "public": true, "created_at": "%s"},
                  {"id": 2, "author_id": 22, "public": false, "created_at": "%s"},
                  {"id": 3, "author_id": 22, "public": true, "created_at": "%s"}],
                 "users": [{"id": 11, "role": "end-user"}, {"id": 22, "role": "agent"}]}"""
                .formatted(T0, T0.plusSeconds(300), T0.plusSeconds(899)))));

        Scenario.await(() -> tickets.poll("zendesk"));

        assertThat(Db.count("SELECT count(*) FROM ticket WHERE id = '9001' AND first_response_at = '"
                + T0.plusSeconds(899) + "'")).as("first response at 08:14:59, not 08:14:00").isEqualTo(1);
    }

    @Test
    void anUnreadablePageIsCountedAndLoggedAsMalformed() {
        peers.http().stubFor(get(urlPathEqualTo(EXPORT))
                .willReturn(aResponse().withStatus(200).withBody("<html>Zendesk is under maintenance</html>")));

        String before = given().get("/q/metrics").then().extract().asString();

        Scenario.await(() -> tickets.poll("zendesk"));

        String after = given().get("/q/metrics").then().extract().asString();
        for (String reason : List.of("malformed", "http_status")) {
            String label = "reason=\"" + reason + "\"";
            assertThat(sample(after, "forewarn_ticket_poll_failures_total", label)
                    - sample(before, "forewarn_ticket_poll_failures_total", label))
                    .as(reason).isEqualTo(reason.equals("malformed") ? 1.0 : 0.0);
        }
    }

    @Test
    void aRetryAfterIsHonouredExactlyNotRoundedUpToTheNextInterval() {
        List<String> retries = new CopyOnWriteArrayList<>();
        tickets.onRetryAfter((source, wait) -> retries.add(source + " " + wait));
        peers.http().stubFor(get(urlPathEqualTo(EXPORT))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        Scenario.await(() -> tickets.poll("zendesk"));

        // the scheduler is asked to poll again after exactly 7 s (the source's interval is 60 s)
        assertThat(retries).containsExactly("zendesk PT7S");
        clock.advance(Duration.ofSeconds(6));
        Scenario.await(() -> tickets.poll("zendesk"));
        peers.http().verify(1, getRequestedFor(urlPathEqualTo(EXPORT)));
        clock.advance(Duration.ofSeconds(1));
        Scenario.await(() -> tickets.poll("zendesk"));
        peers.http().verify(2, getRequestedFor(urlPathEqualTo(EXPORT)));
    }

    private static double sample(String exposition, String name, String fragment) {
        return exposition.lines().filter(l -> l.startsWith(name + "{") && l.contains(fragment)
                        && l.contains("source=\"zendesk\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElse(Double.NaN);
    }
}
