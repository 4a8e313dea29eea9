package dev.forewarn.bench;

import dev.forewarn.probe.format.BlackboxScanner;
import dev.forewarn.http.HttpFetcher;
import io.vertx.core.Vertx;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The probe cycle: a {@link Simulator} in a child process serves R regions × N nodes of blackbox answers on
 * 127.0.0.1, and this process fetches every target with the real {@link HttpFetcher}, parses it with
 * {@link BlackboxScanner} straight from the bytes, at most C requests in flight — as
 * {@code BlackboxSource} does. Per size and concurrency it prints the median cycle wall time and this process's
 * CPU time per cycle (OperatingSystemMXBean process CPU, so the simulator's work is not counted), and the share
 * of one core that costs at one cycle every 15 s. Usage: {@code ProbeCycleBenchmark [RxN ...]} (default 200x25).
 */
public final class ProbeCycleBenchmark {

    private static final int CYCLES = Integer.getInteger("bench.cycles", 7);
    private static final int[] CONCURRENCY = {16, 32, 64};

    private ProbeCycleBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<String> sizes = args.length == 0 ? List.of("200x25") : Arrays.asList(args);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        System.out.printf("%-8s %7s %5s %12s %12s %14s %8s%n", "size", "targets", "conc", "wall ms p50",
                "wall ms max", "cpu ms/cycle", "core@15s");
        for (String size : sizes) {
            String[] rn = size.split("x");
            int regions = Integer.parseInt(rn[0]);
            int nodes = Integer.parseInt(rn[1]);
            Process sim = new ProcessBuilder(Path.java(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Simulator.class.getName(), "--regions", rn[0], "--nodes", rn[1], "--for", "300s")
                    .redirectErrorStream(true).start();
            try {
                String base = probeUrl(sim);
                List<URI> targets = new ArrayList<>(regions * nodes);
                for (int g = 0; g < regions; g++) {
                    for (int n = 0; n < nodes; n++) {
                        targets.add(URI.create(base + "/probe?module=icmp&target=region-" + g + "-node-" + n));
                    }
                }
                Vertx vertx = Vertx.vertx();
                for (int c : CONCURRENCY) {
                    // As ProbePoller sizes it: one keep-alive connection per call in flight.
                    HttpFetcher fetcher = new HttpFetcher(vertx, Duration.ofSeconds(2), c);
                    cycle(fetcher, targets, c); // warm-up: JIT and connection pool
                    cycle(fetcher, targets, c);
                    long[] wall = new long[CYCLES];
                    long[] cpu = new long[CYCLES];
                    for (int i = 0; i < CYCLES; i++) {
                        long cpu0 = os.getProcessCpuTime();
                        long t0 = System.nanoTime();
                        int ok = cycle(fetcher, targets, c);
                        wall[i] = (System.nanoTime() - t0) / 1_000_000;
                        cpu[i] = (os.getProcessCpuTime() - cpu0) / 1_000_000;
                        if (ok != targets.size()) {
                            throw new IllegalStateException(ok + " of " + targets.size() + " targets answered");
                        }
                    }
                    Arrays.sort(wall);
                    Arrays.sort(cpu);
                    long cpuMedian = cpu[CYCLES / 2];
                    System.out.printf("%-8s %7d %5d %12d %12d %14d %7.1f%%%n", size, targets.size(), c,
                            wall[CYCLES / 2], wall[CYCLES - 1], cpuMedian, 100.0 * cpuMedian / 15_000);
                    fetcher.close();
                }
            } finally {
                sim.destroy();
                sim.waitFor(10, TimeUnit.SECONDS);
            }
        }
        System.exit(0);
    }

    /** Fetches, parses and reads every target with at most {@code concurrency} in flight; returns how many succeeded. */
    static int cycle(HttpFetcher fetcher, List<URI> targets, int concurrency) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        AtomicInteger ok = new AtomicInteger();
        List<CompletableFuture<?>> all = new ArrayList<>(targets.size());
        Instant at = Instant.now();
        for (URI uri : targets) {
            slots.acquire();
            String target = uri.getQuery().substring(uri.getQuery().indexOf("target=") + 7);
            // As BlackboxSource reads an answer: straight from the bytes (it prepares each GET once, at start-up).
            all.add(fetcher.read(fetcher.prepare(uri, Map.of()), Duration.ofSeconds(5), 64 * 1024,
                            (bytes, offset, length) -> BlackboxScanner.read("r", target, at, bytes, offset, length))
                    .thenAccept(s -> {
                        if (s != null) {
                            ok.incrementAndGet();
                        }
                    })
                    .whenComplete((v, e) -> slots.release()));
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        return ok.get();
    }

    private static String probeUrl(Process sim) throws Exception {
        var in = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.startsWith("probe-url ")) {
                return line.substring("probe-url ".length());
            }
        }
        throw new IllegalStateException("the simulator did not start");
    }

    private static final class Path {
        static String java() {
            return ProcessHandle.current().info().command().orElse("java");
        }
    }
}
