package dev.forewarn.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.validator.BeanValidationConfigValidator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The configuration root is validated the way Quarkus validates it at start-up — by SmallRye Config with Bean
 * Validation, before any bean, pool or migration exists — and every rule that spans keys names the key it broke.
 */
class BadConfigurationIsRefusedTest {
    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();
    private static final List<Class<?>> MAPPINGS = dev.forewarn.testing.SettingsMappings.ALL;

    @Test
    void aSoundConfigurationPasses() {
        assertThat(load(Map.of()).getConfigMapping(ForewarnConfig.class).security().apiKeys()).containsKey("ops");
    }

    @Test
    void eachTicketSourceTypeReadsItsOwnKeysUnderTheSourceName() {
        SmallRyeConfig config = load(Map.of(
                "forewarn.tickets.sources.zd.type", "zendesk",
                "forewarn.tickets.sources.zd.url", "https://acme.zendesk.example",
                "forewarn.tickets.sources.zd.token", "zendesk-token",
                "forewarn.tickets.sources.zd.groups.42", "network",
                "forewarn.tickets.sources.zd.interval", "2m"));

        assertThat(config.getConfigMapping(ForewarnConfig.class).tickets().sources().get("zd").interval())
                .isEqualTo(java.time.Duration.ofMinutes(2));
        var zendesk = config.getConfigMapping(dev.forewarn.ticket.zendesk.ZendeskSettings.class);
        assertThat(zendesk.zendeskSources()).containsOnlyKeys("zd");
        assertThat(zendesk.zendeskSources().get("zd").groups()).containsEntry("42", "network");
        assertThat(config.getConfigMapping(dev.forewarn.ticket.webhook.WebhookTicketSettings.class).webhookSources())
                .containsOnlyKeys("push");
    }

    @Test
    void eachProbeSourceTypeReadsItsOwnKeysUnderTheSourceName() {
        SmallRyeConfig config = load(Map.of(
                "forewarn.sources.prom.type", "prometheus",
                "forewarn.sources.prom.url", "http://prometheus.example:9090",
                "forewarn.sources.prom.queries.up", "probe_success",
                "forewarn.sources.prom.interval", "30s",
                "forewarn.sources.bb.max-concurrency", "64"));

        assertThat(config.getConfigMapping(ForewarnConfig.class).sources().get("prom").interval())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        var blackbox = config.getConfigMapping(dev.forewarn.probe.blackbox.BlackboxSettings.class);
        assertThat(blackbox.blackboxSources()).containsOnlyKeys("bb");
        assertThat(blackbox.blackboxSources().get("bb").maxConcurrency()).isEqualTo(64);
        assertThat(config.getConfigMapping(dev.forewarn.probe.prometheus.PrometheusSettings.class).sources()
                .get("prom").queries()).containsEntry("up", "probe_success");
    }

