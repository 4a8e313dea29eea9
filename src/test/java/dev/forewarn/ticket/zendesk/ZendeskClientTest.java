package dev.forewarn.ticket.zendesk;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.forewarn.testing.TestHttp;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ZendeskClientTest {

    private static final Instant START = Instant.parse("2026-03-01T00:00:00Z");
    private static final String TOKEN = "s3cr3t-api-token";
    private static WireMockServer server;
    private static final TestHttp HTTP = new TestHttp();

    private ZendeskClient client;

    @BeforeAll
    static void startServer() {
        server = new WireMockServer(wireMockConfig().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
        HTTP.close();
    }

    @BeforeEach
    void resetServer() {
        server.resetAll();
        client = clientWith(new ZendeskClientConfig.ApiToken("ops@acme.example", TOKEN), Duration.ofSeconds(10));
    }

    private static ZendeskClient clientWith(ZendeskClientConfig.Credentials credentials, Duration timeout) {
        ZendeskClientConfig config = new ZendeskClientConfig(
                URI.create("http://127.0.0.1:" + server.port() + "/"), timeout, credentials);
        ZendeskMapping mapping = new ZendeskMapping(ZendeskMappingConfig.defaults("zendesk"), new ObjectMapper());
        return new ZendeskClient(config, mapping, HTTP.fetcher());
    }

    private static void answer(ResponseDefinitionBuilder response) {
        server.stubFor(get(urlPathEqualTo(ZendeskClient.EXPORT_PATH)).willReturn(response));
    }

    @Test
    void firstCallUsesStartTimeThenTheCursor() {
        server.stubFor(get(urlPathEqualTo(ZendeskClient.EXPORT_PATH))
                .withQueryParam("start_time", equalTo(String.valueOf(START.getEpochSecond())))
                .withQueryParam("include", equalTo("metric_sets"))
                .willReturn(aResponse().withStatus(200)
                        .withBody(ZendeskMappingTest.fixture("zendesk/one-broken-ticket-page.json"))));
        server.stubFor(get(urlPathEqualTo(ZendeskClient.EXPORT_PATH))
                .withQueryParam("cursor", equalTo("NEXT"))
                .withQueryParam("include", equalTo("metric_sets"))
                .willReturn(aResponse().withStatus(200)
                        .withBody(ZendeskMappingTest.fixture("zendesk/two-tickets-page.json"))));

        PollOutcome first = client.fetch(null, START).join();
        assertThat(first).isInstanceOf(PollOutcome.Page.class);
        ZendeskPage page = ((PollOutcome.Page) first).page();
        assertThat(page.endOfStream()).isFalse();

        PollOutcome second = client.fetch(page.afterCursor(), START).join();
        assertThat(((PollOutcome.Page) second).page().tickets()).hasSize(2);
        assertThat(((PollOutcome.Page) second).page().endOfStream()).isTrue();

        server.verify(2, getRequestedFor(urlPathEqualTo(ZendeskClient.EXPORT_PATH))
                .withHeader("Authorization", equalTo("Basic b3BzQGFjbWUuZXhhbXBsZS90b2tlbjpzM2NyM3QtYXBpLXRva2Vu")));
        server.verify(1, getRequestedFor(urlPathEqualTo(ZendeskClient.EXPORT_PATH))
                .withQueryParam("cursor", equalTo("NEXT")).withoutQueryParam("start_time"));
    }

    @Test
    void sendsABearerTokenWhenConfigured() {
        answer(aResponse().withStatus(200).withBody("{\"tickets\":[],\"after_cursor\":\"c\",\"end_of_stream\":true}"));

        PollOutcome outcome = clientWith(new ZendeskClientConfig.Bearer("oauth-xyz"), Duration.ofSeconds(10))
                .fetch("c", START).join();

        assertThat(outcome).isEqualTo(new PollOutcome.Page(new ZendeskPage(
                java.util.List.of(), "c", true, java.util.List.of())));
        server.verify(getRequestedFor(urlPathEqualTo(ZendeskClient.EXPORT_PATH))
                .withHeader("Authorization", equalTo("Bearer oauth-xyz")));
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                // rate limited with the header Zendesk sends
                Arguments.of(aResponse().withStatus(429).withHeader("Retry-After", "93"),
                        new PollOutcome.RateLimited(Duration.ofSeconds(93))),
                // rate limited without a Retry-After header falls back to 60 s
                Arguments.of(aResponse().withStatus(429),
                        new PollOutcome.RateLimited(Duration.ofSeconds(60))),
                // server error is worth retrying
                Arguments.of(aResponse().withStatus(500).withBody("{\"error\":\"InternalError\"}"),
                        new PollOutcome.Failed("HTTP 500: {\"error\":\"InternalError\"}", true)),
                // bad gateway without a body
                Arguments.of(aResponse().withStatus(502),
                        new PollOutcome.Failed("HTTP 502", true)),
                // wrong credentials will not fix themselves
                Arguments.of(aResponse().withStatus(401).withBody("{\"error\":\"Couldn't authenticate you\"}"),
                        new PollOutcome.Failed("HTTP 401: {\"error\":\"Couldn't authenticate you\"}", false)),
                // missing permission
                Arguments.of(aResponse().withStatus(403), new PollOutcome.Failed("HTTP 403", false)),
                // wrong subdomain or path
                Arguments.of(aResponse().withStatus(404), new PollOutcome.Failed("HTTP 404", false)));
    }

    @ParameterizedTest(name = "[{index}] -> {1}")
    @MethodSource("failures")
    void reportsHttpFailuresAsValues(ResponseDefinitionBuilder response, PollOutcome expected) {
        answer(response);

        assertThat(client.fetch("c", START).join()).isEqualTo(expected);
    }

    @Test
    void garbageWithStatus200IsARetryableFailureNamingTheProblem() {
        answer(aResponse().withStatus(200).withBody("<html>maintenance</html>"));

        PollOutcome outcome = client.fetch("c", START).join();

        assertThat(outcome).isInstanceOf(PollOutcome.Failed.class);
        assertThat(((PollOutcome.Failed) outcome).reason()).startsWith("unreadable page: not JSON");
        assertThat(((PollOutcome.Failed) outcome).retryable()).isTrue();
        // counted and logged as what it is, not as an HTTP error
        assertThat(((PollOutcome.Failed) outcome).kind()).isEqualTo("malformed");
    }

    @Test
    void aPageLargerThanTheLimitIsAFailureNotAPageCutShort() {
        answer(aResponse().withStatus(200).withBody(ZendeskMappingTest.fixture("zendesk/two-tickets-page.json")));
        ZendeskClientConfig config = new ZendeskClientConfig(URI.create("http://127.0.0.1:" + server.port()),
                Duration.ofSeconds(10), new ZendeskClientConfig.Bearer("t"), 100);
        ZendeskClient small = new ZendeskClient(config,
                new ZendeskMapping(ZendeskMappingConfig.defaults("zendesk"), new ObjectMapper()), HTTP.fetcher());

        PollOutcome outcome = small.fetch("c", START).join();

        assertThat(outcome).isEqualTo(new PollOutcome.Failed("page larger than 100 bytes", true, "too_large"));
    }

    @Test
    void aSlowServerTimesOutAsARetryableFailure() {
        answer(aResponse().withStatus(200).withFixedDelay(1500).withBody("{}"));

        PollOutcome outcome = clientWith(new ZendeskClientConfig.Bearer("t"), Duration.ofMillis(200))
                .fetch("c", START).join();

        assertThat(outcome).isInstanceOf(PollOutcome.Failed.class);
        assertThat(((PollOutcome.Failed) outcome).reason()).startsWith("timed out");
        assertThat(((PollOutcome.Failed) outcome).retryable()).isTrue();
        assertThat(((PollOutcome.Failed) outcome).kind()).isEqualTo("timeout");
    }

    @Test
    void aClosedPortIsARetryableFailure() {
        ZendeskClientConfig config = new ZendeskClientConfig(URI.create("http://127.0.0.1:1"),
                Duration.ofSeconds(1), new ZendeskClientConfig.Bearer("t"));
        ZendeskClient unreachable = new ZendeskClient(config,
                new ZendeskMapping(ZendeskMappingConfig.defaults("zendesk"), new ObjectMapper()), HTTP.fetcher());

        PollOutcome outcome = unreachable.fetch(null, START).join();

        assertThat(outcome).isInstanceOf(PollOutcome.Failed.class);
        assertThat(((PollOutcome.Failed) outcome).retryable()).isTrue();
        assertThat(((PollOutcome.Failed) outcome).kind()).isEqualTo("connect");
    }

    @Test
    void theFirstReplyIsReadToTheSecondFromTheTicketsComments() {
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/9001/comments.json"))
                .withQueryParam("include", equalTo("users"))
                .willReturn(aResponse().withStatus(200).withBody("""
                        {"comments": [
                          {"id": 1, "author_id": 11, "public": true, "created_at": "2026-03-02T08:00:00Z"},
                          {"id": 2, "author_id": 22, "public": true, "created_at": "2026-03-02T08:14:59Z"}],
                         "users": [{"id": 11, "role": "end-user"}, {"id": 22, "role": "agent"}],
                         "next_page": null}""")));

        ZendeskClient.FirstReply reply = client.firstReply("9001", new ZendeskFirstReply(new ObjectMapper())).join();

        assertThat(reply.failure()).isNull();
        assertThat(reply.at()).contains(Instant.parse("2026-03-02T08:14:59Z"));
    }

    @Test
    void unreadableCommentsAreAMalformedFailureNotAReply() {
        server.stubFor(get(urlPathEqualTo("/api/v2/tickets/9001/comments.json"))
                .willReturn(aResponse().withStatus(200).withBody("<html>maintenance</html>")));

        ZendeskClient.FirstReply reply = client.firstReply("9001", new ZendeskFirstReply(new ObjectMapper())).join();

        assertThat(reply.at()).isEmpty();
        assertThat(reply.failure().kind()).isEqualTo("malformed");
    }

    @Test
    void credentialsNeverShowTheirSecretInText() {
        assertThat(new ZendeskClientConfig.ApiToken("ops@acme.example", TOKEN).toString()).doesNotContain(TOKEN);
        assertThat(new ZendeskClientConfig.Bearer(TOKEN).toString()).doesNotContain(TOKEN);
    }

    @ParameterizedTest(name = "Retry-After {0} -> {1} s")
    @CsvSource({
            // plain seconds
            "'7',  7",
            // surrounding blanks are tolerated
            "' 30 ', 30",
            // an HTTP-date is not what Zendesk sends; use the default
            "'Wed, 21 Oct 2026 07:28:00 GMT', 60",
            // negative makes no sense
            "'-5', 60",
    })
    void readsRetryAfterSeconds(String header, long seconds) {
        assertThat(ZendeskClient.retryAfter(Optional.of(header))).isEqualTo(Duration.ofSeconds(seconds));
    }
}
