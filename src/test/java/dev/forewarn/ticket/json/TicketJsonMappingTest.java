package dev.forewarn.ticket.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.ticket.TicketSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TicketJsonMappingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Instant CREATED = Instant.parse("2026-03-02T09:00:00Z");

    /** A valid ticket; each case changes one field. */
    private static TicketJson ticket(String field, String value) {
        return ticket("T-1", field, value);
    }

    private static TicketJson ticket(String id, String field, String value) {
        String subject = "Calls fail";
        String severity = "urgent";
        String status = "open";
        String team = "network-l1";
        Instant createdAt = CREATED;
        Instant updatedAt = CREATED.plusSeconds(60);
        Instant firstResponseAt = null;
        Instant solvedAt = null;
        Instant at = value != null && value.matches("\\d{4}-.*") ? Instant.parse(value) : null;
        switch (field) {
            case "id" -> id = value;
            case "severity" -> severity = value;
            case "status" -> status = value;
            case "createdAt" -> {
                createdAt = at;
                updatedAt = null;
            }
            case "updatedAt" -> updatedAt = at;
            case "firstResponseAt" -> firstResponseAt = at;
            case "solvedAt" -> solvedAt = at;
            case "none" -> { }
            default -> throw new IllegalArgumentException(field);
        }
        return new TicketJson(id, subject, severity, status, team, "cust-1", createdAt, updatedAt,
                firstResponseAt, solvedAt, null);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // missing id
            "id              | NULL                 | is missing",
            // blank id counts as missing
            "id              | '   '                | is missing",
            // id longer than 128 characters
            "id              | " + "x129"           + " | is longer than 128 characters",
            // missing severity
            "severity        | NULL                 | is missing",
            // a priority scale we do not know
            "severity        | P4                   | unknown value 'P4' (expected urgent, important, general, P1, P2 or P3)",
            // Zendesk words are not Forewarn words
            "severity        | high                 | unknown value 'high' (expected urgent, important, general, P1, P2 or P3)",
            // missing status
            "status          | NULL                 | is missing",
            // an unknown status
            "status          | escalated            | unknown value 'escalated' (expected new, open, pending, hold, solved or closed)",
            // missing creation time
            "createdAt       | NULL                 | is missing",
            // created more than five minutes ahead of our clock
            "createdAt       | 2026-03-02T10:05:01Z | is more than 5 min in the future",
            // updated before it was created
            "updatedAt       | 2026-03-02T08:59:59Z | is before createdAt",
            // answered before it was created
            "firstResponseAt | 2026-03-02T08:00:00Z | is before createdAt",
            // solved before it was created
            "solvedAt        | 2026-03-02T08:00:00Z | is before createdAt",
    })
    void rejectsABadTicketNamingTheField(String field, String value, String reason) {
        String actual = "x129".equals(value) ? "x".repeat(129) : value;
        TicketDocument doc = new TicketDocument(List.of(ticket("none", null), ticket("T-2", field, actual)));

        TicketValidation result = TicketJsonMapping.validate(doc, "helpdesk", NOW);

        assertThat(result.accepted()).extracting(TicketSnapshot::id).containsExactly("T-1");
        assertThat(result.rejected()).containsExactly(new Rejection(1, field, reason));
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // P-scale severities
            "severity  | P1                   | URGENT",
            // P2 is important
            "severity  | p2                   | IMPORTANT",
            // words in any case
            "severity  | General              | GENERAL",
            // statuses in any case
            "status    | HOLD                 | HOLD",
            // exactly 128 characters is fine
            "id        | x128                 | URGENT",
            // five minutes ahead is tolerated clock skew
            "createdAt | 2026-03-02T10:05:00Z | URGENT",
    })
    void acceptsTheAllowedSpellingsAndLimits(String field, String value, String expected) {
        String actual = "x128".equals(value) ? "x".repeat(128) : value;

        TicketValidation result = TicketJsonMapping.validate(
                new TicketDocument(List.of(ticket(field, actual))), "helpdesk", NOW);

        assertThat(result.rejected()).isEmpty();
        TicketSnapshot snapshot = result.accepted().get(0);
        assertThat(field.equals("status") ? snapshot.status().name() : snapshot.severity().name())
                .isEqualTo(expected);
    }

    @Test
    void reportsEveryProblemOfATicketAndNullEntries() {
        TicketJson bad = new TicketJson(null, null, "P9", null, null, null, null, null, null, null, null);

        TicketValidation result = TicketJsonMapping.validate(
                new TicketDocument(Arrays.asList(bad, null)), "helpdesk", NOW);

        assertThat(result.accepted()).isEmpty();
        assertThat(result.rejected()).extracting(Rejection::index, Rejection::field).containsExactly(
                org.assertj.core.groups.Tuple.tuple(0, "id"), org.assertj.core.groups.Tuple.tuple(0, "severity"),
                org.assertj.core.groups.Tuple.tuple(0, "status"), org.assertj.core.groups.Tuple.tuple(0, "createdAt"),
                org.assertj.core.groups.Tuple.tuple(1, "ticket"));
    }

    @Test
    void rejectsARepeatedIdAndKeepsTheFirst() {
        TicketValidation result = TicketJsonMapping.validate(
                new TicketDocument(List.of(ticket("none", null), ticket("none", null))), "helpdesk", NOW);

        assertThat(result.accepted()).hasSize(1);
        assertThat(result.rejected()).containsExactly(new Rejection(1, "id", "repeats the id of tickets[0]"));
    }

    @Test
    void truncatesALongSubjectWithoutSplittingACharacter() {
        String subject = "a".repeat(999) + "\uD83D\uDE00" + "tail";
        TicketJson long1 = new TicketJson("T-1", subject, "P3", "new", null, null, CREATED, null, null, null, null);
        TicketJson long2 = new TicketJson("T-2", "b".repeat(1500), "P3", "new", null, null, CREATED, null, null,
                null, null);

        TicketValidation result = TicketJsonMapping.validate(
                new TicketDocument(List.of(long1, long2)), "helpdesk", NOW);

        assertThat(result.rejected()).isEmpty();
        assertThat(result.accepted().get(0).subject()).isEqualTo("a".repeat(999));
        assertThat(result.accepted().get(1).subject()).isEqualTo("b".repeat(1000));
    }

    @Test
    void parsesAndNormalisesTheDocumentedExample() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/ticket/json/document.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        TicketValidation result = TicketJsonMapping.validate(TicketJsonMapping.parse(json, MAPPER), "helpdesk", NOW);

        assertThat(result.accepted()).containsExactly(
                // P1 with every field; offsets are converted to UTC
                new TicketSnapshot("helpdesk", "INC-2041", "Live stream stutters for viewers in eu-west",
                        Severity.URGENT, TicketStatus.OPEN, "streaming-l1", "cust-social-7",
                        Instant.parse("2026-03-02T09:55:00Z"), Instant.parse("2026-03-02T09:58:00Z"),
                        null, null, "https://helpdesk.internal.example/tickets/INC-2041"),
                // numeric id, no team, no updatedAt
                new TicketSnapshot("helpdesk", "2042", "", Severity.GENERAL, TicketStatus.SOLVED, "default", null,
                        Instant.parse("2026-03-01T08:00:00Z"), Instant.parse("2026-03-01T08:00:00Z"),
                        Instant.parse("2026-03-01T09:10:00Z"), Instant.parse("2026-03-01T12:00:00Z"), null));
        assertThat(result.rejected()).containsExactly(new Rejection(2, "severity",
                "unknown value 'P4' (expected urgent, important, general, P1, P2 or P3)"));
    }

    @ParameterizedTest(name = "[{index}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // empty body
            "''                                              | empty body",
            // not JSON
            "tickets: []                                     | not JSON",
            // an array instead of the document object
            "'[{\"id\": \"1\"}]'                             | document is not a JSON object",
            // the list is missing
            "'{\"ticket\": []}'                              | 'tickets' is missing or not an array",
            // a ticket that is a string
            "'{\"tickets\": [\"T-1\"]}'                      | tickets[0] is not an object",
            // severity as a number
            "'{\"tickets\": [{\"id\": \"1\", \"severity\": 1}]}' | tickets[0].severity is not a string",
            // a date without offset is ambiguous
            "'{\"tickets\": [{\"id\": \"1\", \"createdAt\": \"2026-03-02T09:00:00\"}]}' | tickets[0].createdAt is not an ISO-8601 timestamp with offset",
            // epoch numbers are not accepted for timestamps
            "'{\"tickets\": [{\"id\": \"1\", \"createdAt\": 1772445600}]}' | tickets[0].createdAt is not a string",
    })
    void refusesGarbageDocuments(String body, String expected) {
        assertThatThrownBy(() -> TicketJsonMapping.parse(body, MAPPER))
                .isInstanceOf(TicketFormatException.class)
                .hasMessageContaining(expected);
    }
}
