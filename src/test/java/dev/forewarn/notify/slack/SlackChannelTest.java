package dev.forewarn.notify.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlackChannelTest {

    private static final TestHttp HTTP = new TestHttp();
    private static final String PATH = "/services/T000/B000/XXXX";
    private static final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
    private static SlackChannel channel;

    @BeforeAll
    static void start() {
        server.start();
        channel = new SlackChannel(new SlackConfig(URI.create("http://127.0.0.1:" + server.port() + PATH),
                Duration.ofSeconds(30)), HTTP.poster());
    }

    @AfterAll
    static void stop() {
        server.stop();
        HTTP.close();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(200).withBody("ok")));
    }

    @Test
    void triggerPostsReadableBlockKitMessage() {
        DeliveryResult result = channel.deliver(Pages.urgent().build()).join();

        assertThat(result).isEqualTo(new DeliveryResult.Delivered());
        server.verify(postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("""
                {
                  "text": "SLA at risk · L2 urgent first response: P1 4711 first response due in 12m: Calls drop after 30 s",
                  "blocks": [
                    {"type": "header", "text": {"type": "plain_text", "text": "SLA at risk · L2 urgent first response"}},
                    {"type": "section", "text": {"type": "mrkdwn",
                      "text": "*P1 4711 first response due in 12m: Calls drop after 30 s*"}},
                    {"type": "section", "fields": [
                      {"type": "mrkdwn", "text": "*Tier*\\nL2 · education"},
                      {"type": "mrkdwn", "text": "*Assignee*\\ncara"},
                      {"type": "mrkdwn", "text": "*Severity*\\nurgent"},
                      {"type": "mrkdwn", "text": "*Deadline*\\nfirst response"},
                      {"type": "mrkdwn", "text": "*Breach*\\nBreaches in 12m"},
                      {"type": "mrkdwn",
                       "text": "*Breach at*\\n<!date^1773137520^{date_short_pretty} {time}|2026-03-10T10:12:00Z>"}
                    ]},
                    {"type": "section", "text": {"type": "mrkdwn",
                      "text": "• <https://support.example/tickets/4711|4711 Calls drop after 30 s> — Acme Tutoring"}},
                    {"type": "actions", "elements": [{"type": "button", "url": "https://forewarn.example/ack/abc123",
                      "style": "primary", "text": {"type": "plain_text", "text": "Acknowledge"}}]}
                  ]
                }
                """)));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource({
            // the engineer took it
            "ACKNOWLEDGE, Acknowledged · L2 urgent first response",
            // the deadline was met
            "RESOLVE,     Resolved · L2 urgent first response",
    })
    void acknowledgeAndResolveSayWhatHappened(PageAction action, String header) {
        channel.deliver(Pages.urgent().action(action).build()).join();

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.blocks[0].text.text", equalTo(header))));
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            // who took it, instead of the trigger's "due in 12m" summary, and no button left to press
            "ACKNOWLEDGE | *Acknowledged by carol — escalation stopped for this deadline* | Breaches in 12m",
            // why it ended; the countdown no longer matters
            "RESOLVE     | *Resolved: first reply sent*                                    | no longer at risk",
    })
    void followUpsShowWhereThePageStandsNowNotTheTriggersSummary(PageAction action, String lead, String breach) {
        channel.deliver(Pages.urgent().action(action).detail("acknowledged_by", "carol")
                .detail("resolved_why", "first reply sent").build()).join();

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.blocks[1].text.text", equalTo(lead)))
                .withRequestBody(matchingJsonPath("$.blocks[2].fields[4].text", equalTo("*Breach*\n" + breach)))
                .withRequestBody(matchingJsonPath("$.blocks[4]", absent())));
    }

    @Test
    void unassignedPageWithoutAckUrlHasNoButtonAndSaysUnassigned() {
        channel.deliver(Pages.urgent().assignee(null).ackUrl(null).build()).join();

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.blocks[2].fields[1].text", equalTo("*Assignee*\n_unassigned_")))
                .withRequestBody(matchingJsonPath("$.blocks[4]", absent())));
    }

    @Test
    void customerTextCannotInjectLinksOrMentions() {
        channel.deliver(Pages.urgent().summary("<!channel> A&B <http://evil|click>")
                .tickets(List.of(new TicketRef("9", "<@U123>", "A&B", null))).build()).join();

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.blocks[1].text.text",
                        equalTo("*&lt;!channel&gt; A&amp;B &lt;http://evil|click&gt;*")))
                .withRequestBody(matchingJsonPath("$.blocks[3].text.text", equalTo("• 9 &lt;@U123&gt; — A&amp;B"))));
    }

    @Test
    void longTicketListStaysUnderSlackLimitWithoutCuttingALink() {
        List<TicketRef> many = IntStream.range(0, 200)
                .mapToObj(i -> new TicketRef("T" + i, "Video freezes in region eu-west", "Customer " + i,
                        "https://support.example/tickets/" + i))
                .collect(Collectors.toList());

        String list = SlackChannel.ticketList(Pages.urgent().tickets(many).build());

        assertThat(list.length()).isLessThanOrEqualTo(SlackChannel.MAX_SECTION_TEXT);
        assertThat(list).matches("(?s).*\n…and \\d+ more").doesNotContain("|Video freezes in region eu-west>…");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // well ahead
            "PT12M,     Breaches in 12m",
            // over an hour, minutes padded
            "PT1H5M,    Breaches in 1h 05m",
            // less than a minute left rounds down
            "PT59S,     Breaches in 0m",
            // already late: the page says so
            "PT-3M,     Breached 3m ago",
            // long overdue
            "PT-26H,    Breached 26h 00m ago",
    })
    void formatsTimeToBreach(Duration untilBreach, String expected) {
        assertThat(SlackChannel.timeToBreach(untilBreach)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "bad {0}")
    @CsvSource(nullValues = "-", value = {
            // relative URL
            "webhookUrl, /services/x,                  PT5S",
            // missing URL
            "webhookUrl, -,                            PT5S",
            // no timeout
            "timeout,    https://hooks.slack.com/x,    -",
    })
    void rejectsBadConfigNamingTheField(String field, URI url, Duration timeout) {
        assertThatThrownBy(() -> new SlackConfig(url, timeout))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(field);
    }

    @Test
    void hidesTokenPathInToString() {
        assertThat(new SlackConfig(URI.create("https://hooks.slack.com/services/T/B/SECRET"), Duration.ofSeconds(1))
                .toString()).doesNotContain("SECRET");
    }
}
