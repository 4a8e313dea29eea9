package dev.forewarn.flow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.forewarn.testing.Db;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.MutableClock;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each probe source type against a real HTTP peer, and what bad sources do (and do not) cause. */
@QuarkusTest
@WithTestResource(TestPeers.class)
class ProbeSourcesQuarkusTest {

    TestPeers.Peers peers;

    @Inject
    Scenario scenario;
    @Inject
    MutableClock clock;

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            warnings.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(record.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void freshFleet() throws Exception {
        dev.forewarn.testing.Api.asAdmin();
        scenario.reset();
        peers.http().resetAll();
        peers.smtp().purgeEmailFromAllMailboxes();
        clock.set(Instant.parse("2026-03-02T08:00:00Z"));
        new Fleet(peers.http()).healthy("eu-central").healthy("ap-east");
        Logger.getLogger("dev.forewarn.polling.SourceHealth").addHandler(capture);
    }

    @AfterEach
    void stopCapture() {
        Logger.getLogger("dev.forewarn.polling.SourceHealth").removeHandler(capture);
    }

    @Test
    void malformedEmptyHugeAndSlowAnswersMakeTheRegionUnknownAndNeverNotify() {
        Scenario.customer("acme", "en", "Europe/Berlin", "eu-central", "ap-east");
        scenario.runFor(Duration.ofMinutes(2));
        given().get("/api/regions/ap-east").then().body("state", equalTo("HEALTHY"));

        String huge = "probe_success 1\n" + "# padding\n".repeat(10_000);
        peers.http().stubFor(get(urlPathEqualTo("/probe")).withQueryParam("target", matching("10\\.2\\.0\\.1"))
                .willReturn(aResponse().withStatus(200).withBody("<html>502 Bad Gateway</html>")));
        peers.http().stubFor(get(urlPathEqualTo("/probe")).withQueryParam("target", matching("10\\.2\\.0\\.2"))
                .willReturn(aResponse().withStatus(200).withBody("")));
        peers.http().stubFor(get(urlPathEqualTo("/probe")).withQueryParam("target", matching("10\\.2\\.0\\.3"))
                .willReturn(aResponse().withStatus(200).withBody(huge)));
        peers.http().stubFor(get(urlPathEqualTo("/probe")).withQueryParam("target", matching("10\\.2\\.0\\.4"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(1500).withBody(Fleet.blackbox(20, true))));
        scenario.runFor(Duration.ofMinutes(2));

        given().get("/api/regions/ap-east").then().body("state", equalTo("UNKNOWN"));
        given().get("/api/regions/eu-central").then().body("state", equalTo("HEALTHY"))
                .body("evidence.nodesReporting", equalTo(4));
        assertThat(peers.smtp().getReceivedMessages()).isEmpty();
        assertThat(Db.count("SELECT count(*) FROM incident")).isZero();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("bb").contains("failing"));
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String reason : List.of("malformed", "too_large", "timeout")) {
            assertThat(metricValue(metrics, "forewarn_probe_poll_failures_total", "reason=\"" + reason + "\"",
                    "source=\"bb\"")).as(reason).isPositive();
        }
        assertThat(metricValue(metrics, "forewarn_region_state", "region=\"ap-east\"")).isEqualTo(-1.0);
    }

    @Test
    void aFailingSourceWithServerErrorsLeavesOtherRegionsJudged() {
        scenario.runFor(Duration.ofMinutes(1));
        new Fleet(peers.http()).answering("ap-east", aResponse().withStatus(500).withBody("oops"));
        new Fleet(peers.http()).degraded("eu-central");
        Scenario.customer("acme", "en", "Europe/Berlin", "eu-central");
        scenario.runFor(Duration.ofMinutes(3));

        given().get("/api/regions/ap-east").then().body("state", equalTo("UNKNOWN"));
        given().get("/api/regions/eu-central").then().body("state", equalTo("DEGRADED"));
        assertThat(peers.smtp().getReceivedMessages()).hasSize(1);
    }

    @Test
    void thePrometheusQueryApiFeedsItsRegion() {
        stubPrometheus(0.030, 0.002, 0.0, 1);
        scenario.runFor(Duration.ofMinutes(2));
        given().get("/api/regions/us-east").then().body("state", equalTo("HEALTHY"))
                .body("evidence.nodesReporting", equalTo(2));

        Scenario.customer("virginia-user", "en", "America/New_York", "us-east");
        stubPrometheus(0.030, 0.002, 0.35, 1);
        scenario.runFor(Duration.ofMinutes(3));
        given().get("/api/regions/us-east").then().body("state", equalTo("OUTAGE"));
        assertThat(Scenario.subjectsByRecipient(peers.smtp())).containsOnlyKeys("virginia-user@customers.example");
    }