    @ParameterizedTest(name = "[{index}] {0}={1}")
    @CsvSource(delimiter = '|', value = {
            // an API key shorter than 24 characters
            "forewarn.security.api-keys.ops.key   | short-key-12345        | forewarn.security.api-keys.ops.key must be at least 24",
            // an unknown role
            "forewarn.security.api-keys.ops.role  | root                   | forewarn.security.api-keys.ops.role must be viewer",
            // a link secret shorter than 32 characters
            "forewarn.security.link-secret        | not-long-enough        | forewarn.security.link-secret must be at least 32",
            // the sample window as long as the sustained window
            "forewarn.evaluation.sample-window    | 2m                     | forewarn.evaluation.sample-window (PT2M) must be shorter",
            // a zero evaluation interval
            "forewarn.evaluation.interval         | 0s                     | forewarn.evaluation.interval must be positive",
            // a region fed by a source that does not exist
            "forewarn.regions.eu.source           | nowhere                | forewarn.regions.eu.source names an unknown source",
            // a blackbox source without a usable URL
            "forewarn.sources.bb.url              | not a url              | forewarn.sources.bb.url must be an absolute http(s) URL",
            // a blackbox source that may probe fewer targets at once than it starts with
            "forewarn.sources.bb.max-concurrency  | 4                      | forewarn.sources.bb.max-concurrency (4) is below forewarn.sources.bb.concurrency (16)",
            // a Prometheus source querying a quantity that does not exist
            "forewarn.sources.prom.queries.mos    | avg(mos)               | forewarn.sources.prom.queries.mos is not one of rtt, jitter, loss, up",
            // a JSON probe source without its URL
            "forewarn.sources.doc.type            | json                   | forewarn.sources.doc.url is required",
            // a probe source polled every zero seconds
            "forewarn.sources.bb.interval         | 0s                     | forewarn.sources.bb.interval must be positive",
            // a webhook ticket source with a short secret
            "forewarn.tickets.sources.push.secret | short                  | forewarn.tickets.sources.push.secret must be set",
            // a Zendesk ticket source without its token
            "forewarn.tickets.sources.zd.type     | zendesk                | forewarn.tickets.sources.zd.token is required",
            // a Zendesk priority mapped to a severity that does not exist
            "forewarn.tickets.sources.zd.priorities.high | critical        | forewarn.tickets.sources.zd.priorities.high must be urgent",
            // a JSON ticket source whose URL is no URL
            "forewarn.tickets.sources.doc.url     | not a url              | forewarn.tickets.sources.doc.url must be an absolute http(s) URL",
            // a ticket source polled every zero seconds
            "forewarn.tickets.sources.doc.interval | 0s                    | forewarn.tickets.sources.doc.interval must be positive",
            // a route naming a channel that does not exist
            "forewarn.paging.routes[0].channels   | pd,nowhere             | forewarn.paging.routes[0].channels names an unknown channel",
            // a route for a tier that does not exist
            "forewarn.paging.routes[0].tier       | L7                     | forewarn.paging.routes[0].tier must be L1, L2 or L3",
            // a webhook channel without its signing secret
            "forewarn.paging.channels.hook.type   | webhook                | forewarn.paging.channels.hook.secret is required",
            // an on-call schedule for an unknown tier
            "forewarn.oncall.schedules[0].tier    | L0                     | forewarn.oncall.schedules[0].tier must be L1, L2 or L3",
            // a customer on an SLA plan that does not exist
            "forewarn.tickets.customer-plans.acme | gold                   | forewarn.tickets.customer-plans.acme names an unknown plan",
    })
    void aBadValueStopsStartUpNamingItsKey(String key, String value, String message) {
        Map<String, String> bad = new HashMap<>();
        bad.put(key, value);
        if (key.contains("tickets.sources.zd")) {
            bad.put("forewarn.tickets.sources.zd.type", "zendesk");
            bad.put("forewarn.tickets.sources.zd.url", "https://acme.zendesk.example");
        }
        if (key.contains("tickets.sources.doc")) {
            bad.put("forewarn.tickets.sources.doc.type", "json");
            bad.putIfAbsent("forewarn.tickets.sources.doc.url", "https://tickets.example/doc.json");
        }
        if (key.startsWith("forewarn.sources.prom.")) {
            bad.put("forewarn.sources.prom.type", "prometheus");
            bad.put("forewarn.sources.prom.url", "http://prometheus.example:9090");
            bad.put("forewarn.sources.prom.queries.rtt", "probe_rtt_seconds");
        }
        if (key.contains("paging.channels.hook")) {
            bad.put("forewarn.paging.channels.hook.url", "https://hooks.example/page");
        }
        assertThatThrownBy(() -> load(bad)).hasMessageContaining(message).satisfies(e ->
                assertThat(e.getMessage()).as("a secret's value is never printed")
                        .doesNotContain("operator-key-0123456789abcdef"));
    }

    private static SmallRyeConfig load(Map<String, String> overrides) {
        Map<String, String> p = new HashMap<>(Map.ofEntries(
                Map.entry("forewarn.security.api-keys.ops.key", "operator-key-0123456789abcdef"),
                Map.entry("forewarn.security.api-keys.ops.role", "operator"),
                Map.entry("forewarn.security.link-secret", "a-link-secret-0123456789abcdef-0123456789"),
                Map.entry("forewarn.sources.bb.type", "blackbox"),
                Map.entry("forewarn.sources.bb.url", "http://127.0.0.1:9115"),
                Map.entry("forewarn.regions.eu.display-name", "Frankfurt"),
                Map.entry("forewarn.regions.eu.source", "bb"),
                Map.entry("forewarn.regions.eu.nodes.fra-1", "10.0.0.1"),
                Map.entry("forewarn.tickets.sources.push.type", "webhook"),
                Map.entry("forewarn.tickets.sources.push.secret", "a-webhook-secret-0123456789"),
                Map.entry("forewarn.oncall.schedules[0].tier", "L1"),
                Map.entry("forewarn.oncall.schedules[0].layers[0].name", "week"),
                Map.entry("forewarn.oncall.schedules[0].layers[0].participants", "alice,bob"),
                Map.entry("forewarn.oncall.schedules[0].layers[0].first-handoff", "2026-03-02T00:00"),
                Map.entry("forewarn.paging.channels.pd.type", "pagerduty"),
                Map.entry("forewarn.paging.channels.pd.routing-key", "routing-key-0123456789abcdef"),
                Map.entry("forewarn.paging.routes[0].channels", "pd")));
        p.putAll(overrides);
        // Quarkus reads durations such as "7d" and "15s" with its own converter; so must this test.
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder();
        MAPPINGS.forEach(builder::withMapping);
        return builder
                .withConverter(java.time.Duration.class, 200, new io.quarkus.runtime.configuration.DurationConverter())
                .withSources(new PropertiesConfigSource(p, "test", 500))
                .withValidator((BeanValidationConfigValidator) () -> VALIDATOR)
                .build();
    }
}
