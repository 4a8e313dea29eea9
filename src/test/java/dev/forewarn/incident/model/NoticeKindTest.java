package dev.forewarn.incident.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class NoticeKindTest {

    @ParameterizedTest
    @CsvSource({
            // the first notice of an incident
            "WARNING, warning",
            // worse, better-but-not-recovered, or degraded again after an all-clear
            "UPDATE, update",
            // hyphenated because slugs end up in template file names and outbox rows
            "ALL_CLEAR, all-clear",
            // advance, start, end or correction of a maintenance window
            "MAINTENANCE, maintenance",
    })
    void slugIsStableLowerCaseName(NoticeKind kind, String slug) {
        assertThat(kind.slug()).isEqualTo(slug);
    }
}
