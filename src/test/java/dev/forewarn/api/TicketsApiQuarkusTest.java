package dev.forewarn.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.forewarn.escalation.SlaWatcher;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Seed;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tickets API answers for a ticket at every stage — on track, at risk, paused, breached, met — with both
 * clocks, the stage reached, its pages and its history, sorted by time to breach and paged with a cursor.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class TicketsApiQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofMinutes(20));

    @Inject
    MutableClock clock;
    @Inject
    SlaWatcher watcher;

    @BeforeEach
    void fiveUrgentTickets() {
        dev.forewarn.testing.Api.asAdmin();
        Db.wipe();
        // Urgent: first response 15 min, resolution 2 h. Seen at T0 + 20 min.
        Seed.urgentTicket("1", "Calls drop when muted", T0, null, null, "OPEN@0", "PENDING@4");
        Seed.urgentTicket("2", "Echo on Android 14", T0, null, null, "OPEN@10");
        Seed.urgentTicket("3", "No audio in Frankfurt", T0, null, null, "OPEN@0");
        Seed.urgentTicket("4", "Token expired", T0, T0.plus(Duration.ofMinutes(2)), T0.plus(Duration.ofMinutes(5)),
                "OPEN@0", "SOLVED@5");
        Seed.urgentTicket("5", "SDK crash on join", T0, null, null, "OPEN@18");
        clock.set(NOW);
        dev.forewarn.testing.Scenario.await(() -> watcher.evaluateDue());
    }

    @Test
    void eachTicketSaysWhereItStandsOnBothClocks() {
        given().get("/api/tickets/zendesk/1").then().statusCode(200)
                .body("state", equalTo("paused"))
                .body("firstResponse.paused", equalTo(true))
                .body("firstResponse.pausedSince", equalTo(T0.plus(Duration.ofMinutes(4)).toString()))
                .body("firstResponse.dueAt", nullValue())
                .body("firstResponse.remainingSeconds", equalTo(11 * 60))
                .body("history.status", equalTo(List.of("open", "pending")));
        given().get("/api/tickets/zendesk/2").then().statusCode(200)
                .body("state", equalTo("at-risk"))
                .body("firstResponse.state", equalTo("at-risk"))
                .body("firstResponse.targetSeconds", equalTo(15 * 60))
                .body("firstResponse.dueAt", equalTo(T0.plus(Duration.ofMinutes(25)).toString()))
                .body("firstResponse.remainingSeconds", equalTo(5 * 60))
                .body("firstResponse.stage", equalTo("half"))
                .body("firstResponse.stageTier", equalTo("L1"))
                .body("secondsToBreach", equalTo(5 * 60))
                .body("pages", hasSize(1)).body("pages[0].tier", equalTo("L1")).body("pages[0].status", equalTo("OPEN"));
        given().get("/api/tickets/zendesk/3").then().statusCode(200)
                .body("state", equalTo("breached"))
                .body("firstResponse.breached", equalTo(true))
                .body("firstResponse.remainingSeconds", equalTo(-5 * 60))
                .body("resolution.state", equalTo("on-track"))
                .body("pages.stage", equalTo(List.of("breach")));
        given().get("/api/tickets/zendesk/4").then().statusCode(200)
                .body("state", equalTo("met"))
                .body("firstResponse.met", equalTo(true))
                .body("firstResponse.metAt", equalTo(T0.plus(Duration.ofMinutes(2)).toString()))
                .body("resolution.metAt", equalTo(T0.plus(Duration.ofMinutes(5)).toString()))
                .body("resolution.remainingSeconds", nullValue());
        given().get("/api/tickets/zendesk/5").then().statusCode(200)
                .body("state", equalTo("on-track")).body("firstResponse.stage", nullValue());
        given().get("/api/tickets/zendesk/404").then().statusCode(404);
    }

    @Test
    void theListFiltersByStateAndSortsByTimeToBreach() {
        Response open = given().get("/api/tickets");
        open.then().statusCode(200).header("X-Total-Count", "4");
        assertThat(open.jsonPath().getList("id")).as("soonest breach first, paused last")
                .containsExactly("3", "2", "5", "1");
        assertThat(ids("state=at-risk")).containsExactly("2");
        assertThat(ids("state=breached")).containsExactly("3");
        assertThat(ids("state=paused")).containsExactly("1");
        assertThat(ids("state=all")).containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        assertThat(ids("severity=general")).isEmpty();
        assertThat(ids("team=network")).isEmpty();
        given().get("/api/tickets?state=late").then().statusCode(400).body("error", containsString("state"));
    }

    @Test
    void everyListPagesWithACursorAndATotal() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response r = given().queryParam("state", "all").queryParam("limit", 2)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor)).get("/api/tickets");
            r.then().statusCode(200).header("X-Total-Count", "5");
            seen.addAll(r.jsonPath().getList("id"));
            cursor = r.getHeader("X-Next-Cursor");
            if (cursor != null) {
                assertThat(r.getHeader("Link")).contains("cursor=" + cursor).contains("rel=\"next\"");
            }
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).containsExactly("3", "2", "5", "1", "4");

        given().get("/api/tickets?cursor=not-a-cursor").then().statusCode(400).body("error", containsString("cursor"));
        given().get("/api/tickets?limit=0").then().statusCode(400).body("error", containsString("limit"));
        given().get("/api/tickets?limit=1001").then().statusCode(400).body("error", containsString("limit"));

        Response first = given().get("/api/pages?limit=1");
        first.then().header("X-Total-Count", "2").body("", hasSize(1));
        given().get("/api/pages?limit=1&cursor=" + first.getHeader("X-Next-Cursor")).then()
                .header("X-Total-Count", "2").header("X-Next-Cursor", nullValue()).body("", hasSize(1))
                .body("[0].id", equalTo(first.jsonPath().getInt("[0].id") - 1));
        given().get("/api/incidents?limit=5").then().statusCode(200).header("X-Total-Count", "0");

        for (String id : List.of("c1", "c2", "c3")) {
            given().contentType("application/json").body(Map.of("name", id, "emails", List.of(id + "@x.example"),
                    "language", "en", "timeZone", "UTC", "regions", List.of("eu-central"))).put("/api/customers/" + id)
                    .then().statusCode(200);
        }
        Response customers = given().get("/api/customers?limit=2");
        customers.then().header("X-Total-Count", "3").body("id", equalTo(List.of("c1", "c2")));
        given().get("/api/customers?limit=2&cursor=" + customers.getHeader("X-Next-Cursor")).then()
                .body("id", equalTo(List.of("c3")));
        // the old page/size parameters still work
        given().get("/api/customers?page=1&size=2").then()
                .body("id", equalTo(List.of("c3")));
    }

    private static List<String> ids(String query) {
        return given().get("/api/tickets?" + query).then().statusCode(200).extract().jsonPath().getList("id");
    }
}
