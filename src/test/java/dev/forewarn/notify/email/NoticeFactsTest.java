package dev.forewarn.notify.email;

import dev.forewarn.incident.model.NoticeKind;
import dev.forewarn.quality.model.RegionState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoticeFactsTest {

    private static final Instant T0 = Instant.parse("2026-11-22T14:05:00Z");

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            // missing probe data pages on-call; it never becomes a customer warning
            "WARNING, UNKNOWN, -, false, false, DEGRADED or OUTAGE",
            // a warning about a healthy region says nothing
            "WARNING, HEALTHY, -, false, false, DEGRADED or OUTAGE",
            // an update must say what it is an update to
            "UPDATE, OUTAGE, -, false, false, previousState or recurrence",
            // an all-clear without a resolution time cannot say how long it lasted
            "ALL_CLEAR, HEALTHY, -, false, false, resolvedAt",
    })
    void rejectsFactsNoNoticeCouldTruthfullySay(NoticeKind kind, RegionState state, RegionState previous,
                                                boolean recurrence, boolean resolved, String complaint) {
        assertThatThrownBy(() -> new NoticeFacts(kind, 1, "Acme", "en", ZoneId.of("UTC"), "eu-central-1",
                "Frankfurt", state, previous, recurrence, T0, T0, resolved ? T0 : null,
                null, null, null, null, null, 0.0, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(complaint);
    }
}
