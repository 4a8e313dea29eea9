package dev.forewarn.oncall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.oncall.model.Layer;
import dev.forewarn.oncall.model.Rotation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An on-call layer as configuration gives it: daily or weekly hours, hand-off mode, and mistakes named by key. */
class LayerConfigNamesTheKeyTest {

    record LayerConfig(String name, List<String> participants, Duration shift, String firstHandoff, String zone,
                       Optional<String> hours, Map<String, List<String>> week, String handoffs)
            implements ForewarnConfig.LayerConfig {
    }

    static LayerConfig layer(String hours, Map<String, List<String>> week, String handoffs) {
        return new LayerConfig("emea", List.of("lena", "tom"), Duration.ofHours(12), "2026-01-05T09:00",
                "Europe/Berlin", Optional.ofNullable(hours), week, handoffs);
    }

    @Test
    void readsDailyAndWeeklyHoursAndTheHandoffMode() {
        Layer weekly = OnCallBook.layer(layer(null, Map.of("mon-fri", List.of("09:00-17:00")), "elapsed-time"), "k");
        assertThat(weekly.rotation().handoffs()).isEqualTo(Rotation.Handoffs.ELAPSED_TIME);
        // Saturday 2026-03-07 noon in Berlin is outside Monday to Friday; Friday noon is inside.
        assertThat(weekly.covers(Instant.parse("2026-03-07T11:00:00Z"))).isFalse();
        assertThat(weekly.covers(Instant.parse("2026-03-06T11:00:00Z"))).isTrue();

        Layer daily = OnCallBook.layer(layer("08:00-16:00", Map.of(), "local-time"), "k");
        assertThat(daily.covers(Instant.parse("2026-03-07T11:00:00Z"))).isTrue();
        assertThat(daily.rotation().handoffs()).isEqualTo(Rotation.Handoffs.LOCAL_TIME);
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', textBlock = """
            # hours and week together are ambiguous
            08:00-16:00 | mon-fri | local-time | k: give either hours (every day) or week (per weekday), not both
            # an unknown hand-off mode
            | mon-fri | wall | k.handoffs must be local-time or elapsed-time but was 'wall'
            # a bad daily range
            8-16 | | local-time | k.hours: '8-16' is not a range like 09:00-17:00
            # an unknown day in the week
            | mon-fry | local-time | k.week.mon-fry: unknown day 'fry' (days are mon, tue, wed, thu, fri, sat, sun)
            """)
    void namesTheKey(String hours, String days, String handoffs, String message) {
        var config = layer(hours, days == null ? Map.of() : Map.of(days, List.of("09:00-17:00")), handoffs);

        assertThatThrownBy(() -> OnCallBook.layer(config, "k")).isInstanceOf(IllegalStateException.class)
                .hasMessage(message);
    }
}
