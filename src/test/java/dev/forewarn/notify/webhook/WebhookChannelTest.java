package dev.forewarn.notify.webhook;

import dev.forewarn.security.HmacSigner;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.testing.TestHttp;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.Pages;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class WebhookChannelTest {

    private static final TestHttp HTTP = new TestHttp();
    private static final String SECRET = "webhook-secret-0123456789";
    /** Sending happens an hour after the page was decided, as an outbox retry would. */
    private static final Instant SENT = Pages.T0.plus(Duration.ofHours(1));
    private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static WebhookChannel channel;

    @BeforeAll
    static void start() {
        server.start();
        channel = new WebhookChannel(new WebhookConfig(URI.create("http://127.0.0.1:" + server.port() + "/hooks/page"),
                SECRET, Duration.ofSeconds(30)), HTTP.poster(),
                Clock.fixed(SENT, ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.stop();
        HTTP.close();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(post("/hooks/page").willReturn(aResponse().withStatus(204)));
    }

    @Test
    void triggerPostsTheDocumentedSchema() {
        DeliveryResult result = channel.deliver(Pages.urgent().build()).join();

        assertThat(result).isEqualTo(new DeliveryResult.Delivered());
        server.verify(postRequestedFor(urlEqualTo("/hooks/page")).withRequestBody(equalToJson("""
                {
                  "schema": "forewarn.page/v1",
                  "dedup_key": "ticket-4711/first-response/2026-03-10T10:15:00Z/L2",
                  "action": "trigger",
                  "summary": "P1 4711 first response due in 12m: Calls drop after 30 s",
                  "severity": "urgent",
                  "tier": "L2",
                  "team": "education",
                  "assignee": "cara",
                  "deadline": "first response",
                  "breach_at": "2026-03-10T10:12:00Z",
                  "at": "2026-03-10T10:00:00Z",
                  "tickets": [{"id": "4711", "subject": "Calls drop after 30 s", "customer": "Acme Tutoring",
                               "url": "https://support.example/tickets/4711"}],
                  "ack_url": "https://forewarn.example/ack/abc123",
                  "details": {"region": "eu-west"}
                }
                """)));
    }

    @ParameterizedTest(name = "{0} -> action {1}")
    @CsvSource({
            // the engineer acted
            "ACKNOWLEDGE, acknowledge",
            // the ticket got its response or resolution
            "RESOLVE,     resolve",
    })
    void otherActionsSendTheSameSchema(PageAction action, String expected) {
        channel.deliver(Pages.urgent().action(action).build()).join();

        server.verify(postRequestedFor(urlEqualTo("/hooks/page"))
                .withRequestBody(equalToJson("{\"action\": \"" + expected + "\", \"schema\": \"forewarn.page/v1\"}",
                        false, true)));
    }

    @ParameterizedTest
    @EnumSource(PageAction.class)
    void signatureVerifiesWithTheSharedSecret(PageAction action) {
        channel.deliver(Pages.urgent().action(action).build()).join();

        LoggedRequest request = server.findAll(postRequestedFor(urlEqualTo("/hooks/page"))).get(0);
        String timestamp = request.getHeader(HmacSigner.TIMESTAMP_HEADER);
        String signature = request.getHeader(HmacSigner.SIGNATURE_HEADER);
        assertThat(timestamp).isEqualTo(Long.toString(SENT.getEpochSecond()));
        assertThat(signature).isEqualTo("sha256="
                + Hmac.hex(SECRET, timestamp + "." + new String(request.getBody(), StandardCharsets.UTF_8)));
        assertThat(new HmacSigner(SECRET).verify(timestamp, request.getBody(), signature, SENT.plusSeconds(5),
                Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void sendsJsonContentType() {
        channel.deliver(Pages.urgent().build()).join();

        server.verify(postRequestedFor(urlEqualTo("/hooks/page"))
                .withHeader("Content-Type", equalTo("application/json")));
    }

    @ParameterizedTest(name = "bad {0}")
    @CsvSource(nullValues = "-", value = {
            // relative URL
            "url,     /hook,                 webhook-secret-0123456789, PT5S",
            // a placeholder secret
            "secret,  https://h.example/x,   changeme,                  PT5S",
            // no secret at all
            "secret,  https://h.example/x,   -,                         PT5S",
            // no timeout
            "timeout, https://h.example/x,   webhook-secret-0123456789, -",
    })
    void rejectsBadConfigNamingTheField(String field, URI url, String secret, Duration timeout) {
        assertThatThrownBy(() -> new WebhookConfig(url, secret, timeout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }

    @Test
    void hidesSecretInToString() {
        assertThat(new WebhookConfig(URI.create("https://h.example/x"), SECRET, Duration.ofSeconds(1)).toString())
                .doesNotContain(SECRET);
    }
}
