package dev.forewarn.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Signatures;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A captured signed request, re-sent with its signature written differently, is still a replay. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class WebhookReplayQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Inject
    MutableClock clock;

    @BeforeEach
    void fresh() {
        dev.forewarn.testing.Api.asAdmin();
        Db.wipe();
        clock.set(T0);
    }

    @Test
    void aTicketEventReplayedWithUpperOrMixedCaseHexIsRefused() {
        String body = """
                {"tickets": [{"id": "T-9", "subject": "Echo", "severity": "urgent", "status": "open",
                  "createdAt": "2026-03-02T07:59:00Z", "updatedAt": "2026-03-02T07:59:00Z"}]}""";
        String ts = Long.toString(T0.getEpochSecond());
        String hex = Signatures.hmacHex("ticket-webhook-test-secret", ts + "." + body);
        given().header("X-Forewarn-Timestamp", ts).header("X-Forewarn-Signature", "sha256=" + hex).body(body)
                .post("/api/tickets/events").then().statusCode(202);
        given().header("X-Forewarn-Timestamp", ts).header("X-Forewarn-Signature", "sha256=" + hex.toUpperCase(Locale.ROOT))
                .body(body).post("/api/tickets/events").then().statusCode(409);
        String mixed = hex.substring(0, 32).toUpperCase(Locale.ROOT) + hex.substring(32);
        given().header("X-Forewarn-Timestamp", " " + ts).header("X-Forewarn-Signature", " sha256=" + mixed + " ")
                .body(body).post("/api/tickets/events").then().statusCode(409);
    }

    @Test
    void aPagerDutyEventIsRememberedByWhatWasSignedEvenWithoutAnEventId() {
        String body = """
                {"event": {"event_type": "incident.acknowledged", "agent": {"summary": "Mallory"},
                  "data": {"title": "[L1] urgent ticket (Forewarn page #1)"}}}""";
        String hex = Signatures.hmacHex("pagerduty-test-secret", body);
        given().header("X-PagerDuty-Signature", "v1=" + hex).body(body).post("/api/pagerduty/webhook")
                .then().statusCode(204);
        given().header("X-PagerDuty-Signature", "v1=" + hex.toUpperCase(Locale.ROOT) + ", v1=00").body(body)
                .post("/api/pagerduty/webhook").then().statusCode(204);
        assertThat(Db.count("SELECT count(*) FROM webhook_replay WHERE fingerprint LIKE 'pagerduty:%'"))
                .as("one signed body, one memory, whatever the header looked like").isEqualTo(1);
    }
}
