package dev.forewarn.probe.blackbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.polling.SourceHealth;
import dev.forewarn.probe.PollOverruns;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.http.HttpSettings;
import dev.forewarn.http.KeepAliveClient;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.model.NodeSample;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A blackbox source in front of a really slow exporter (WireMock answering after a delay): a poll that runs past
 * its interval is counted and logged once, and the pacing makes the next polls fit.
 */
class BlackboxPacingTest {

    private static final String ANSWER = "# TYPE probe_success gauge\nprobe_success 1\n"
            + "probe_http_duration_seconds{phase=\"connect\"} 0.004\nprobe_duration_seconds 0.01\n";

    private WireMockServer exporter;
    private Vertx vertx;
    private HttpFetcher fetcher;
    private final List<KeepAliveClient> clients = new ArrayList<>();
    private SimpleMeterRegistry registry;
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void start() {
        // Enough server threads that WireMock's delays overlap instead of queueing behind each other.
        exporter = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().containerThreads(120));
        exporter.start();
        vertx = Vertx.vertx();
        fetcher = new HttpFetcher(vertx, Duration.ofSeconds(5), 64);
        registry = new SimpleMeterRegistry();
        // WireMock's first answers are slow while it warms up; no measured poll should pay for that.
        answerAfter(0);
        for (int i = 0; i < 20; i++) {
            fetcher.get(java.net.URI.create("http://127.0.0.1:" + exporter.port() + "/probe?module=warm-up"),
                    Duration.ofSeconds(30), 1 << 20, Map.of()).join();
        }
        Logger.getLogger(PollOverruns.class.getName()).addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger.getLogger(PollOverruns.class.getName()).removeHandler(capture);
        clients.forEach(KeepAliveClient::close);
        fetcher.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        exporter.stop();
    }

    @Test
    void aPollThatOverrunsIsCountedAndLoggedAndThePacingMakesTheNextPollsFit() {
        // 20 nodes answering after 1.8 s, polled every 3 s, starting one probe at a time: the first poll learns the
        // latency only when its budget (1.5 s) is spent, so it overruns (3.6 s); from then on it knows, and a poll
        // takes one answer's time (at fixed concurrency 1 every poll would take 36 s).
        answerAfter(1800);
        Polled bb = blackbox("slow-bb", 20, Duration.ofSeconds(3), 1, 64);

        Duration first = bb.pollOnce();
        assertThat(first).isGreaterThan(Duration.ofSeconds(3));
        assertThat(overruns("slow-bb")).isEqualTo(1.0);
        assertThat(warnings()).singleElement().satisfies(line -> assertThat(line)
                .contains("slow-bb").contains("overran its 3.0 s interval").contains("20 targets"));

        for (int i = 0; i < 2; i++) {
            assertThat(bb.pollOnce()).isLessThan(Duration.ofSeconds(3));
        }
        assertThat(overruns("slow-bb")).isEqualTo(1.0);
        assertThat(bb.source.lastConcurrency()).isBetween(17, 64);
        assertThat(infos()).singleElement().satisfies(line -> assertThat(line)
                .contains("slow-bb").contains("keeps up with its 3.0 s interval again"));
    }

    @Test
    void overrunsBeyondTheBoundAreCountedEachTimeAndLoggedOnceUntilThePollKeepsUp() {
        // 10 nodes at 300 ms with at most 2 probes at once need 1.5 s, polled every second.
        answerAfter(300);
        Polled bb = blackbox("bounded-bb", 10, Duration.ofSeconds(1), 1, 2);

        bb.pollOnce();
        bb.pollOnce();
        assertThat(overruns("bounded-bb")).isEqualTo(2.0);
        assertThat(warnings()).singleElement().satisfies(line -> assertThat(line).contains("bounded-bb")
                .contains("up to 2 probes at once, max-concurrency 2"));
        assertThat(infos()).isEmpty();

        answerAfter(0);
        assertThat(bb.pollOnce()).isLessThan(Duration.ofSeconds(1));
        bb.pollOnce();
        assertThat(overruns("bounded-bb")).isEqualTo(2.0);
        assertThat(warnings()).hasSize(1);
        assertThat(infos()).singleElement().satisfies(line -> assertThat(line).contains("bounded-bb"));
    }

    @Test
    void everyTargetIsProbedOnceAPollAndTellsTheExporterItsDeadline() {
        answerAfter(0);
        Polled bb = blackbox("fleet-bb", 30, Duration.ofSeconds(2), 4, 8);

        List<NodeSample> samples = bb.source.poll(Instant.parse("2026-03-02T08:00:00Z")).await()
                .atMost(Duration.ofSeconds(60));

        assertThat(samples).hasSize(30).allSatisfy(s -> assertThat(s.rttMs()).isEqualTo(4.0));
        assertThat(samples.stream().map(NodeSample::node).distinct()).hasSize(30);
        exporter.verify(30, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/probe"))
                .withHeader(BlackboxSource.SCRAPE_TIMEOUT_HEADER,
                        com.github.tomakehurst.wiremock.client.WireMock.equalTo("5.0")));
    }

    private void answerAfter(int millis) {
        exporter.resetAll();
        exporter.stubFor(get(urlPathEqualTo("/probe"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(millis).withBody(ANSWER)));
    }

    /** The source with its overrun watch, polled as ProbePoller polls it. */
    private record Polled(BlackboxSource source, PollOverruns overruns) {
        Duration pollOnce() {
            long started = System.nanoTime();
            source.poll(Instant.now()).await().atMost(Duration.ofSeconds(60));
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            overruns.pollEnded(took, source.pace());
            return took;
        }
    }

    private Polled blackbox(String name, int nodes, Duration interval, int concurrency, int maxConcurrency) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (int i = 0; i < nodes; i++) {
            targets.put("n" + i, "10.0.0." + i);
        }
        Source config = new Source("http://127.0.0.1:" + exporter.port(), interval, concurrency, maxConcurrency);
        KeepAliveClient client = new KeepAliveClient(name, HttpSettings.DEFAULTS.withConnectionsPerHost(maxConcurrency));
        clients.add(client);
        BlackboxSource source = new BlackboxSource(config, config.own(), List.of(new RegionCatalog.Region("eu-central",
                "Frankfurt", name, targets, null)), fetcher, client, new SourceHealth("probe", name, "blackbox",
                registry));
        return new Polled(source, new PollOverruns(name, "blackbox", interval, registry));
    }

    private double overruns(String source) {
        return registry.get("forewarn.probe.poll.overruns").tag("source", source).counter().count();
    }

    private List<String> warnings() {
        return messages(Level.WARNING);
    }

    private List<String> infos() {
        return messages(Level.INFO);
    }

    private List<String> messages(Level level) {
        List<String> out = new ArrayList<>();
        for (LogRecord r : logged) {
            if (r.getLevel().equals(level)) {
                out.add(r.getParameters() == null ? r.getMessage()
                        : String.format(r.getMessage().replaceAll("%s", "%s"), r.getParameters()));
            }
        }
        return out;
    }

    /** The configuration of one blackbox source: the keys every source has. */
    private record Source(String base, Duration interval, int concurrency, int maxConcurrency)
            implements ForewarnConfig.Source {
        @Override
        public String type() {
            return BlackboxSettings.TYPE;
        }

        @Override
        public Duration timeout() {
            return Duration.ofSeconds(5);
        }

        @Override
        public int maxBodyBytes() {
            return 1 << 20;
        }

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }

        /** The keys of the blackbox type. */
        BlackboxSettings.Source own() {
            return new BlackboxSettings.Source() {
                @Override
                public Optional<String> type() {
                    return Optional.of(BlackboxSettings.TYPE);
                }

                @Override
                public Optional<String> url() {
                    return Optional.of(base);
                }

                @Override
                public String module() {
                    return "http_2xx";
                }

                @Override
                public int concurrency() {
                    return concurrency;
                }

                @Override
                public int maxConcurrency() {
                    return maxConcurrency;
                }
            };
        }
    }
}
