package dev.forewarn.console;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.notify.page.PageOutbox;
import dev.forewarn.escalation.SlaWatcher;
import dev.forewarn.testing.Api;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.Seed;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The console and the acknowledge links in a real browser (headless Debian Chromium): what an on-call engineer
 * sees, and that pressing Acknowledge changes the page — in PostgreSQL and on the pager. Screenshots are saved
 * under target/screenshots.
 */
@QuarkusTest
@TestProfile(ConsoleInABrowserQuarkusTest.WithSlack.class)
@WithTestResource(TestPeers.class)
class ConsoleInABrowserQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String PUBLIC_URL = "http://forewarn.test";

    /** The %test profile plus a Slack channel on the L1 route, so every kind of link is sent. */
    public static class WithSlack implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("forewarn.paging.channels.chat.type", "slack",
                    "forewarn.paging.channels.chat.url", "${forewarn.tickets.sources.zendesk.url}/slack/hook",
                    "forewarn.paging.routes[0].channels[2]", "chat");
        }
    }

    TestPeers.Peers peers;

    @TestHTTPResource("/")
    URL base;
    @Inject
    MutableClock clock;
    @Inject
    SlaWatcher watcher;
    @Inject
    PageOutbox outbox;

    private Browser browser;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void aFreshStartAndABrowser() throws Exception {
        Api.asAdmin();
        Db.wipe();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        peers.http().stubFor(post(urlPathEqualTo("/v2/enqueue")).willReturn(aResponse().withStatus(202)
                .withHeader("Content-Type", "application/json").withBody("{\"status\":\"success\"}")));
        peers.http().stubFor(post(urlPathEqualTo("/slack/hook")).willReturn(aResponse().withStatus(200).withBody("ok")));
        clock.set(T0);
        browser = new Browser();
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anOperatorSignsInSeesWhatIsGoingOnAndAcknowledgesFromNow() {
        Seed.degradedRegion("eu-central", T0, "median MOS 3.41 below 3.6");
        Db.exec("INSERT INTO incident (region_id, status, state, worst_state, opened_at, updated_at, evidence) VALUES "
                + "('eu-central', 'OPEN', 'DEGRADED', 'DEGRADED', '" + T0 + "', '" + T0 + "', '{}')");
        Seed.urgentTicket("9100", "No audio after joining a room", T0, null, null, "OPEN@0");
        page(T0.plus(Duration.ofMinutes(8)));

        browser.open(base + "console");
        browser.find("#key").sendKeys("not-a-key-at-all-0123456789");
        browser.click("#sign-in");
        assertThat(browser.text("#login-error")).contains("not a valid API key");
        browser.find("#key").sendKeys(Api.OPERATOR);
        browser.click("#sign-in");

        browser.waitForText("h1", "Now");
        assertThat(browser.text("#regions")).contains("Frankfurt").contains("DEGRADED").contains("median MOS 3.41")
                .contains("1 of 4");
        assertThat(browser.text("#incidents")).contains("eu-central");
        assertThat(browser.text("#tickets")).contains("zendesk/9100").contains("No audio after joining a room")
                .contains("at-risk").contains("in 7m");
        assertThat(browser.text("#pages")).contains("zendesk/9100").contains("L1").contains("OPEN");
        assertThat(browser.text("#oncall")).contains("L1").contains("L2").contains("carol").contains("L3")
                .contains("dave");
        browser.screenshot("now");

        // Times follow the viewer's zone: 08:15 UTC is 17:15 in Tokyo.
        new org.openqa.selenium.support.ui.Select(browser.find("select[name=tz]")).selectByValue("Asia/Tokyo");
        browser.click("header form button");
        browser.waitForText("#tickets", "17:15");

        browser.click("#pages button");
        browser.waitForText("#result", "Acknowledged");
        assertThat(browser.text("#page-state")).isEqualTo("acknowledged");
        assertThat(browser.page()).contains("by test-operator at Mon 2 Mar 17:08 JST");
        browser.screenshot("acknowledged-from-now");
        assertThat(Db.count("SELECT count(*) FROM page WHERE status = 'ACKNOWLEDGED' AND acknowledged_by = "
                + "'test-operator'")).isEqualTo(1);

        Scenario.await(() -> outbox.drainAll());
        assertThat(peers.http().findAll(postRequestedFor(urlPathEqualTo("/v2/enqueue"))
                .withRequestBody(matchingJsonPath("$.event_action", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("acknowledge"))))).hasSize(1);
        assertThat(slackBodies()).anySatisfy(body -> assertThat(body)
                .contains("Acknowledged by test-operator — escalation stopped for this deadline"));

        browser.open(base + "console/tickets/zendesk/9100");
        assertThat(browser.text("#clocks")).contains("First response").contains("at-risk").contains("Resolution");
        assertThat(browser.page()).contains("ACKNOWLEDGED").contains("TRIGGERED");
        browser.screenshot("ticket");
        browser.open(base + "console/incidents/1");
        assertThat(browser.text("#timeline")).isNotNull();
        browser.open(base + "console/oncall");
        assertThat(browser.page()).contains("L1 · default").contains("alice").contains("bob");
        browser.screenshot("oncall");
    }

    @Test
    void eachKindOfLinkOpensThePageAndItsButtonAcknowledges() throws Exception {
        Seed.urgentTicket("9201", "Video freezes on iOS", T0, null, null, "OPEN@0");
        Seed.urgentTicket("9202", "Recording fails to start", T0, null, null, "OPEN@0");
        Seed.urgentTicket("9203", "Screen share is black", T0, null, null, "OPEN@0");
        page(T0.plus(Duration.ofMinutes(8)));
        long first = Db.count("SELECT min(id) FROM page");
        Map<String, String> links = new LinkedHashMap<>();
        links.put("pagerduty", pagerDutyLink(first));
        links.put("slack", slackLink(first + 1));
        links.put("email", emailLink(first + 2));

        long page = first;
        for (Map.Entry<String, String> link : links.entrySet()) {
            String url = link.getValue().replace(PUBLIC_URL, base.toString().replaceAll("/$", ""));
            browser.open(url);
            browser.waitForText("h1", "Acknowledge page #" + page);
            assertThat(browser.page()).contains("zendesk/92").contains("first response").contains("in 7m")
                    .contains("L1");
            assertThat(status(page)).as("opening a link changes nothing").isEqualTo("OPEN");
            // A second engineer opens the same link before the first one presses the button.
            String mine = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            browser.open(url);
            browser.find("#acknowledge");
            browser.driver.switchTo().window(mine);
            browser.screenshot("link-" + link.getKey());
            browser.click("#acknowledge");
            browser.waitForText("#result", "Acknowledged.");
            assertThat(status(page)).isEqualTo("ACKNOWLEDGED");
            assertThat(Db.count("SELECT count(*) FROM page_event WHERE page_id = " + page
                    + " AND kind = 'ACKNOWLEDGED' AND detail = 'via link'")).isEqualTo(1);

            for (String handle : browser.driver.getWindowHandles()) {
                if (!handle.equals(mine)) {
                    browser.driver.switchTo().window(handle);
                }
            }
            browser.click("#acknowledge");
            browser.waitForText("#result", "Already acknowledged — nothing changed.");
            assertThat(Db.count("SELECT count(*) FROM page_event WHERE page_id = " + page
                    + " AND kind = 'ACKNOWLEDGED'")).as("acting twice is harmless").isEqualTo(1);
            browser.driver.close();
            browser.driver.switchTo().window(mine);
            page++;
        }
        browser.screenshot("link-acknowledged");

        Scenario.await(() -> outbox.drainAll());
        assertThat(peers.http().findAll(postRequestedFor(urlPathEqualTo("/v2/enqueue"))
                .withRequestBody(matchingJsonPath("$.event_action", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("acknowledge"))))).hasSize(3);

        // A day later the link has expired: it says so and changes nothing.
        clock.set(T0.plus(Duration.ofHours(25)));
        browser.open(links.get("email").replace(PUBLIC_URL, base.toString().replaceAll("/$", "")));
        assertThat(browser.page()).contains("not valid or has expired");
        assertThat(browser.driver.findElements(By.id("acknowledge"))).isEmpty();
    }

    /** Runs the SLA watch at {@code at} and delivers what it decided. */
    private void page(Instant at) {
        clock.set(at);
        Scenario.await(() -> watcher.evaluateDue());
        Scenario.await(() -> outbox.drainAll());
    }

    private static String status(long page) {
        return Db.text("SELECT status FROM page WHERE id = " + page);
    }

    private String pagerDutyLink(long page) throws Exception {
        for (var r : peers.http().findAll(postRequestedFor(urlPathEqualTo("/v2/enqueue")))) {
            JsonNode event = json.readTree(r.getBodyAsString());
            if (event.path("payload").path("custom_details").path("page_id").asText().equals(Long.toString(page))) {
                assertThat(event.path("client_url").asText()).isEqualTo(event.path("links").get(0).path("href").asText());
                return event.path("links").get(0).path("href").asText();
            }
        }
        throw new AssertionError("no PagerDuty trigger for page #" + page);
    }

    private String slackLink(long page) throws Exception {
        for (String body : slackBodies()) {
            JsonNode message = json.readTree(body);
            if (message.path("text").asText().contains("(Forewarn page #" + page + ")")) {
                for (JsonNode block : message.path("blocks")) {
                    if (block.path("type").asText().equals("actions")) {
                        return block.path("elements").get(0).path("url").asText();
                    }
                }
            }
        }
        throw new AssertionError("no Slack message with a button for page #" + page);
    }

    private String emailLink(long page) throws Exception {
        for (MimeMessage m : peers.smtp().getReceivedMessages()) {
            String text = m.getContent().toString();
            if (text.contains("(Forewarn page #" + page + ")")) {
                assertThat(text).doesNotContain("POST ");
                Matcher link = Pattern.compile("Acknowledge \\(opens a page with the button\\): (\\S+)").matcher(text);
                assertThat(link.find()).isTrue();
                return link.group(1);
            }
        }
        throw new AssertionError("no email page for page #" + page);
    }

    private List<String> slackBodies() {
        return peers.http().findAll(postRequestedFor(urlPathEqualTo("/slack/hook"))).stream()
                .map(r -> r.getBodyAsString()).toList();
    }
}
