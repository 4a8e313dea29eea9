package dev.forewarn.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.security.AuthFailures;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Signatures;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint that takes input gets each class of hostile value in each of its fields, one field at a time
 * in an otherwise valid request: NUL and control characters (a CR/LF "Bcc:" among them), extreme numbers,
 * extreme dates, huge strings, wrong JSON types and invalid UTF-8. Nothing may answer 5xx, and nothing may be
 * stored.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class InputClassesFuzzQuarkusTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    /** Stands for invalid UTF-8: replaced by the bytes FF FE after the body is serialised. */
    private static final String BAD_UTF8 = "@@BADUTF8@@";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Object[] TEXTS = {"a\u0000b", "Acme\r\nBcc: victim@evil.example", "bell\u0007",
        "x".repeat(100_000), BAD_UTF8, 5, 1e308, true, List.of(), Map.of()};
    private static final Object[] INSTANTS = {"-999999999-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z",
        "1970-01-01T00:00:00Z", "tomorrow", "2026-03-02T08:00:00\u0000Z", 9223372036854775807L, -1e308, true,
        List.of(), BAD_UTF8};
    private static final Object[] NUMBERS = {"5", "", 1e308, -1e308, new java.math.BigInteger("99999999999999999999999"),
        true, "a\u0000b", List.of(), Map.of()};
    private static final Object[] LISTS = {"not a list", 5, List.of("a\u0000b@x.example"),
        java.util.Collections.nCopies(20_000, "eu-central"), List.of(BAD_UTF8), Map.of()};
    private static final String[] QUERY_VALUES = {"%00", "a%0D%0ABcc:%20x", "%FF%FE", "x".repeat(5000),
        "99999999999999999999999", "-9223372036854775809", "2147483647", "-999999999-01-01T00:00:00Z",
        "%2B999999999-12-31T23:59:59Z", "1e308"};

    @Inject
    MutableClock clock;
    @Inject
    AuthFailures authFailures;

    private int requests;

    @BeforeEach
    void fresh() {
        dev.forewarn.testing.Api.asAdmin();
        Db.wipe();
        clock.set(NOW);
        authFailures.forgetClients();
    }

    @Test
    void noClassOfHostileInputCausesAServerErrorOrIsStored() throws Exception {
        body("PUT", "/api/customers/fuzz", Map.of("name", "Acme", "emails", List.of("noc@acme.example"),
                "language", "en", "timeZone", "Europe/Berlin", "regions", List.of("eu-central")),
                Map.of("name", TEXTS, "emails", LISTS, "language", TEXTS, "timeZone", TEXTS, "regions", LISTS));
        body("POST", "/api/maintenance", Map.of("regionId", "eu-central", "startsAt", "2026-03-02T09:00:00Z",
                "endsAt", "2026-03-02T10:00:00Z", "reason", "router swap"),
                Map.of("regionId", TEXTS, "startsAt", INSTANTS, "endsAt", INSTANTS, "reason", TEXTS));
        body("POST", "/api/oncall/overrides", Map.of("tier", "L1", "team", "network", "participant", "frank",
                "startsAt", "2026-03-02T09:00:00Z", "endsAt", "2026-03-02T10:00:00Z", "reason", "cover"),
                Map.of("tier", TEXTS, "team", TEXTS, "participant", TEXTS, "startsAt", INSTANTS, "endsAt", INSTANTS,
                        "reason", TEXTS));
        Map<String, Object> reading = Map.of("region", "me-central", "node", "dxb-1", "at", "2026-03-02T07:59:50Z",
                "reachable", true, "rttMs", 20.0, "jitterMs", 2.0, "lossPercent", 0.0);
        body("POST", "/api/probes", Map.of("agent", "fuzz", "readings", List.of(reading)),
                Map.of("agent", TEXTS, "readings", LISTS));
        for (var field : Map.of("region", TEXTS, "node", TEXTS, "at", INSTANTS, "reachable", NUMBERS,
                "rttMs", NUMBERS, "jitterMs", NUMBERS, "lossPercent", NUMBERS).entrySet()) {
            for (Object hostile : field.getValue()) {
                Map<String, Object> bad = new java.util.HashMap<>(reading);
                bad.put(field.getKey(), hostile);
                send("POST", "/api/probes", bytes(Map.of("agent", "fuzz", "readings", List.of(bad))), null);
            }
        }
        Map<String, Object> ticket = Map.of("id", "T-1", "subject", "Calls drop", "severity", "urgent",
                "status", "open", "team", "network", "customerId", "acme", "createdAt", "2026-03-02T07:30:00Z",
                "updatedAt", "2026-03-02T07:30:00Z", "url", "https://help.example/T-1");
        // A whole number is a valid ticket id (tools built on a sequence send them), so not a hostile one.
        Object[] ids = java.util.Arrays.stream(TEXTS).filter(v -> !(v instanceof Integer)).toArray();
        // A subject may span lines (stored with spaces for the breaks), so a CR/LF in it is no attack either.
        Object[] subjects = java.util.Arrays.stream(TEXTS).filter(v -> !String.valueOf(v).contains("\r\n")).toArray();
        for (var field : Map.of("id", ids, "subject", subjects, "severity", TEXTS, "status", TEXTS, "team", TEXTS,
                "customerId", TEXTS, "createdAt", INSTANTS, "updatedAt", INSTANTS, "firstResponseAt", INSTANTS,
                "url", TEXTS).entrySet()) {
            for (Object hostile : field.getValue()) {
                Map<String, Object> bad = new java.util.HashMap<>(ticket);
                bad.put(field.getKey(), hostile);
                send("POST", "/api/tickets/events", bytes(Map.of("tickets", List.of(bad))), "ticket");
            }
        }
        // One ticket over the batch limit, well under the body limit: the whole body is read and refused with
        // 413 by the batch rule (a body over the body limit is HostileInputQuarkusTest's).
        assertThat(send("POST", "/api/tickets/events",
                bytes(Map.of("tickets", java.util.Collections.nCopies(1_001, ticket))), "ticket")).isEqualTo(413);
        for (Object hostile : TEXTS) {
            for (String field : new String[] {"title", "summary"}) {
                ObjectNode event = JSON.createObjectNode();
                ObjectNode e = event.putObject("event");
                e.put("event_type", "incident.acknowledged");
                e.putObject("agent").putPOJO("summary", field.equals("summary") ? hostile : "Alice");
                e.putObject("data").putPOJO("title", field.equals("title") ? hostile
                        : "[L1] x (Forewarn page #99999999999999999999)");
                send("POST", "/api/pagerduty/webhook", bytes(event), "pagerduty");
            }
        }
        for (String v : QUERY_VALUES) {
            for (String path : new String[] {"/api/customers?page=" + v, "/api/customers?size=" + v,
                "/api/customers/" + v, "/api/maintenance?region=" + v, "/api/oncall?at=" + v, "/api/oncall?team=" + v,
                "/api/oncall?tier=" + v, "/api/pages?ticket=" + v, "/api/pages?limit=" + v, "/api/pages/" + v,
                "/api/incidents?region=" + v, "/api/incidents?limit=" + v, "/api/incidents/" + v,
                "/api/regions/" + v}) {
                send("GET", path, null, null);
            }
            for (String path : new String[] {"/api/customers/" + v, "/api/maintenance/" + v,
                "/api/oncall/overrides/" + v}) {
                send("DELETE", path, null, null);
            }
            for (String path : new String[] {"/api/pages/" + v + "/ack", "/api/pages/1/ack?by=" + v,
                "/api/pages/1/ack?expires=" + v + "&token=x", "/api/pages/1/resolve?reason=" + v,
                "/api/pages/1/resolve?by=" + v}) {
                send("POST", path, null, null);
            }
        }
        send("GET", "/api/customers?page=2147483647&size=1000", null, null);

        assertThat(requests).isGreaterThan(500);
        assertThat(Db.count("SELECT count(*) FROM customer")).as("customers stored").isZero();
        assertThat(Db.count("SELECT count(*) FROM maintenance_window")).as("maintenance windows stored").isZero();
        assertThat(Db.count("SELECT count(*) FROM oncall_override")).as("overrides stored").isZero();
        assertThat(Db.count("SELECT count(*) FROM ticket")).as("tickets stored").isZero();
        assertThat(Db.count("SELECT count(*) FROM page_event")).as("audit entries stored").isZero();
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** The valid body, then one body per field and hostile value of that field's class. */
    private void body(String method, String path, Map<String, Object> valid, Map<String, Object[]> classes)
            throws Exception {
        for (var field : classes.entrySet()) {
            for (Object hostile : field.getValue()) {
                Map<String, Object> bad = new java.util.HashMap<>(valid);
                bad.put(field.getKey(), hostile);
                send(method, path, bytes(bad), null);
            }
        }
    }

    private int send(String method, String path, byte[] body, String signedFor) {
        var request = given().contentType("application/json");
        if (body != null) {
            request = request.body(body);
            if ("ticket".equals(signedFor)) {
                String ts = Long.toString(clock.instant().getEpochSecond());
                request = request.header("X-Forewarn-Timestamp", ts).header("X-Forewarn-Signature",
                        "sha256=" + Signatures.hmacHex("ticket-webhook-test-secret", (ts + ".").getBytes(StandardCharsets.UTF_8), body));
            } else if ("pagerduty".equals(signedFor)) {
                request = request.header("X-PagerDuty-Signature", "v1=" + Signatures.hmacHex("pagerduty-test-secret", body));
            }
        }
        int status = request.urlEncodingEnabled(false).request(method, path).then().extract().statusCode();
        requests++;
        assertThat(status).as("%s %.120s with %.200s", method, path,
                body == null ? "" : new String(body, StandardCharsets.UTF_8)).isBetween(200, 499);
        return status;
    }

    /** Serialises, then turns every BAD_UTF8 marker into bytes that are not UTF-8. */
    private static byte[] bytes(Object value) throws Exception {
        byte[] json = JSON.writeValueAsBytes(value);
        byte[] marker = BAD_UTF8.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
        for (int i = 0; i < json.length; i++) {
            if (i + marker.length <= json.length && java.util.Arrays.equals(json, i, i + marker.length, marker, 0,
                    marker.length)) {
                out.write(0xFF);
                out.write(0xFE);
                i += marker.length - 1;
            } else {
                out.write(json[i]);
            }
        }
        return out.toByteArray();
    }
}
