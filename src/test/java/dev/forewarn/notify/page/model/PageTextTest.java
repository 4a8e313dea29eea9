package dev.forewarn.notify.page.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.sla.model.Severity;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTextTest {
    private static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");

    private static PagedTicket ticket(long page, String id, Severity severity, Instant breach, Long incident) {
        return new PagedTicket(page, "zendesk/" + id, "FIRST_RESPONSE", "half", "L1", "half the time is gone",
                breach, incident, "Calls drop in " + id, severity);
    }

    @Test
    void aSingleTicketPageNamesTheTicketItsSeverityAndItsBreach() {
        PageText text = PageText.of(List.of(ticket(7, "42", Severity.URGENT, NOW.plusSeconds(600), null)), NOW);

        assertThat(text.summary()).isEqualTo("[L1] urgent ticket zendesk/42 \"Calls drop in 42\": half the time is "
                + "gone (Forewarn page #7)");
        assertThat(text.severity()).isEqualTo(Severity.URGENT);
        assertThat(text.breachAt()).isEqualTo(NOW.plusSeconds(600));
        assertThat(text.deadline()).isEqualTo("first response");
        assertThat(text.details()).containsExactly(java.util.Map.entry("stage", "half"),
                java.util.Map.entry("page_id", "7"));
    }

    @Test
    void aGroupedPageCountsItsTicketsTakesTheWorstSeverityAndTheEarliestBreach() {
        PageText text = PageText.of(List.of(
                ticket(9, "43", Severity.GENERAL, NOW.plusSeconds(900), 5L),
                ticket(8, "42", Severity.IMPORTANT, null, 5L),
                ticket(10, "44", Severity.GENERAL, NOW.plusSeconds(300), 5L)), NOW);

        // the lowest page id leads the group, so the reference stays stable as tickets join
        assertThat(text.summary()).isEqualTo("[L1] 3 tickets from customers of a degraded region (incident #5): "
                + "half the time is gone (Forewarn page #8)");
        assertThat(text.severity()).isEqualTo(Severity.IMPORTANT);
        assertThat(text.breachAt()).isEqualTo(NOW.plusSeconds(300));
        assertThat(text.details()).containsEntry("region_incident", "5");
    }

    @Test
    void aPageWithoutAKnownBreachSaysNow() {
        assertThat(PageText.of(List.of(ticket(1, "1", Severity.GENERAL, null, null)), NOW).breachAt()).isEqualTo(NOW);
    }
}
