package dev.forewarn.notify.alertmanager;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import dev.forewarn.notify.page.TicketRef;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlertmanagerChannelTest {

    private static final TestHttp HTTP = new TestHttp();
    private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static AlertmanagerChannel channel;

    @BeforeAll
    static void start() {
        server.start();
        channel = new AlertmanagerChannel(new AlertmanagerConfig(URI.create("http://127.0.0.1:" + server.port() + "/"),
                Duration.ofMinutes(15), Duration.ofSeconds(30)), HTTP.poster());
    }

    @AfterAll
    static void stop() {
        server.stop();
        HTTP.close();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(post("/api/v2/alerts").willReturn(aResponse().withStatus(200)));
    }

    @Test
    void triggerPostsOneFiringAlertThatExpiresAtTheHorizon() {
        DeliveryResult result = channel.deliver(Pages.urgent().build()).join();

        assertThat(result).isEqualTo(new DeliveryResult.Delivered());
        server.verify(postRequestedFor(urlEqualTo("/api/v2/alerts")).withRequestBody(equalToJson("""
                [{
                  "labels": {
                    "alertname": "ForewarnSlaRisk",
                    "tier": "L2",
                    "team": "education",
                    "severity": "urgent",
                    "deadline": "first response",
                    "dedup_key": "ticket-4711/first-response/2026-03-10T10:15:00Z/L2"
                  },
                  "annotations": {
                    "summary": "P1 4711 first response due in 12m: Calls drop after 30 s",
                    "breach_at": "2026-03-10T10:12:00Z",
                    "tickets": "4711 Calls drop after 30 s (Acme Tutoring) https://support.example/tickets/4711",
                    "assignee": "cara",
                    "ack_url": "https://forewarn.example/ack/abc123"
                  },
                  "startsAt": "2026-03-10T10:00:00Z",
                  "endsAt": "2026-03-10T10:15:00Z",
                  "generatorURL": "https://support.example/tickets/4711"
                }]
                """)));
    }

    @Test
    void resolveSendsTheSameLabelsEndingNow() {
        channel.deliver(Pages.urgent().action(PageAction.RESOLVE).at(Pages.T0.plusSeconds(300)).build()).join();

        server.verify(postRequestedFor(urlEqualTo("/api/v2/alerts"))
                .withRequestBody(matchingJsonPath("$[0].endsAt", equalTo("2026-03-10T10:05:00Z")))
                .withRequestBody(matchingJsonPath("$[0].labels.dedup_key",
                        equalTo("ticket-4711/first-response/2026-03-10T10:15:00Z/L2")))
                .withRequestBody(matchingJsonPath("$[0].labels.tier", equalTo("L2")))
                .withRequestBody(matchingJsonPath("$[0].labels.alertname", equalTo("ForewarnSlaRisk"))));
    }

    @Test
    void acknowledgeHasNoAlertmanagerCallAndCountsAsDelivered() {
        DeliveryResult result = channel.deliver(Pages.urgent().action(PageAction.ACKNOWLEDGE).build()).join();

        assertThat(result).isEqualTo(new DeliveryResult.Delivered());
        server.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void groupedPageListsEveryTicketAndLeavesOutUnknownOptionalAnnotations() {
        channel.deliver(Pages.urgent().assignee(null).ackUrl(null).tickets(List.of(
                new TicketRef("1", "No audio", "Acme", null),
                new TicketRef("2", "Video freezes", "Globex", "https://support.example/tickets/2"))).build()).join();

        server.verify(postRequestedFor(urlEqualTo("/api/v2/alerts")).withRequestBody(equalToJson("""
                [{"annotations": {
                    "summary": "P1 4711 first response due in 12m: Calls drop after 30 s",
                    "breach_at": "2026-03-10T10:12:00Z",
                    "tickets": "1 No audio (Acme)\\n2 Video freezes (Globex) https://support.example/tickets/2"}}]
                """, false, true)));
        server.verify(postRequestedFor(urlEqualTo("/api/v2/alerts"))
                .withRequestBody(matchingJsonPath("$[0].generatorURL", absent())));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // trailing slash
            "http://am:9093/,        http://am:9093/api/v2/alerts",
            // none
            "http://am:9093,         http://am:9093/api/v2/alerts",
            // Alertmanager behind a path prefix (--web.route-prefix)
            "https://ops.example/am, https://ops.example/am/api/v2/alerts",
    })
    void buildsAlertsUrlFromBase(URI base, String expected) {
        assertThat(new AlertmanagerConfig(base, Duration.ofMinutes(5), Duration.ofSeconds(5)).alertsUrl())
                .hasToString(expected);
    }

    @ParameterizedTest(name = "bad {0}")
    @CsvSource(nullValues = "-", value = {
            // relative URL
            "baseUrl,       /am,            PT5M, PT5S",
            // missing URL
            "baseUrl,       -,              PT5M, PT5S",
            // an alert that expires at once never fires
            "firingHorizon, http://am:9093, PT0S, PT5S",
            // negative timeout
            "timeout,       http://am:9093, PT5M, PT-1S",
    })
    void rejectsBadConfigNamingTheField(String field, URI url, Duration horizon, Duration timeout) {
        assertThatThrownBy(() -> new AlertmanagerConfig(url, horizon, timeout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }
}
