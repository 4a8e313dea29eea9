package dev.forewarn.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.customer.CustomerInput;
import dev.forewarn.customer.CustomerService;
import dev.forewarn.probe.format.ProbeReport;
import dev.forewarn.probe.format.ProbeReportJson;
import dev.forewarn.testing.Signatures;
import dev.forewarn.ticket.json.TicketJsonMapping;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document a client generator or a person reads: every operation says what it does, every request and
 * response body has an example, the two HMAC-signed webhooks are not shown under the API-key schemes, and every
 * example request body is one the application accepts (read strictly into the real input class, or by the real
 * parser of the pushed formats, or posted signed).
 */
@QuarkusTest
class OpenApiDocumentQuarkusTest {
    private static final Set<String> VERBS = Set.of("get", "put", "post", "delete", "patch");
    private static final Set<String> WEBHOOKS = Set.of("POST /api/tickets/events", "POST /api/pagerduty/webhook");

    @Inject
    ObjectMapper appMapper;
    @Inject
    CustomerService customers;

    private JsonNode document;

    @BeforeEach
    void fetch() throws Exception {
        document = appMapper.readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract()
                .asString());
    }

    @Test
    void everyOperationSaysWhatItDoes() {
        List<String> silent = new ArrayList<>();
        operations().forEach((name, op) -> {
            if (op.path("summary").asText("").isBlank() && op.path("description").asText("").isBlank()) {
                silent.add(name);
            }
        });
        assertThat(operations()).as("the document lists the API").hasSizeGreaterThan(20);
        assertThat(silent).as("operations with neither summary nor description").isEmpty();
    }

    @Test
    void everyRequestAndResponseBodyHasAnExample() {
        List<String> missing = new ArrayList<>();
        operations().forEach((name, op) -> {
            op.path("requestBody").path("content").fields().forEachRemaining(media -> {
                if (example(media.getValue()).isEmpty()) {
                    missing.add(name + " request " + media.getKey());
                }
            });
            op.path("responses").fields().forEachRemaining(response -> {
                if (!response.getKey().matches("[24]\\d\\d")) {
                    return;
                }
                resolve(response.getValue()).path("content").fields().forEachRemaining(media -> {
                    if (example(media.getValue()).isEmpty()) {
                        missing.add(name + " response " + response.getKey() + " " + media.getKey());
                    }
                });
            });
        });
        assertThat(missing).as("bodies without an example").isEmpty();
    }

    @Test
    void theSignedWebhooksAreNotUnderTheApiKeySchemes() {
        JsonNode global = document.path("security");
        assertThat(global.toString()).contains("bearer").contains("apiKey");
        Map<String, String> signatureHeader = Map.of("POST /api/tickets/events", "X-Forewarn-Signature",
                "POST /api/pagerduty/webhook", "X-PagerDuty-Signature");
        for (String webhook : WEBHOOKS) {
            JsonNode security = operations().get(webhook).path("security");
            assertThat(security.isArray()).as(webhook + " declares its own security").isTrue();
            assertThat(security.toString()).as(webhook).doesNotContain("\"bearer\"").doesNotContain("\"apiKey\"");
            assertThat(security).as(webhook).hasSize(1);
            String scheme = security.get(0).fieldNames().next();
            JsonNode declared = document.path("components").path("securitySchemes").path(scheme);
            assertThat(declared.path("type").asText()).as(scheme).isEqualTo("apiKey");
            assertThat(declared.path("in").asText()).as(scheme).isEqualTo("header");
            assertThat(declared.path("name").asText()).as(scheme).isEqualTo(signatureHeader.get(webhook));
            assertThat(declared.path("description").asText()).as(scheme).contains("HMAC-SHA256");
        }
        operations().forEach((name, op) -> {
            if (!WEBHOOKS.contains(name)) {
                assertThat(op.has("security")).as(name + " stays under the API-key schemes").isFalse();
            }
        });
    }

    @Test
    void everyExampleRequestBodyIsAcceptedByTheApplication() throws Exception {
        // Field names and types exactly as the input class has them: an example with a stale field fails here.
        ObjectMapper strict = appMapper.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        Map<String, Class<?>> inputs = Map.of(
                "PUT /api/customers/{id}", CustomerInput.class,
                "PUT /api/customers/{id}/preferences", CustomerPreferencesResource.PreferencesView.class,
                "PUT /api/customers/{id}/webhook", CustomerPreferencesResource.WebhookInput.class,
                "POST /api/maintenance", Views.MaintenanceInput.class,
                "PUT /api/maintenance/{id}", Views.MaintenanceInput.class,
                "POST /api/oncall/overrides", OnCallResource.OverrideInput.class);
        List<String> withBody = new ArrayList<>();
        for (Map.Entry<String, JsonNode> op : operations().entrySet()) {
            String name = op.getKey();
            JsonNode media = op.getValue().path("requestBody").path("content").path("application/json");
            if (media.isMissingNode()) {
                continue;
            }
            withBody.add(name);
            String example = example(media).orElseThrow(() -> new AssertionError(name + " has no example"));
            switch (name) {
                case "POST /api/probes" -> {
                    assertThat(ProbeReportJson.parse(example, appMapper).readings()).as(name).isNotEmpty();
                    strict.readValue(example, ProbeReport.class);
                }
                case "POST /api/tickets/events" -> assertThat(TicketJsonMapping.validate(
                        TicketJsonMapping.parse(example, appMapper), "pushed", Instant.now()).rejected())
                        .as(name).isEmpty();
                case "POST /api/pagerduty/webhook" -> {
                    byte[] body = example.getBytes(StandardCharsets.UTF_8);
                    given().header("X-PagerDuty-Signature", "v1=" + Signatures.hmacHex("pagerduty-test-secret", body))
                            .contentType("application/json").body(body).post("/api/pagerduty/webhook")
                            .then().statusCode(org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.greaterThanOrEqualTo(200),
                                    org.hamcrest.Matchers.lessThan(300)));
                    assertThat(example).contains("Forewarn page #");
                }
                default -> {
                    Class<?> type = inputs.get(name);
                    assertThat(type).as(name + ": a request body this test does not know how to check").isNotNull();
                    Object value = strict.readValue(example, type);
                    if (value instanceof CustomerInput c) {
                        assertThat(customers.problems(c)).as(name).isEmpty();
                    }
                }
            }
        }
        assertThat(withBody).as("every body-taking operation was checked").containsAll(inputs.keySet())
                .containsAll(WEBHOOKS).contains("POST /api/probes");
    }

    /** Every operation as "VERB /path". */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> ops = new LinkedHashMap<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (VERBS.contains(op.getKey())) {
                ops.put(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
            }
        }));
        return ops;
    }

    /** The example of a media type, from the media type itself or from its schema (through $ref and array items). */
    private Optional<String> example(JsonNode media) {
        if (media.has("example")) {
            return Optional.of(text(media.get("example")));
        }
        if (media.path("examples").isObject() && media.path("examples").size() > 0) {
            JsonNode first = resolve(media.path("examples").elements().next());
            if (first.has("value")) {
                return Optional.of(text(first.get("value")));
            }
        }
        return schemaExample(media.path("schema"));
    }

    private Optional<String> schemaExample(JsonNode schemaRef) {
        JsonNode schema = resolve(schemaRef);
        if (schema.has("example")) {
            return Optional.of(text(schema.get("example")));
        }
        if (schema.path("examples").isArray() && schema.path("examples").size() > 0) {
            return Optional.of(text(schema.path("examples").get(0)));
        }
        if (schema.path("items").isObject()) {
            return schemaExample(schema.path("items")).map(item -> "[" + item + "]");
        }
        return Optional.empty();
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asText("");
        if (ref.isEmpty()) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.substring(2).split("/")) {
            target = target.path(part);
        }
        return resolve(target);
    }

    /** An example as JSON text: a string example is taken as the JSON text it holds. */
    private static String text(JsonNode example) {
        return example.isTextual() ? example.asText() : example.toString();
    }
}
