package dev.forewarn.notify.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.forewarn.testing.Api;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A customer's own system receives each warning and all-clear once, signed, with the evidence figures. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class CustomerWebhookQuarkusTest {
    private static final String SECRET = "acme-webhook-secret-0123456789";

    TestPeers.Peers peers;

    @Inject
    Scenario scenario;
    @Inject
    MutableClock clock;

    @BeforeEach
    void customerWithAWebhook() throws Exception {
        Api.asAdmin();
        scenario.reset();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        Scenario.customer("acme", "en", "Europe/Berlin", "eu-central");
        given().contentType("application/json")
                .body(Map.of("url", peers.http().baseUrl() + "/hooks/acme", "secret", SECRET))
                .put("/api/customers/acme/webhook").then().statusCode(204);
    }

    @Test
    void aSignedWarningAndAllClearArriveExactlyOnceEvenWhenTheFirstTryFails() throws Exception {
        peers.http().stubFor(post(urlEqualTo("/hooks/acme")).inScenario("flaky").whenScenarioStateIs("Started")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        peers.http().stubFor(post(urlEqualTo("/hooks/acme")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(204)));
        Fleet fleet = new Fleet(peers.http()).healthy("eu-central").healthy("ap-east");
        scenario.runFor(Duration.ofMinutes(2));
        fleet.degraded("eu-central");
        scenario.runFor(Duration.ofMinutes(4));
        fleet.healthy("eu-central");
        scenario.runFor(Duration.ofMinutes(6));

        List<LoggedRequest> posts = peers.http().findAll(postRequestedFor(urlEqualTo("/hooks/acme")));
        assertThat(posts).as("one failed try, then the warning and the all-clear").hasSize(3);
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> delivered = posts.subList(1, 3).stream().map(r -> {
            String body = new String(r.getBody(), StandardCharsets.UTF_8);
            String timestamp = r.getHeader("X-Forewarn-Timestamp");
            assertThat(r.getHeader("X-Forewarn-Signature")).as("a receiver can verify the signature")
                    .isEqualTo("sha256=" + Hmac.hex(SECRET, timestamp + "." + body));
            try {
                return json.readTree(body);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(delivered).extracting(n -> n.get("kind").asText()).containsExactly("warning", "all-clear");
        JsonNode warning = delivered.get(0);
        assertThat(warning.get("schema").asText()).isEqualTo("forewarn.notice/v1");
        assertThat(warning.at("/region/id").asText()).isEqualTo("eu-central");
        assertThat(warning.get("state").asText()).isIn("DEGRADED", "OUTAGE");
        assertThat(warning.at("/evidence/median_mos").asDouble()).isBetween(1.0, 4.5);
        assertThat(warning.get("since").asText()).isNotBlank();
        assertThat(posts.get(0).getBody()).as("the retry is the same notice").isEqualTo(posts.get(1).getBody());
        assertThat(Scenario.subjectsByRecipient(peers.smtp()).get("acme@customers.example"))
                .as("the emails go out as before").hasSize(2);
    }

    @Test
    void theSchemaIsInTheOpenApiDocument() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("webhooks.customerNotice.post.requestBody.content.'application/json'.schema.'$ref'",
                        org.hamcrest.Matchers.equalTo("#/components/schemas/CustomerNoticeV1"))
                .body("components.schemas.CustomerNoticeV1.properties.schema.const",
                        org.hamcrest.Matchers.equalTo("forewarn.notice/v1"));
    }
}
