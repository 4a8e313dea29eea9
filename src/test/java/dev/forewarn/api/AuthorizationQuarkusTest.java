package dev.forewarn.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.forewarn.security.AckLinks;
import dev.forewarn.testing.Api;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each role can do what it should and nothing more; signed acknowledge links work for their page only. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class AuthorizationQuarkusTest {

    @Inject
    MutableClock clock;
    @Inject
    AckLinks links;

    @BeforeEach
    void noDefaultKey() {
        Db.wipe();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        Api.as(null);
    }

    @AfterEach
    void restore() {
        Api.asAdmin();
    }

    static Stream<Arguments> matrix() {
        return Stream.of(
                // no key: nothing under /api
                Arguments.of(null, "GET", "/api/regions", 401),
                // a wrong key is no key
                Arguments.of("not-a-key-0123456789abcdef", "GET", "/api/regions", 401),
                // viewers read
                Arguments.of(Api.VIEWER, "GET", "/api/regions", 200),
                Arguments.of(Api.VIEWER, "GET", "/api/incidents", 200),
                Arguments.of(Api.VIEWER, "GET", "/api/customers", 200),
                Arguments.of(Api.VIEWER, "GET", "/api/pages", 200),
                // ... and change nothing
                Arguments.of(Api.VIEWER, "POST", "/api/pages/1/ack", 403),
                Arguments.of(Api.VIEWER, "POST", "/api/maintenance", 403),
                Arguments.of(Api.VIEWER, "POST", "/api/oncall/overrides", 403),
                Arguments.of(Api.VIEWER, "PUT", "/api/customers/acme", 403),
                Arguments.of(Api.VIEWER, "POST", "/api/probes", 403),
                // operators acknowledge, resolve, manage overrides and maintenance, push probes
                Arguments.of(Api.OPERATOR, "POST", "/api/pages/1/ack", 404),
                Arguments.of(Api.OPERATOR, "POST", "/api/pages/1/resolve", 404),
                Arguments.of(Api.OPERATOR, "POST", "/api/maintenance", 400),
                Arguments.of(Api.OPERATOR, "POST", "/api/oncall/overrides", 400),
                Arguments.of(Api.OPERATOR, "POST", "/api/probes", 400),
                // ... but do not manage customers
                Arguments.of(Api.OPERATOR, "PUT", "/api/customers/acme", 403),
                Arguments.of(Api.OPERATOR, "DELETE", "/api/customers/acme", 403),
                // admins manage customers
                Arguments.of(Api.ADMIN, "PUT", "/api/customers/acme", 400),
                Arguments.of(Api.ADMIN, "DELETE", "/api/customers/acme", 404),
                // health, metrics and OpenAPI stay open
                Arguments.of(null, "GET", "/q/health/ready", 200),
                Arguments.of(null, "GET", "/q/metrics", 200),
                Arguments.of(null, "GET", "/q/openapi", 200),
                // signed webhooks authenticate themselves: no key, but a bad signature is refused
                Arguments.of(null, "POST", "/api/tickets/events", 401),
                Arguments.of(null, "POST", "/api/pagerduty/webhook", 401));
    }

    @ParameterizedTest(name = "{1} {2} with {0} -> {3}")
    @MethodSource("matrix")
    void eachRoleCanDoWhatItShouldAndNothingMore(String key, String method, String path, int expected) {
        var request = given().contentType("application/json").body("{}");
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        request.request(method, path).then().statusCode(expected);
    }

    @Test
    void metricsAndHealthCarryNoCustomerData() {
        Api.asAdmin();
        given().contentType("application/json").body(java.util.Map.of("name", "Secret Corp",
                "emails", java.util.List.of("ceo@secret-corp.example"), "language", "en", "timeZone", "UTC",
                "regions", java.util.List.of("eu-central"))).put("/api/customers/secret-corp").then().statusCode(200);
        Api.as(null);
        String metrics = given().get("/q/metrics").then().extract().asString();
        String health = given().get("/q/health").then().extract().asString();
        assertThat(metrics + health).doesNotContain("secret-corp").doesNotContain("Secret Corp");
    }

    @Test
    void aSignedAcknowledgeLinkWorksForItsPageOnlyAndOnlyUntilItExpires() {
        Db.exec("INSERT INTO ticket (source, id, subject, severity, status, team, created_at, updated_at, first_seen_at) "
                + "VALUES ('zendesk', '1', 's', 'URGENT', 'OPEN', 'default', now(), now(), now())");
        Db.exec("INSERT INTO page (source, ticket_id, deadline, stage, tier, routed_tier, team, status, dedup_key, why, "
                + "paged_at) VALUES ('zendesk', '1', 'FIRST_RESPONSE', 'half', 'L1', 'L1', 'default', 'OPEN', 'k1', 'w', now())");
        long page = Db.count("SELECT id FROM page");
        String url = links.ackUrl(page);
        String query = url.substring(url.indexOf('?'));

        given().post("/api/pages/" + (page + 1) + "/ack" + query).then().statusCode(401);
        given().post("/api/pages/" + page + "/ack" + query.replace("token=", "token=x")).then().statusCode(401);
        clock.advance(Duration.ofHours(25));
        given().post("/api/pages/" + page + "/ack" + query).then().statusCode(401);
        clock.advance(Duration.ofHours(-25));
        given().post("/api/pages/" + page + "/ack" + query).then().statusCode(200);
        Api.asAdmin();
        given().get("/api/pages/" + page).then().body("page.acknowledgedBy", equalTo("ack-link"));
    }
}
