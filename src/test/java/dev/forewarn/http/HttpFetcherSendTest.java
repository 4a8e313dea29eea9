package dev.forewarn.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link HttpFetcher#send}: the reply whatever its status, for pager channels and ticket APIs. */
class HttpFetcherSendTest {
    private static final Duration GENEROUS = Duration.ofSeconds(30);
    private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static Vertx vertx;
    private static HttpFetcher fetcher;

    @BeforeAll
    static void start() {
        server.start();
        vertx = Vertx.vertx();
        fetcher = new HttpFetcher(vertx, HttpSettings.DEFAULTS);
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        fetcher.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void postsTheBodyAndHeadersAndReturnsTheAnswer() throws Exception {
        server.stubFor(post("/hook").willReturn(aResponse().withStatus(201).withBody("created")));

        HttpReply reply = fetcher.send("POST", uri("/hook"), Map.of("X-Extra", "yes"),
                "{\"a\":1}".getBytes(StandardCharsets.UTF_8), GENEROUS, 1024).get(60, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body()).isEqualTo("created");
        assertThat(reply.truncated()).isFalse();
        server.verify(postRequestedFor(urlEqualTo("/hook")).withHeader("X-Extra", equalTo("yes"))
                .withRequestBody(equalTo("{\"a\":1}")));
    }

    @Test
    void anErrorStatusIsAReplyWithItsHeadersNotAFailure() throws Exception {
        server.stubFor(get("/limited").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "17")
                .withBody("slow down")));

        HttpReply reply = fetcher.send("GET", uri("/limited"), Map.of(), null, GENEROUS, 1024)
                .get(60, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(429);
        assertThat(reply.header("retry-after")).contains("17");
        assertThat(reply.header("Retry-After")).contains("17");
        assertThat(reply.body()).isEqualTo("slow down");
    }

    @Test
    void aBodyAboveTheLimitIsCutAndMarked() throws Exception {
        server.stubFor(get("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(100_000))));

        HttpReply reply = fetcher.send("GET", uri("/big"), Map.of(), null, GENEROUS, 1000).get(60, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.truncated()).isTrue();
        assertThat(reply.body()).hasSize(1000);
    }

    @Test
    void aRedirectIsReturnedNotFollowed() throws Exception {
        server.stubFor(post("/moved").willReturn(aResponse().withStatus(301).withHeader("Location", "/hook")));

        HttpReply reply = fetcher.send("POST", uri("/moved"), Map.of(), new byte[0], GENEROUS, 1024)
                .get(60, TimeUnit.SECONDS);

        assertThat(reply.status()).isEqualTo(301);
        assertThat(server.findAll(postRequestedFor(urlEqualTo("/hook")))).isEmpty();
    }

    @Test
    void anAnswerSlowerThanTheDeadlineIsATimeout() {
        server.stubFor(get("/slow").willReturn(aResponse().withStatus(200).withFixedDelay(5000)));

        Throwable thrown = catchThrowable(() -> fetcher.send("GET", uri("/slow"), Map.of(), null,
                Duration.ofMillis(300), 1024).get(60, TimeUnit.SECONDS));

        assertThat(thrown).isInstanceOf(ExecutionException.class).hasCauseInstanceOf(FetchException.class);
        assertThat(((FetchException) thrown.getCause()).kind()).isEqualTo(FetchException.Kind.TIMEOUT);
        assertThat(thrown.getCause()).hasMessageStartingWith("GET " + uri("/slow"));
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }
}
