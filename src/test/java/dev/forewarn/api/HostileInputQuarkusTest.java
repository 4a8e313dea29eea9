package dev.forewarn.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.testing.Api;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.OversizedBody;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes a body, fed garbage: malformed JSON, wrong types, absurd values, deep nesting and
 * oversized bodies. Nothing may answer 5xx, and nothing invalid may be stored.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class HostileInputQuarkusTest {
    private static final String[] ENDPOINTS = {
        "PUT /api/customers/fuzz", "POST /api/maintenance", "POST /api/probes", "POST /api/oncall/overrides",
        "POST /api/tickets/events", "POST /api/pagerduty/webhook", "POST /api/pages/1/ack", "POST /api/pages/1/resolve",
    };

    private static final String NOISE = "{}[],:\"\\0-9eE.nul\u0000\u00e9";

    @Inject
    MutableClock clock;

    @BeforeEach
    void empty() {
        dev.forewarn.testing.Api.asAdmin();
        Db.wipe();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void garbageNeverCausesAServerErrorNorStoresAnything() {
        Random random = new Random(20261122);
        List<String> bodies = new ArrayList<>(List.of("", "null", "[]", "{}", "{", "}", "\"text\"", "42", "-1e999",
                "{\"name\": null}", "{\"readings\": [null, 1, \"x\"]}", "{\"tickets\": {}}",
                "{\"regionId\": \"eu-central\", \"startsAt\": \"tomorrow\", \"endsAt\": 5}",
                "{\"emails\": [\"a@b.c\"], \"regions\": [\"eu-central\"], \"language\": \"en\", \"timeZone\": \"+99:00\"}",
                "{\"agent\": \"x\", \"readings\": [{\"region\": \"me-central\", \"node\": \"dxb-1\", \"at\": "
                        + "\"9999-12-31T23:59:59Z\", \"reachable\": true, \"rttMs\": 1e308}]}",
                "[".repeat(5000) + "]".repeat(5000),
                "{\"name\": \"" + "x".repeat(100_000) + "\"}"));
        String seed = "{\"name\": \"Acme\", \"emails\": [\"noc@acme.example\"], \"language\": \"en\", "
                + "\"timeZone\": \"Europe/Berlin\", \"regions\": [\"eu-central\"], \"readings\": [], \"tickets\": []}";
        for (int i = 0; i < 60; i++) {
            bodies.add(mutate(seed, random));
        }
        for (String endpoint : ENDPOINTS) {
            String[] parts = endpoint.split(" ", 2);
            for (String body : bodies) {
                int status = given().contentType("application/json").body(body)
                        .request(parts[0], parts[1]).then().extract().statusCode();
                assertThat(status).as("%s with body %.80s", endpoint, body).isBetween(200, 499);
            }
        }
        assertThat(Db.count("SELECT count(*) FROM customer WHERE name <> 'Acme'"))
                .as("nothing but a valid customer may be stored").isZero();
        assertThat(Db.count("SELECT count(*) FROM maintenance_window")).isZero();
        assertThat(Db.count("SELECT count(*) FROM oncall_override")).isZero();
        assertThat(Db.count("SELECT count(*) FROM ticket")).isZero();
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** A body announced larger than the limit is answered 413 from its headers alone (see {@link OversizedBody}). */
    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        assertThat(OversizedBody.statusLine(RestAssured.port, Api.ADMIN)).startsWith("HTTP/1.1 413");
        given().get("/q/health/ready").then().statusCode(200);
    }

    private static String mutate(String s, Random random) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + random.nextInt(6);
        for (int e = 0; e < edits && b.length() > 0; e++) {
            int at = random.nextInt(b.length());
            switch (random.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, NOISE.charAt(random.nextInt(NOISE.length())));
                case 2 -> b.setCharAt(at, (char) (32 + random.nextInt(95)));
                default -> b.insert(at, b.substring(at, Math.min(b.length(), at + random.nextInt(30))));
            }
        }
        return b.toString();
    }
}
