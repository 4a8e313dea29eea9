package dev.forewarn.notify.page.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.sla.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PageTextTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private static PagedTicket ticket(long page, String id, Severity severity, Instant breach, Long incident) {
        return new PagedTicket(page, "zendesk/" + id, "FIRST_RESPONSE", "half", "L1", "half the time is gone",
                breach, incident, "Calls drop in " + id, severity, "carol", "first reply sent");
    }

    static Stream<Arguments> groups() {
        return Stream.of(
                // one ticket: named with its severity and subject, its own breach
                Arguments.of(List.of(ticket(7, "42", Severity.URGENT, NOW.plusSeconds(600), null)),
                        "[L1] urgent ticket zendesk/42 \"Calls drop in 42\": half the time is gone (Forewarn page #7)",
                        Severity.URGENT, NOW.plusSeconds(600)),
                // a group: counted, the lowest page id leads (a stable reference as tickets join), the worst
                // severity and the earliest breach
                Arguments.of(List.of(ticket(9, "43", Severity.GENERAL, NOW.plusSeconds(900), 5L),
                                ticket(8, "42", Severity.IMPORTANT, null, 5L),
                                ticket(10, "44", Severity.GENERAL, NOW.plusSeconds(300), 5L)),
                        "[L1] 3 tickets from customers of a degraded region (incident #5): half the time is gone "
                                + "(Forewarn page #8)", Severity.IMPORTANT, NOW.plusSeconds(300)),
                // no breach known: the page says now
                Arguments.of(List.of(ticket(1, "1", Severity.GENERAL, null, null)),
                        "[L1] general ticket zendesk/1 \"Calls drop in 1\": half the time is gone (Forewarn page #1)",
                        Severity.GENERAL, NOW));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("groups")
    void summarisesTheGroupWithItsWorstSeverityAndEarliestBreach(List<PagedTicket> pages, String summary,
                                                                 Severity severity, Instant breach) {
        PageText text = PageText.of(pages, "TRIGGER", NOW);
        assertThat(text.summary()).isEqualTo(summary);
        assertThat(text.severity()).isEqualTo(severity);
        assertThat(text.breachAt()).isEqualTo(breach);
        assertThat(text.deadline()).isEqualTo("first response");
    }

    static Stream<Arguments> followUps() {
        return Stream.of(
                // the trigger: stage and page id
                Arguments.of("TRIGGER", null, Map.of("stage", "half", "page_id", "7")),
                // an acknowledgement says who acknowledged
                Arguments.of("ACKNOWLEDGE", null, Map.of("stage", "half", "page_id", "7", "acknowledged_by", "carol")),
                // a resolve says why; a grouped page names its region incident
                Arguments.of("RESOLVE", 5L, Map.of("stage", "half", "page_id", "7", "region_incident", "5",
                        "resolved_why", "first reply sent")));
    }

    @ParameterizedTest(name = "{0}, incident {1} -> {2}")
    @MethodSource("followUps")
    void detailsSayWhatHappenedAsOfTheAction(String action, Long incident, Map<String, String> details) {
        PageText text = PageText.of(List.of(ticket(7, "42", Severity.URGENT, NOW, incident)), action, NOW);
        assertThat(text.details()).containsExactlyInAnyOrderEntriesOf(details);
    }

    @Test
    void aPageNeedsAStoredPage() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PageText.of(List.of(), "TRIGGER", NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
