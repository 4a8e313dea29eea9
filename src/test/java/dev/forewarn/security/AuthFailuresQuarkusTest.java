package dev.forewarn.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.testing.Api;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wrong keys are counted by reason, and a client that keeps sending them is made to wait (429 with Retry-After)
 * — even with a right key — until its window is over; forged acknowledge links never reach a server error.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class AuthFailuresQuarkusTest {

    @Inject
    MutableClock clock;
    @Inject
    AuthFailures failures;

    @BeforeEach
    void fresh() {
        Db.wipe();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        failures.forgetClients();
        Api.as(null);
    }

    @AfterEach
    void restore() {
        failures.forgetClients();
        Api.asAdmin();
    }

    @Test
    void everyReasonIsCountedFromZero() {
        String metrics = given().get("/q/metrics").then().extract().asString();
        for (String reason : new String[] {"missing", "unknown_key", "forbidden", "throttled"}) {
            assertThat(metrics).contains("forewarn_api_auth_failures_total{reason=\"" + reason + "\"}");
        }
    }

    @Test
    void aClientThatKeepsSendingWrongKeysIsThrottledUntilItsWindowIsOver() {
        double before = metric("unknown_key");
        for (int i = 0; i < 20; i++) {
            given().header("Authorization", "Bearer wrong-key-" + i + "-0123456789abcdef").get("/api/regions")
                    .then().statusCode(401);
        }
        assertThat(metric("unknown_key") - before).isEqualTo(20.0);
        Response throttled = given().header("Authorization", "Bearer " + Api.VIEWER).get("/api/regions");
        assertThat(throttled.statusCode()).as("even a right key waits: the guessing must stop").isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(metric("throttled")).isGreaterThanOrEqualTo(1.0);

        clock.advance(Duration.ofSeconds(61));
        given().header("Authorization", "Bearer " + Api.VIEWER).get("/api/regions").then().statusCode(200);
    }

    @Test
    void forgedAcknowledgeLinksAndHugePageIdsAreRefusedNotServerErrors() {
        given().post("/api/pages/99999999999999999999999/ack").then().statusCode(401);
        given().post("/api/pages/1/ack?expires=9223372036854775807&token=x").then().statusCode(401);
        given().post("/api/pages/1/ack?expires=-9223372036854775808&token=x").then().statusCode(401);
        Api.asAdmin();
        int status = given().post("/api/pages/99999999999999999999999/ack").then().extract().statusCode();
        assertThat(status).isBetween(400, 499);
    }

    private static double metric(String reason) {
        String line = given().get("/q/metrics").then().extract().asString().lines()
                .filter(l -> l.startsWith("forewarn_api_auth_failures_total{reason=\"" + reason + "\"}"))
                .findFirst().orElse("x 0");
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
    }
}
