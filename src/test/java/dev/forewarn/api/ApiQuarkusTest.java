package dev.forewarn.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API's contract: what it stores, what it refuses and how it says so. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class ApiQuarkusTest {

    @Inject
    MutableClock clock;

    @BeforeEach
    void empty() {
        dev.forewarn.testing.Api.asAdmin();
        Db.wipe();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void aCustomerIsStoredAndReadBack() {
        given().contentType("application/json").body(Map.of("name", "Acme", "emails", List.of("noc@acme.example"),
                        "language", "zh-CN", "timeZone", "Asia/Shanghai", "regions", List.of("eu-central", "ap-east")))
                .put("/api/customers/acme").then().statusCode(200).body("id", equalTo("acme"));
        given().get("/api/customers/acme").then().statusCode(200)
                .body("language", equalTo("zh-CN")).body("regions", hasItems("ap-east", "eu-central"));
        given().get("/api/customers").then().statusCode(200).body("", hasSize(1));
        given().delete("/api/customers/acme").then().statusCode(204);
        given().get("/api/customers/acme").then().statusCode(404).body("error", containsString("acme"));
    }

    @Test
    void anInvalidCustomerIsRefusedFieldByField() {
        given().contentType("application/json").body(Map.of("name", " ", "emails", List.of("not-an-address"),
                        "language", "fr", "timeZone", "Mars/Olympus", "regions", List.of("atlantis")))
                .put("/api/customers/bad").then().statusCode(400)
                .body("fields.field", hasItems("name", "emails[0]", "language", "timeZone", "regions[0]"))
                .body("fields.message", not(hasItem(containsString("not-an-address"))));
        given().contentType("application/json").body("{\"name\": [1,2")
                .put("/api/customers/bad").then().statusCode(400);
        given().get("/api/customers").then().body("", hasSize(0));
    }

    @Test
    void maintenanceWindowsAreValidated() {
        given().contentType("application/json").body(Map.of("regionId", "atlantis",
                        "startsAt", "2026-03-02T09:00:00Z", "endsAt", "2026-03-02T08:30:00Z", "reason", ""))
                .post("/api/maintenance").then().statusCode(400)
                .body("fields.field", hasItems("regionId", "endsAt", "reason"));
        int id = given().contentType("application/json").body(Map.of("regionId", "eu-central",
                        "startsAt", "2026-03-02T09:00:00Z", "endsAt", "2026-03-02T10:00:00Z", "reason", "upgrade"))
                .post("/api/maintenance").then().statusCode(201).extract().path("id");
        given().get("/api/maintenance?region=eu-central").then().body("", hasSize(1));
        given().delete("/api/maintenance/" + id).then().statusCode(204);
        given().get("/api/maintenance").then().body("", hasSize(0));
    }

    @Test
    void regionsAreListedEvenBeforeTheirFirstEvaluation() {
        given().get("/api/regions").then().statusCode(200)
                .body("id", hasItems("eu-central", "ap-east", "us-east", "sa-east", "me-central"))
                .body("find { it.id == 'eu-central' }.state", equalTo("UNKNOWN"));
        given().get("/api/regions/atlantis").then().statusCode(404);
    }

    @Test
    void incidentFiltersAreChecked() {
        given().get("/api/incidents?state=OPEN").then().statusCode(200).body("", hasSize(0));
        given().get("/api/incidents?state=sideways").then().statusCode(400).body("error", containsString("state"));
        given().get("/api/incidents/999").then().statusCode(404);
    }

    @Test
    void openApiHealthAndMetricsAreServed() {
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/incidents"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("forewarn_region_state"))
                .body(containsString("forewarn_notices_total"))
                .body(containsString("forewarn_outbox_backlog"))
                .body(containsString("forewarn_probe_poll_failures_total"));
    }
}
