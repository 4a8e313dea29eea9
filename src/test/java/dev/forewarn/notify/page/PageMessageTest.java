package dev.forewarn.notify.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.Severity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageMessageTest {

    private static final Instant T0 = Pages.T0;
    private static final List<TicketRef> ONE = List.of(Pages.TICKET);

    @ParameterizedTest(name = "rejects {0}")
    @CsvSource({
            // nothing to correlate trigger and resolve
            "dedupKey",
            // more than PagerDuty accepts
            "dedupKey too long",
            // a page nobody can read
            "summary",
            // PagerDuty's limit
            "summary too long",
            // a summary is one line
            "summary with line break",
            // no ticket, no page
            "tickets",
            // routing needs the team
            "team",
    })
    void rejectsInvalidPages(String caseName) {
        String key = caseName.equals("dedupKey") ? " " : caseName.equals("dedupKey too long") ? "k".repeat(256) : "k";
        String summary = caseName.equals("summary") ? "" : caseName.equals("summary too long") ? "s".repeat(1025)
                : caseName.equals("summary with line break") ? "a\nb" : "s";
        List<TicketRef> tickets = caseName.equals("tickets") ? List.of() : ONE;
        String team = caseName.equals("team") ? "" : "education";

        assertThatThrownBy(() -> new PageMessage(key, PageAction.TRIGGER, summary, Severity.URGENT, Tier.L1, team,
                null, "first response", T0, T0, tickets, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(caseName.split(" ")[0]);
    }

    @Test
    void copiesCollectionsSoLaterChangesDoNotLeakIn() {
        Map<String, String> details = new HashMap<>(Map.of("region", "eu-west"));
        PageMessage page = new PageMessage("k", PageAction.TRIGGER, "s", Severity.URGENT, Tier.L1, "t", null,
                "resolution", T0, T0, ONE, null, details);
        details.put("region", "us-east");

        assertThat(page.details()).containsEntry("region", "eu-west");
        assertThat(new PageMessage("k", PageAction.RESOLVE, "s", Severity.GENERAL, Tier.L3, "t", null, "resolution",
                T0, T0, ONE, null, null).details()).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource({
            // a subject typed over several lines
            "'Calls drop\n  after 30 s ', Calls drop after 30 s",
            // tabs count as blanks
            "'a\tb', a b",
    })
    void oneLineFlattensCustomerText(String text, String expected) {
        assertThat(PageMessage.oneLine(text)).isEqualTo(expected);
    }

    @Test
    void oneLineCutsToTheSummaryLimit() {
        String summary = PageMessage.oneLine("x".repeat(5000));

        assertThat(summary).hasSize(PageMessage.MAX_SUMMARY).endsWith("…");
    }
}
