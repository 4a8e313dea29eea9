package dev.forewarn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the dashboard/rule metric check counts as a metric name in a PromQL expression. */
class MetricNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // a bare selector
        "forewarn_region_state                                                           | forewarn_region_state",
        // label matchers, Grafana variables and ranges are not names
        "forewarn_region_mos{region=~\"$region\",stat=\"median\"}                        | forewarn_region_mos",
        // functions and grouping labels are not names
        "sum by (kind, outcome) (increase(forewarn_notices_total[5m]))                    | forewarn_notices_total",
        // both sides of a binary operation count; time() and numbers do not
        "time() - forewarn_probe_source_last_success_timestamp_seconds > 300              | forewarn_probe_source_last_success_timestamp_seconds",
        // histogram buckets keep their suffix: the bucket series itself must exist
        "histogram_quantile(0.9, sum by (tier, le) (rate(forewarn_page_ack_seconds_bucket[30m]))) | forewarn_page_ack_seconds_bucket",
        // up is Prometheus' own series, and or/vector are not names
        "absent(up{job=~\".*forewarn.*\"}) or vector(0)                                   | ''",
        // $__range and similar are Grafana's
        "sum(increase(forewarn_sla_breaches_total[$__range])) / sum(forewarn_tickets_open) | forewarn_sla_breaches_total forewarn_tickets_open",
    })
    void namesAreTheSeriesAnExpressionSelects(String expr, String expected) {
        Set<String> want = expected.isBlank() ? Set.of() : Set.of(expected.trim().split("\\s+"));
        assertThat(MetricNames.of(expr)).containsExactlyInAnyOrderElementsOf(want);
    }
}
