package dev.forewarn.ops;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The alert rules are valid, behave as their unit tests say, and the PrometheusRule carries exactly them. */
class PromtoolRulesTest {
    private static final String INSTALL = "Install the Debian package 'prometheus' (it provides promtool); .ci/run does.";
    private static final Path TESTS = Path.of("k8s/prometheus/forewarn-rules.test.yaml");
    private static final Path PROMETHEUS_RULE = Path.of("k8s/base/prometheusrule.yaml");

    @Test
    void promtoolAcceptsTheRules() {
        assertThat(Manifests.run(INSTALL, "promtool", "check", "rules", MetricNames.RULES.toString()))
                .contains("SUCCESS");
    }

    @Test
    void theRulesPassTheirUnitTests() {
        assertThat(Manifests.run(INSTALL, "promtool", "test", "rules", TESTS.toString())).contains("SUCCESS");
    }

    @Test
    void thePrometheusRuleIsGeneratedFromTheRulesFile() {
        JsonNode rule = Manifests.read(PROMETHEUS_RULE);
        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(rule.path("apiVersion").asText()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.path("spec"))
                .as("k8s/base/prometheusrule.yaml differs from %s: run bin/generate-prometheusrule", MetricNames.RULES)
                .isEqualTo(Manifests.read(MetricNames.RULES));
    }

    @Test
    void everyAlertIsTestedAtLeastOnce() {
        JsonNode tests = Manifests.read(TESTS);
        java.util.Set<String> tested = new java.util.TreeSet<>();
        tests.path("tests").forEach(t -> t.path("alert_rule_test").forEach(a -> tested.add(a.path("alertname").asText())));
        java.util.Set<String> alerts = new java.util.TreeSet<>();
        Manifests.read(MetricNames.RULES).path("groups")
                .forEach(g -> g.path("rules").forEach(r -> alerts.add(r.path("alert").asText())));
        assertThat(tested).containsExactlyInAnyOrderElementsOf(alerts);
    }
}