    @Test
    void aPrometheusSourceWhoseQueriesMatchNoNodeOfItsRegionIsAFailingSource() {
        stubPrometheus(0.030, 0.002, 0.0, 1);
        scenario.runFor(Duration.ofMinutes(1));
        String before = given().get("/q/metrics").then().extract().asString();
        assertThat(metricValue(before, "forewarn_probe_source_up", "source=\"prom\"")).isEqualTo(1.0);

        // The queries still answer, but only with series of other regions (say, a relabelled job).
        String otherRegionsOnly = """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"region":"elsewhere","node":"x-1"},"value":[1772438400,"0.03"]}]}}""";
        peers.http().stubFor(get(urlPathEqualTo("/api/v1/query")).willReturn(okJson(otherRegionsOnly)));
        scenario.runFor(Duration.ofMinutes(2));

        String metrics = given().get("/q/metrics").then().extract().asString();
        assertThat(metricValue(metrics, "forewarn_probe_source_up", "source=\"prom\"")).isEqualTo(0.0);
        assertThat(metricValue(metrics, "forewarn_probe_poll_failures_total", "reason=\"no_series\"",
                "source=\"prom\"")).isPositive();
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("prom").contains("no_series").contains("us-east"));
        given().get("/api/regions/us-east").then().body("state", equalTo("UNKNOWN"));
    }

    @Test
    void aPolledJsonDocumentFeedsItsRegionAndBadReadingsAreRejectedOneByOne() {
        for (int i = 0; i < 8; i++) {
            Instant at = clock.instant().plus(Scenario.TICK);
            peers.http().stubFor(get(urlPathEqualTo("/agents/probes.json")).willReturn(okJson("""
                    {"agent": "gru-agent", "readings": [
                      {"region": "sa-east", "node": "gru-1", "at": "%1$s", "reachable": true, "rttMs": 31, "jitterMs": 2, "lossPercent": 0},
                      {"region": "sa-east", "node": "gru-2", "at": "%1$s", "reachable": true, "rttMs": 35, "jitterMs": 3, "lossPercent": 0.1},
                      {"region": "sa-east", "node": "gru-9", "at": "%1$s", "reachable": true, "rttMs": 35},
                      {"region": "sa-east", "node": "gru-1", "at": "%1$s", "reachable": true, "rttMs": -4}
                    ]}""".formatted(at))));
            scenario.tick();
        }
        given().get("/api/regions/sa-east").then().body("state", equalTo("HEALTHY"))
                .body("evidence.nodesReporting", equalTo(2));
        assertThat(warnings).anySatisfy(w -> assertThat(w).contains("json").contains("rejected"));
    }

    @Test
    void pushedReadingsFeedAPushRegionAndInvalidOnesAreAnsweredWithTheField() {
        for (int i = 0; i < 8; i++) {
            scenario.tick();
            given().contentType("application/json").body("""
                    {"agent": "dxb-agent", "readings": [
                      {"region": "me-central", "node": "dxb-1", "at": "%1$s", "reachable": true, "rttMs": 40, "jitterMs": 4, "lossPercent": 0},
                      {"region": "me-central", "node": "dxb-2", "at": "%1$s", "reachable": true, "rttMs": 44, "jitterMs": 4, "lossPercent": 0}
                    ]}""".formatted(clock.instant())).post("/api/probes")
                    .then().statusCode(202).body("accepted", equalTo(2));
        }
        scenario.tick();
        given().get("/api/regions/me-central").then().body("state", equalTo("HEALTHY"));

        given().contentType("application/json").body("""
                {"agent": "dxb-agent", "readings": [
                  {"region": "me-central", "node": "dxb-1", "at": "%s", "reachable": true, "rttMs": "NaN"},
                  {"region": "eu-central", "node": "fra-1", "at": "%s", "reachable": true, "rttMs": 10}
                ]}""".formatted(clock.instant(), clock.instant())).post("/api/probes")
                .then().statusCode(400).body("rejected.field", hasItem("region"));
        given().contentType("application/json").body("{not json").post("/api/probes")
                .then().statusCode(400).body("error", containsString(""));
    }

    private void stubPrometheus(double rttSeconds, double jitterSeconds, double loss, int up) {
        stubQuery("avg by.*", rttSeconds);
        stubQuery("stddev_over_time.*", jitterSeconds);
        stubQuery("1 - .*", loss);
        stubQuery("max by.*", up);
    }

    private void stubQuery(String queryPattern, double value) {
        String body = String.format(Locale.ROOT, """
                {"status":"success","data":{"resultType":"vector","result":[
                  {"metric":{"region":"us-east","node":"iad-1"},"value":[1772438400,"%1$s"]},
                  {"metric":{"region":"us-east","node":"iad-2"},"value":[1772438400,"%1$s"]},
                  {"metric":{"region":"elsewhere","node":"x-1"},"value":[1772438400,"%1$s"]}]}}""", value);
        peers.http().stubFor(get(urlPathEqualTo("/api/v1/query")).withQueryParam("query", matching(queryPattern))
                .willReturn(okJson(body)));
    }

    /** The value of the first sample of a metric whose labels contain all the given fragments. */
    static double metricValue(String exposition, String name, String... labelFragments) {
        return exposition.lines()
                .filter(l -> l.startsWith(name + "{"))
                .filter(l -> java.util.Arrays.stream(labelFragments).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .findFirst().orElse(Double.NaN);
    }
}
