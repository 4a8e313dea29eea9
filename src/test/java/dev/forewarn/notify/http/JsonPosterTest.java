package dev.forewarn.notify.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import dev.forewarn.testing.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonPosterTest {

    private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static final TestHttp HTTP = new TestHttp();
    private static final JsonPoster poster = HTTP.poster();
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @BeforeAll
    static void start() {
        server.start();
        // warm the client up so the timeout case measures the peer, not class loading
        server.stubFor(post("/warm-up").willReturn(aResponse().withStatus(200)));
        poster.post(URI.create("http://127.0.0.1:" + server.port() + "/warm-up"), BODY, Map.of(),
                Duration.ofSeconds(5)).join();
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

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.port() + "/hook");
    }

    @Test
    void postsJsonWithExtraHeaders() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withBody("ok")));

        HttpOutcome outcome = poster.post(url(), BODY, Map.of("X-Extra", "yes"), Duration.ofSeconds(2)).join();

        assertThat(outcome).isEqualTo(new HttpOutcome.Response(200, "ok", Optional.empty()));
        server.verify(postRequestedFor(urlEqualTo("/hook"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("X-Extra", equalTo("yes"))
                .withRequestBody(equalToJson("{\"a\":1}")));
    }

    @Test
    void readsRetryAfterFromRateLimitedResponse() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "17")));

        HttpOutcome outcome = poster.post(url(), BODY, Map.of(), Duration.ofSeconds(2)).join();

        assertThat(outcome).isEqualTo(new HttpOutcome.Response(429, "", Optional.of(Duration.ofSeconds(17))));
    }

    @Test
    void reportsAnAnswerSlowerThanTheRequestTimeoutAsTimeout() {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(200).withFixedDelay(3000)));

        HttpOutcome outcome = poster.post(url(), BODY, Map.of(), Duration.ofMillis(300)).join();

        assertThat(outcome).isInstanceOf(HttpOutcome.Failure.class);
        assertThat(((HttpOutcome.Failure) outcome).kind()).isEqualTo(HttpOutcome.FailureKind.TIMEOUT);
    }

    @Test
    void reportsRefusedConnectionAsConnectFailure() throws IOException {
        HttpOutcome outcome = poster.post(URI.create("http://127.0.0.1:" + closedPort() + "/hook"), BODY, Map.of(),
                Duration.ofSeconds(2)).join();

        assertThat(outcome).isInstanceOf(HttpOutcome.Failure.class);
        assertThat(((HttpOutcome.Failure) outcome).kind()).isEqualTo(HttpOutcome.FailureKind.CONNECT);
    }

    @Test
    void reportsUnusableUriAsFailureInsteadOfThrowing() {
        HttpOutcome outcome = poster.post(URI.create("ftp://127.0.0.1/hook"), BODY, Map.of(), Duration.ofSeconds(1))
                .join();

        assertThat(outcome).isInstanceOf(HttpOutcome.Failure.class);
    }

    /** A port that was free a moment ago, so a connection to it is refused. */
    public static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
