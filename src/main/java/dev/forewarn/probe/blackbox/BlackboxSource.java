package dev.forewarn.probe.blackbox;

import dev.forewarn.polling.FetchFailures;
import dev.forewarn.polling.SourceHealth;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.probe.ProbeSource;
import dev.forewarn.probe.format.BlackboxScanner;
import dev.forewarn.http.BodyReader;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.http.KeepAliveClient;
import dev.forewarn.probe.model.PollPacing;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.model.NodeSample;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Polls a Prometheus blackbox exporter: one {@code /probe?module=…&target=…} call per node, as many at once as
 * the cycle needs to fit a fifth of its interval ({@link PollPacing}, between {@code concurrency} and
 * {@code max-concurrency}); each answer is one sample, and the window of samples gives RTT, jitter and loss.
 */
final class BlackboxSource implements ProbeSource {
    // What Prometheus sends: the exporter ends its probe (minus its offset) before our deadline, so a node that
    // does not answer comes back as probe_success 0 — unreachable — instead of a fetch timeout (not reporting).
    static final String SCRAPE_TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds";

    private final ForewarnConfig.Source config;
    private final BlackboxSettings.Source own;
    private final SourceHealth health;
    private final PollPacing pacing;
    private final List<Target> targets;
    private volatile int startConcurrency;
    private volatile int lastPeak;

    /**
     * A source calling a plain-http exporter through {@code client} (issue 15: a fraction of the CPU per probe),
     * an https one through the shared {@code fetcher}.
     */
    BlackboxSource(ForewarnConfig.Source config, BlackboxSettings.Source own, List<RegionCatalog.Region> regions,
                   HttpFetcher fetcher, KeepAliveClient client, SourceHealth health) {
        this.config = config;
        this.own = own;
        this.health = health;
        this.pacing = new PollPacing(own.concurrency(), own.maxConcurrency(), config.interval());
        this.startConcurrency = own.concurrency();
        Map<String, String> headers = new LinkedHashMap<>(config.headers());
        if (headers.keySet().stream().noneMatch(SCRAPE_TIMEOUT_HEADER::equalsIgnoreCase)) {
            headers.put(SCRAPE_TIMEOUT_HEADER, String.valueOf(config.timeout().toMillis() / 1000.0));
        }
        // Addresses are fixed by configuration: each request is built once, not once per cycle.
        String base = own.url().orElseThrow().replaceAll("/+$", "") + "/probe?module=" + encode(own.module())
                + "&target=";
        boolean plain = plainHttp(base);
        List<Target> all = new ArrayList<>();
        for (RegionCatalog.Region region : regions) {
            region.nodes().forEach((node, address) -> {
                URI uri = URI.create(base + encode(address));
                Call call;
                if (plain) {
                    KeepAliveClient.Prepared get = client.prepare(uri, headers);
                    call = reader -> client.read(get, config.timeout(), config.maxBodyBytes(), reader);
                } else {
                    HttpFetcher.PreparedGet get = fetcher.prepare(uri, headers);
                    call = reader -> fetcher.read(get, config.timeout(), config.maxBodyBytes(), reader);
                }
                all.add(new Target(region.id(), node, call));
            });
        }
        this.targets = List.copyOf(all);
    }

    /** Whether the exporter at {@code url} is reached through this source's own client (plain http). */
    static boolean plainHttp(String url) {
        return url.regionMatches(true, 0, "http:", 0, 5);
    }

    /** One prepared {@code /probe} call: the same request every cycle, read by the cycle's reader. */
    @FunctionalInterface
    private interface Call {
        CompletableFuture<NodeSample> read(BodyReader<NodeSample> reader);
    }

    private record Target(String region, String node, Call call) {
    }

    @Override
    public Uni<List<NodeSample>> poll(Instant now) {
        return Uni.createFrom().completionStage(() -> new Cycle(now).start())
                .map(samples -> {
                    if (!samples.isEmpty()) {
                        health.succeeded(now, samples.size() == targets.size());
                    }
                    return samples;
                });
    }

    @Override
    public String pace() {
        return targets.size() + " targets, up to " + lastPeak + " probes at once, max-concurrency "
                + pacing.ceiling();
    }

    /** Probes at once the last cycle reached. */
    int lastConcurrency() {
        return lastPeak;
    }

    /** One pass over every target, keeping as many probes in flight as the pacing asks for. */
    private final class Cycle {
        private final Instant now;
        private final long started = System.nanoTime();
        private final CompletableFuture<List<NodeSample>> done = new CompletableFuture<>();
        private final List<NodeSample> samples = new ArrayList<>(targets.size());
        private int next;
        private int inFlight;
        private int finished;
        private long latencySum;
        private int limit = startConcurrency;
        private int peak = limit;
        private boolean pumping;

        Cycle(Instant now) {
            this.now = now;
        }

        CompletableFuture<List<NodeSample>> start() {
            if (targets.isEmpty()) {
                done.complete(List.of());
            } else {
                pump();
            }
            return done;
        }

        /** Starts probes up to the limit; a completion that arrives while this runs is picked up by its loop. */
        private void pump() {
            synchronized (this) {
                if (pumping) {
                    return;
                }
                pumping = true;
            }
            while (true) {
                Target target;
                synchronized (this) {
                    if (inFlight >= limit || next >= targets.size()) {
                        pumping = false;
                        return;
                    }
                    target = targets.get(next++);
                    inFlight++;
                }
                launch(target);
            }
        }

        private void launch(Target t) {
            long probeStarted = System.nanoTime();
            CompletableFuture<NodeSample> probe;
            try {
                probe = t.call().read((bytes, offset, length) -> BlackboxScanner.read(t.region(), t.node(), now,
                        bytes, offset, length));
            } catch (RuntimeException e) {
                probe = CompletableFuture.failedFuture(e);
            }
            probe.whenComplete((sample, failure) -> finished(t, probeStarted, sample, failure));
        }

        private void finished(Target t, long probeStarted, NodeSample sample, Throwable failure) {
            if (failure != null) {
                health.failed(FetchFailures.reason(failure), FetchFailures.detail(t.region() + "/" + t.node(),
                        failure));
            }
            long at = System.nanoTime();
            boolean last;
            synchronized (this) {
                inFlight--;
                finished++;
                latencySum += at - probeStarted;
                if (sample != null) {
                    samples.add(sample);
                }
                limit = pacing.during(limit, targets.size() - next, at - started, latencySum / finished);
                peak = Math.max(peak, limit);
                last = finished == targets.size();
            }
            if (last) {
                lastPeak = peak;
                startConcurrency = pacing.nextStart(targets.size(), latencySum / finished);
                done.complete(samples);
            } else {
                pump();
            }
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
