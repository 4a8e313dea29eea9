package dev.forewarn.status;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import dev.forewarn.testing.Api;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer follows the links of a real notice read from GreenMail: its status page, its preferences, and the
 * RFC 8058 one-click unsubscribe of one address — and the next fan-out honours it.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class CustomerUnsubscribesFromANoticeQuarkusTest {
    private static final String OPS = "ops@acme.example";
    private static final String CTO = "cto@acme.example";

    TestPeers.Peers peers;

    @Inject
    Scenario scenario;
    @Inject
    MutableClock clock;

    Fleet fleet;

    @BeforeEach
    void fleet() throws Exception {
        Api.asAdmin();
        scenario.reset();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        fleet = new Fleet(peers.http()).healthy("eu-central").healthy("ap-east");
        given().contentType("application/json").body(Map.of("name", "Acme Classes", "emails", List.of(OPS, CTO),
                "language", "en", "timeZone", "Europe/Berlin", "regions", List.of("eu-central")))
                .put("/api/customers/acme").then().statusCode(200);
        Scenario.customer("jiankang", "zh-CN", "Asia/Shanghai", "eu-central", "ap-east");
        scenario.runFor(Duration.ofMinutes(2));
    }

    @Test
    void aOneClickUnsubscribeFromANoticeStopsTheNextNoticeToThatAddressOnly() {
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        MimeMessage warning = Notices.to(peers.smtp(), OPS).get(0);
        assertThat(Notices.to(peers.smtp(), CTO)).as("each address gets its own email").hasSize(1);
        String unsubscribe = Notices.header(warning, "List-Unsubscribe");
        assertThat(unsubscribe).startsWith("<http").endsWith(">").contains("/status/acme/unsubscribe");
        assertThat(Notices.header(warning, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        List<String> links = Notices.links(warning);
        assertThat(links).hasSize(2);

        RestAssured.requestSpecification = null;
        given().get(Notices.local(links.get(0))).then().statusCode(200)
                .header("Referrer-Policy", "no-referrer")
                .body(containsString("Acme Classes")).body(containsString("Frankfurt"))
                .body(containsString("Degraded call quality")).body(containsString("Call quality degraded"))
                .body(containsString("Europe/Berlin"));
        given().get(Notices.local(links.get(1))).then().statusCode(200)
                .body(containsString("value=\"" + OPS + "\" checked"));

        String oneClick = Notices.local(unsubscribe.substring(1, unsubscribe.length() - 1));
        // The signed URL is already encoded; REST Assured must send it as it is.
        given().urlEncodingEnabled(false).contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click").post(oneClick).then().statusCode(200).body(containsString("receive no more notices"));
        given().get(Notices.local(links.get(1))).then().statusCode(200)
                .body(not(containsString("value=\"" + OPS + "\" checked")))
                .body(containsString("value=\"" + CTO + "\" checked"));

        fleet.healthy("eu-central");
        scenario.runFor(Duration.ofMinutes(4));

        assertThat(Notices.to(peers.smtp(), OPS)).as("the unsubscribed address hears nothing more").hasSize(1);
        assertThat(Notices.to(peers.smtp(), CTO)).extracting(Scenario::subject)
                .last().asString().contains("Resolved");

        Api.asAdmin();
        JsonPath audit = given().get("/api/customers/acme/audit").then().statusCode(200).extract().jsonPath();
        assertThat(audit.getList("actor")).containsExactly(OPS);
        assertThat(audit.getString("[0].via")).matches("unsubscribe link in notice #\\d+");
        assertThat(audit.getString("[0].change")).isEqualTo("opted out of address " + OPS);
        assertThat(audit.getString("[0].at")).isNotBlank();
    }

    @Test
    void aCustomerWhoOptedOutOfARegionIsNotWarnedAndTheApiSaysWhy() {
        String preferences = given().get("/api/customers/jiankang/status-link").then().statusCode(200)
                .extract().path("preferencesUrl");
        RestAssured.requestSpecification = null;
        given().contentType("application/x-www-form-urlencoded")
                .formParam("region", "ap-east").formParam("topic", "warnings").formParam("topic", "all-clears")
                .formParam("topic", "maintenance").formParam("address", "jiankang@customers.example")
                .redirects().follow(false)
                .post(Notices.local(preferences)).then().statusCode(303);
        given().get(Notices.local(preferences) + "?saved=1").then().statusCode(200)
                .body(containsString("设置已保存")).body(not(containsString("value=\"eu-central\" checked")));

        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        assertThat(Scenario.subjectsByRecipient(peers.smtp())).containsOnlyKeys(OPS, CTO);
        Api.asAdmin();
        given().get("/api/incidents/1").then().statusCode(200)
                .body("skipped.customerId", hasItem("jiankang"))
                .body("skipped.find { it.customerId == 'jiankang' }.reason", equalTo("REGION_OPTED_OUT"));
        given().get("/api/customers/jiankang/audit").then().statusCode(200)
                .body("[0].change", equalTo("opted out of region eu-central"))
                .body("[0].via", equalTo("preferences page"))
                .body("[0].actor", equalTo("holder of status link v1"));
    }

    @Test
    void aRevokedStatusLinkNoLongerOpensThePage() {
        String status = given().get("/api/customers/acme/status-link").then().statusCode(200)
                .extract().path("statusUrl");
        given().post("/api/customers/acme/status-link/revoke").then().statusCode(200).body("version", equalTo(2));

        RestAssured.requestSpecification = null;
        given().get(Notices.local(status)).then().statusCode(404);
        given().get(Notices.local(status).replace("/acme/", "/jiankang/")).then().statusCode(404);
        given().get("/api/customers/acme/status-link").then().statusCode(401);
    }
}
