package dev.forewarn.notify.pagerduty;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.testing.TestHttp;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.Pages;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Severity;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerDutyChannelTest {

    private static final TestHttp HTTP = new TestHttp();
    private static final String KEY = "R0UT1NGKEY0000000000000000000000";
    private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static PagerDutyChannel channel;

    @BeforeAll
    static void start() {
        server.start();
        channel = new PagerDutyChannel(new PagerDutyConfig(
                URI.create("http://127.0.0.1:" + server.port() + "/v2/enqueue"), KEY, Duration.ofSeconds(30)),
                HTTP.poster());
    }

    @AfterAll
    static void stop() {
        server.stop();
        HTTP.close();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(post("/v2/enqueue").willReturn(aResponse().withStatus(202)
                .withBody("{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"k\"}")));
    }

    @Test
    void triggerSendsFullEventWithPayloadAndLinks() {
        DeliveryResult result = channel.deliver(Pages.urgent().build()).join();

        assertThat(result).isEqualTo(new DeliveryResult.Delivered());
        server.verify(postRequestedFor(urlEqualTo("/v2/enqueue")).withRequestBody(equalToJson("""
                {
                  "routing_key": "R0UT1NGKEY0000000000000000000000",
                  "event_action": "trigger",
                  "dedup_key": "ticket-4711/first-response/2026-03-10T10:15:00Z/L2",
                  "payload": {
                    "summary": "P1 4711 first response due in 12m: Calls drop after 30 s",
                    "source": "forewarn",
                    "severity": "critical",
                    "timestamp": "2026-03-10T10:00:00Z",
                    "component": "first response",
                    "group": "education",
                    "class": "sla-breach-risk",
                    "custom_details": {
                      "region": "eu-west",
                      "tier": "L2",
                      "assignee": "cara",
                      "deadline": "first response",
                      "breach_at": "2026-03-10T10:12:00Z",
                      "tickets": [{"id": "4711", "subject": "Calls drop after 30 s", "customer": "Acme Tutoring",
                                   "url": "https://support.example/tickets/4711"}]
                    }
                  },
                  "links": [
                    {"href": "https://forewarn.example/ack/abc123", "text": "Acknowledge in Forewarn"},
                    {"href": "https://support.example/tickets/4711", "text": "Ticket 4711: Calls drop after 30 s"}
                  ],
                  "client": "Forewarn",
                  "client_url": "https://forewarn.example/ack/abc123"
                }
                """)));
    }

    @ParameterizedTest(name = "{0} sends only the key")
    @CsvSource({
            // PagerDuty finds the open alert by dedup_key; a payload would be ignored
            "ACKNOWLEDGE, acknowledge",
            // same for resolve
            "RESOLVE,     resolve",
    })
    void acknowledgeAndResolveSendOnlyTheKey(PageAction action, String eventAction) {
        DeliveryResult result = channel.deliver(Pages.urgent().action(action).build()).join();

        assertThat(result).isEqualTo(new DeliveryResult.Delivered());
        server.verify(postRequestedFor(urlEqualTo("/v2/enqueue")).withRequestBody(equalToJson("""
                {"routing_key": "R0UT1NGKEY0000000000000000000000", "event_action": "%s",
                 "dedup_key": "ticket-4711/first-response/2026-03-10T10:15:00Z/L2"}
                """.formatted(eventAction))));
    }

    @Test
    void leavesOutAckLinkAndClientUrlWhenThereIsNoAckUrl() {
        channel.deliver(Pages.urgent().ackUrl(null).assignee(null).build()).join();

        server.verify(postRequestedFor(urlEqualTo("/v2/enqueue")).withRequestBody(equalToJson("""
                {"links": [{"href": "https://support.example/tickets/4711",
                            "text": "Ticket 4711: Calls drop after 30 s"}],
                 "payload": {"custom_details": {"assignee": null}}}
                """, true, true)));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @CsvSource({
            // a P1 is critical at any tier
            "URGENT,    L1, critical",
            // reaching L3 means a breach is imminent or happened
            "GENERAL,   L3, critical",
            // important, not yet at the experts
            "IMPORTANT, L2, error",
            // general at frontline
            "GENERAL,   L1, warning",
            // general at L2 is still a warning
            "GENERAL,   L2, warning",
    })
    void mapsSeverityAndTierToPagerDutySeverity(Severity severity, Tier tier, String expected) {
        assertThat(PagerDutyChannel.severity(severity, tier)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "bad {0}")
    @CsvSource(nullValues = "-", value = {
            // no key, no routing
            "routingKey, https://events.pagerduty.com/v2/enqueue, ' ',  PT5S",
            // relative URL
            "eventsUrl,  /v2/enqueue,                             key,  PT5S",
            // zero timeout would fail every request
            "timeout,    https://events.pagerduty.com/v2/enqueue, key,  PT0S",
            // missing timeout
            "timeout,    -,                                       key,  -",
    })
    void rejectsBadConfigNamingTheField(String field, URI url, String key, Duration timeout) {
        assertThatThrownBy(() -> new PagerDutyConfig(url, key, timeout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }

    @Test
    void defaultsToPublicEndpointAndHidesKey() {
        PagerDutyConfig config = new PagerDutyConfig(null, KEY, Duration.ofSeconds(5));

        assertThat(config.eventsUrl()).hasToString("https://events.pagerduty.com/v2/enqueue");
        assertThat(config.toString()).doesNotContain(KEY);
    }

    @Test
    void namesItselfForMetrics() {
        assertThat(channel.name()).isEqualTo("pagerduty");
    }
}
