package dev.forewarn.ticket;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import dev.forewarn.escalation.SlaWatcher;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Signatures;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One poisoned ticket — an absurd date pushed by anyone holding the webhook secret, or a row stored before dates
 * were checked — must never silence paging for every other ticket; and an older state never overwrites a newer.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class OneBadTicketNeverStopsTheWatchQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Inject
    MutableClock clock;
    @Inject
    SlaWatcher watcher;

    @BeforeEach
    void fresh() {
        dev.forewarn.testing.Api.asAdmin();
        Db.wipe();
        clock.set(T0);
    }

    @Test
    void aPoisonedTicketIsRefusedAtTheDoorAndANewUrgentTicketStillGetsItsPage() {
        push(ticket("POISON", "urgent", "open", "-999999999-01-01T00:00:00Z", "2026-03-02T07:00:00Z"))
                .statusCode(400).body("rejected.field", hasItem("createdAt"));
        push(ticket("FAR", "urgent", "open", "2026-03-02T07:00:00Z", "+999999999-12-31T23:59:59Z"))
                .statusCode(400).body("rejected.field", hasItem("updatedAt"));
        assertThat(Db.count("SELECT count(*) FROM ticket")).as("nothing absurd is stored").isZero();

        // A row stored by a version that did not check dates: it must not stop the watch for the others.
        Db.exec("INSERT INTO ticket (source, id, subject, severity, status, team, created_at, updated_at, first_seen_at, "
                + "next_check_at) VALUES ('pushed', 'OLD-POISON', 's', 'URGENT', 'OPEN', 'default', '-infinity', "
                + "'infinity', now(), '2000-01-01')");
        Db.exec("INSERT INTO ticket_change (source, ticket_id, seq, at, status, severity) "
                + "VALUES ('pushed', 'OLD-POISON', 1, '-infinity', 'OPEN', 'URGENT')");

        push(ticket("FRESH", "urgent", "open", T0.minus(Duration.ofMinutes(30)).toString(),
                T0.minus(Duration.ofMinutes(30)).toString())).statusCode(202);
        Scenario.await(() -> watcher.evaluateDue());

        assertThat(Db.count("SELECT count(*) FROM page WHERE ticket_id = 'FRESH'"))
                .as("the urgent ticket created 30 minutes ago is paged").isPositive();
        assertThat(Db.count("SELECT count(*) FROM page WHERE ticket_id = 'OLD-POISON'")).isZero();
    }

    @Test
    void anOlderStateNeverPutsASolvedTicketBackToOpen() {
        push(ticket("T-7", "urgent", "solved", "2026-03-02T07:00:00Z", "2026-03-02T07:40:00Z")).statusCode(202);
        clock.advance(Duration.ofSeconds(1));
        // The same ticket as it was before it was solved, arriving late (or replayed with a fresh signature).
        push(ticket("T-7", "urgent", "open", "2026-03-02T07:00:00Z", "2026-03-02T07:10:00Z")).statusCode(202);

        assertThat(Db.count("SELECT count(*) FROM ticket WHERE id = 'T-7' AND status = 'SOLVED' "
                + "AND updated_at = '2026-03-02T07:40:00Z'")).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM ticket_change WHERE ticket_id = 'T-7' AND status = 'OPEN'"))
                .as("no history entry claims it reopened").isZero();
    }

    private static String ticket(String id, String severity, String status, String created, String updated) {
        return """
                {"tickets": [{"id": "%s", "subject": "Calls drop", "severity": "%s", "status": "%s",
                  "customerId": "acme", "createdAt": "%s", "updatedAt": "%s"}]}""".formatted(id, severity, status,
                created, updated);
    }

    private ValidatableResponse push(String body) {
        String ts = Long.toString(clock.instant().getEpochSecond());
        return given().header("X-Forewarn-Timestamp", ts)
                .header("X-Forewarn-Signature", "sha256=" + Signatures.hmacHex("ticket-webhook-test-secret", ts + "." + body))
                .body(body)
                .post("/api/tickets/events").then();
    }
}
