package dev.forewarn.ticket.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.ticket.TicketSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZendeskMappingTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ZendeskMappingConfig CONFIG = new ZendeskMappingConfig("zendesk",
            ZendeskMappingConfig.DEFAULT_PRIORITIES, Severity.GENERAL,
            Map.of("98738", "network-l1"), Map.of("509974", "cust-edu-42"), "https://acme.zendesk.com/");

    private final ZendeskMapping mapping = new ZendeskMapping(CONFIG, MAPPER);

    static String fixture(String name) {
        try (InputStream in = ZendeskMappingTest.class.getResourceAsStream("/ticket/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void mapsARealisticPageWithMetricSets() throws Exception {
        ZendeskPage page = mapping.parse(fixture("zendesk/two-tickets-page.json"));

        assertThat(page.afterCursor()).isEqualTo("MTU3NjYxMzUzOS4wfHw0Njd8");
        assertThat(page.endOfStream()).isTrue();
        assertThat(page.skipped()).isEmpty();
        assertThat(page.tickets()).containsExactly(
                // urgent, open, mapped group and organisation, nobody replied yet
                new TicketSnapshot("zendesk", "35436", "Video calls drop after 30 s in ap-southeast",
                        Severity.URGENT, TicketStatus.OPEN, "network-l1", "cust-edu-42",
                        Instant.parse("2026-03-02T08:00:00Z"), Instant.parse("2026-03-02T09:30:00Z"),
                        null, null, "https://acme.zendesk.com/agent/tickets/35436"),
                // no priority, no group, unmapped organisation; replied after 42 min and solved
                new TicketSnapshot("zendesk", "35437", "How do I rotate my App Certificate?",
                        Severity.GENERAL, TicketStatus.SOLVED, "default", "777001",
                        Instant.parse("2026-03-01T10:00:00Z"), Instant.parse("2026-03-02T07:45:00Z"),
                        Instant.parse("2026-03-01T10:42:00Z"), Instant.parse("2026-03-02T07:45:00Z"),
                        "https://acme.zendesk.com/agent/tickets/35437"));
    }

    @Test
    void skipsAndNamesBrokenTicketsButKeepsTheRest() throws Exception {
        ZendeskPage page = mapping.parse(fixture("zendesk/one-broken-ticket-page.json"));

        assertThat(page.endOfStream()).isFalse();
        assertThat(page.afterCursor()).isEqualTo("NEXT");
        assertThat(page.tickets()).extracting(TicketSnapshot::id, TicketSnapshot::severity, TicketSnapshot::status,
                        TicketSnapshot::team)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("501", Severity.IMPORTANT, TicketStatus.PENDING, "network-l1"),
                        org.assertj.core.groups.Tuple.tuple("503", Severity.GENERAL, TicketStatus.CLOSED, "default"));
        assertThat(page.skipped()).containsExactly(
                "ticket 502: unknown status 'escalated'",
                "tickets[3]: 'id' is missing or not an integer",
                "ticket 505: 'created_at' is not an ISO-8601 timestamp: 'yesterday'",
                "ticket 506: 'metric_sets.reply_time_in_minutes.calendar' is not a non-negative integer",
                "ticket 507: unknown priority 'critical'");
    }

    @ParameterizedTest(name = "priority {0}, group {1}, org {2} -> {3}, {4}, {5}")
    @CsvSource(nullValues = "NULL", value = {
            // a team that treats high like urgent
            "high,   98738, 509974, URGENT,    network-l1, cust-edu-42",
            // no priority takes the configured fallback
            "NULL,   98738, 509974, IMPORTANT, network-l1, cust-edu-42",
            // priority case does not matter
            "Normal, NULL,  NULL,   GENERAL,   default,    NULL",
            // unmapped group and organisation ids fall back to the id as text
            "low,    12345, 67890,  GENERAL,   12345,      67890",
    })
    void followsTheConfiguredMapping(String priority, String group, String org, Severity severity, String team,
            String customer) throws Exception {
        ZendeskMapping custom = new ZendeskMapping(new ZendeskMappingConfig("zd-eu",
                Map.of("urgent", Severity.URGENT, "high", Severity.URGENT, "normal", Severity.GENERAL,
                        "low", Severity.GENERAL),
                Severity.IMPORTANT, Map.of("98738", "network-l1"), Map.of("509974", "cust-edu-42"), null), MAPPER);
        String page = "{\"tickets\":[{\"id\":1,\"status\":\"new\",\"priority\":" + quoted(priority)
                + ",\"group_id\":" + group + ",\"organization_id\":" + org
                + ",\"created_at\":\"2026-03-02T08:00:00Z\",\"updated_at\":\"2026-03-02T08:00:00Z\"}],"
                + "\"after_cursor\":\"c\",\"end_of_stream\":true}";

        TicketSnapshot ticket = custom.parse(page).tickets().get(0);

        assertThat(ticket.source()).isEqualTo("zd-eu");
        assertThat(ticket.severity()).isEqualTo(severity);
        assertThat(ticket.team()).isEqualTo(team);
        assertThat(ticket.customerId()).isEqualTo(customer);
        assertThat(ticket.url()).isNull();
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @ParameterizedTest(name = "[{index}] -> {1}")
    @CsvSource(delimiter = '|', value = {
            // an empty body
            "''                                                      | empty body",
            // an HTML error page from a proxy
            "<html><body>502 Bad Gateway</body></html>                | not JSON",
            // truncated JSON
            "'{\"tickets\": ['                                       | not JSON",
            // a bare array instead of the page object
            "[]                                                      | not a JSON object",
            // a JSON string
            "'\"tickets\"'                                           | not a JSON object",
            // an error object instead of a page
            "'{\"error\": \"Couldn''t authenticate you\"}'           | 'tickets' is missing",
            // tickets is an object
            "'{\"tickets\": {}, \"end_of_stream\": true}'            | 'tickets' is missing or not an array",
            // end_of_stream missing
            "'{\"tickets\": []}'                                     | 'end_of_stream' is missing",
            // end_of_stream as a string
            "'{\"tickets\": [], \"end_of_stream\": \"true\"}'        | 'end_of_stream' is missing or not a boolean",
            // cursor of the wrong type
            "'{\"tickets\": [], \"end_of_stream\": true, \"after_cursor\": 5}' | 'after_cursor' is not a string",
            // more pages promised but no cursor to fetch them
            "'{\"tickets\": [], \"end_of_stream\": false}'           | 'after_cursor' is missing although",
            // metric sets of the wrong type
            "'{\"tickets\": [], \"end_of_stream\": true, \"metric_sets\": 1}' | 'metric_sets' is not an array",
    })
    void rejectsGarbagePagesNamingTheProblem(String body, String expected) {
        assertThatThrownBy(() -> mapping.parse(body))
                .isInstanceOf(ZendeskFormatException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void survivesThousandsOfRandomMutationsWithOnlyAResultOrAFormatException() {
        String[] seeds = {fixture("zendesk/two-tickets-page.json"), fixture("zendesk/one-broken-ticket-page.json")};
        String alphabet = "{}[]\":,0123456789-.eEtruefalsnl \\/TZ:+x\u00e9\u0000";
        Random random = new Random(20260302L);
        int results = 0;
        int rejected = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder text = new StringBuilder(seeds[round % seeds.length]);
            int mutations = 1 + random.nextInt(8);
            for (int m = 0; m < mutations && text.length() > 0; m++) {
                int at = random.nextInt(text.length());
                switch (random.nextInt(5)) {
                    case 0 -> text.deleteCharAt(at);
                    case 1 -> text.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 2 -> text.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    case 3 -> text.setLength(at);
                    default -> {
                        int end = Math.min(text.length(), at + random.nextInt(40));
                        text.insert(random.nextInt(text.length()), text.substring(at, end));
                    }
                }
            }
            try {
                mapping.parse(text.toString());
                results++;
            } catch (ZendeskFormatException e) {
                assertThat(e.getMessage()).isNotBlank();
                rejected++;
            } catch (RuntimeException e) {
                fail("round " + round + " threw " + e + " for input:\n" + text, e);
            }
        }
        // both outcomes must actually be exercised, or the fuzzing proves nothing
        assertThat(results).isPositive();
        assertThat(rejected).isPositive();
    }
}
