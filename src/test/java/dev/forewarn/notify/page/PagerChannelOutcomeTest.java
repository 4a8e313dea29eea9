package dev.forewarn.notify.page;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Named.named;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.alertmanager.AlertmanagerChannel;
import dev.forewarn.notify.alertmanager.AlertmanagerConfig;
import dev.forewarn.notify.http.HttpOutcome;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.testing.TestHttp;
import dev.forewarn.notify.pagerduty.PagerDutyChannel;
import dev.forewarn.notify.pagerduty.PagerDutyConfig;
import dev.forewarn.notify.slack.SlackChannel;
import dev.forewarn.notify.slack.SlackConfig;
import dev.forewarn.notify.webhook.WebhookChannel;
import dev.forewarn.notify.webhook.WebhookConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every channel maps every class of peer answer, and every missing answer, to the same DeliveryResult. */
class PagerChannelOutcomeTest {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final TestHttp HTTP = new TestHttp();
    private static final JsonPoster POSTER = HTTP.poster();

    @BeforeAll
    static void start() {
        server.start();
        // warm the shared client up so the timeout cases measure the peer, not class loading
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        POSTER.post(URI.create(base() + "/warm-up"), new byte[0], Map.of(), Duration.ofSeconds(5)).join();
    }

    @AfterAll
    static void stop() {
        server.stop();
        HTTP.close();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    /** The four channels with the short timeout, each pointed at {@code base}. */
    static Stream<Named<Function<String, PagerChannel>>> channels() {
        return channels(TIMEOUT);
    }

    private static Stream<Named<Function<String, PagerChannel>>> channels(Duration timeout) {
        return Stream.<Named<Function<String, PagerChannel>>>of(
                named("pagerduty", base -> new PagerDutyChannel(new PagerDutyConfig(
                        URI.create(base + "/v2/enqueue"), "key", timeout), POSTER)),
                named("alertmanager", base -> new AlertmanagerChannel(new AlertmanagerConfig(URI.create(base),
                        Duration.ofMinutes(15), timeout), POSTER)),
                named("webhook", base -> new WebhookChannel(new WebhookConfig(URI.create(base + "/hook"),
                        "0123456789abcdef", timeout), POSTER, Clock.systemUTC())),
                named("slack", base -> new SlackChannel(new SlackConfig(URI.create(base + "/services/x"), timeout),
                        POSTER)));
    }

    static Stream<Arguments> answers() {
        // a generous timeout here, so a cold JVM's first request is not mistaken for a slow peer
        return channels(Duration.ofSeconds(5)).flatMap(channel -> Stream.of(
                // PagerDuty's "event processed"
                Arguments.of(channel, 202, null, "Delivered", null),
                // Slack's "ok", Alertmanager's success
                Arguments.of(channel, 200, null, "Delivered", null),
                // malformed event: sending it again cannot help
                Arguments.of(channel, 400, null, "Permanent", "HTTP 400: {\"error\":\"x\"}"),
                // revoked webhook or wrong path
                Arguments.of(channel, 404, null, "Permanent", "HTTP 404: {\"error\":\"x\"}"),
                // rate limited: the wait the peer asked for survives into the reason
                Arguments.of(channel, 429, "30", "Retryable", "HTTP 429 rate limited"),
                // the peer's own failure
                Arguments.of(channel, 500, null, "Retryable", "HTTP 500: {\"error\":\"x\"}"),
                // overloaded or in maintenance
                Arguments.of(channel, 503, null, "Retryable", "HTTP 503: {\"error\":\"x\"}")));
    }

    @ParameterizedTest(name = "{0}: HTTP {1} -> {3}")
    @MethodSource("answers")
    void mapsPeerAnswer(Function<String, PagerChannel> channel, int status, String retryAfter, String kind,
            String reason) {
        ResponseDefinitionBuilder response = aResponse().withStatus(status).withBody("{\"error\":\"x\"}");
        if (retryAfter != null) {
            response.withHeader("Retry-After", retryAfter);
        }
        server.stubFor(any(anyUrl()).willReturn(response));

        DeliveryResult result = channel.apply(base()).deliver(Pages.urgent().build()).join();

        assertThat(result.getClass().getSimpleName()).isEqualTo(kind);
        if (result instanceof DeliveryResult.Retryable r) {
            assertThat(r.reason()).isEqualTo(reason);
            assertThat(r.retryAfter()).isEqualTo(Optional.ofNullable(retryAfter).map(s -> Duration.ofSeconds(Long.parseLong(s))));
        } else if (reason != null) {
            assertThat(result.toString()).isEqualTo(kind + "[reason=" + reason + "]");
        }
    }

    @ParameterizedTest(name = "{0}: answer slower than the timeout -> Retryable")
    @MethodSource("channels")
    void slowPeerIsRetryable(Function<String, PagerChannel> factory) {
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        PagerChannel channel = factory.apply(base());

        DeliveryResult result = channel.deliver(Pages.urgent().build()).join();

        assertThat(result).isInstanceOf(DeliveryResult.Retryable.class);
        assertThat(((DeliveryResult.Retryable) result).reason()).startsWith("timeout");
    }

    @ParameterizedTest(name = "{0}: nobody listening -> Retryable")
    @MethodSource("channels")
    void refusedConnectionIsRetryable(Function<String, PagerChannel> factory) throws IOException {
        PagerChannel channel = factory.apply("http://127.0.0.1:" + closedPort());

        DeliveryResult result = channel.deliver(Pages.urgent().build()).join();

        assertThat(result).isInstanceOf(DeliveryResult.Retryable.class);
        assertThat(((DeliveryResult.Retryable) result).reason()).startsWith("connect");
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
