package dev.forewarn.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The packaged application as a real process on 127.0.0.1, against the test database, for restart and fail-over tests:
 * the jar, or with {@code -Dnative} (failsafe then sets {@code forewarn.it.native}) the native executable.
 *
 * <p>Made to hold on a loaded machine (start-up took 62–118 s at load average ~17): readiness may take
 * {@link #STARTUP} (5 min, {@code -Dforewarn.it.startup-timeout=PT10M} or {@code FOREWARN_IT_STARTUP_TIMEOUT}), every
 * other wait is stretched by {@link #PATIENCE} (3×, {@code -Dforewarn.it.patience} or {@code FOREWARN_IT_PATIENCE}).
 * A process is killed on every path: when it never gets ready, by {@link #close()}, and by a JVM shutdown hook for
 * whatever a failed or interrupted test run left behind.
 */
public final class AppProcess implements AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    public static final Duration STARTUP = Duration.parse(setting("forewarn.it.startup-timeout",
            "FOREWARN_IT_STARTUP_TIMEOUT", "PT5M"));
    public static final double PATIENCE = Double.parseDouble(setting("forewarn.it.patience", "FOREWARN_IT_PATIENCE",
            "3"));

    // Every process started and not yet known dead: the last-resort hook kills them when the test JVM exits.
    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(AppProcess::killAndWait),
                "forewarn-it-reaper"));
    }

    /** What the process tests start: the native executable under -Dnative, else the jar. */
    public static Path artifact() {
        return Boolean.getBoolean("forewarn.it.native") ? Path.of(System.getProperty("native.image.path")) : JAR;
    }

    private final int port;
    private final Path log;
    private Process process;

    private AppProcess(int port, Path log) {
        this.port = port;
        this.log = log;
    }

    /**
     * The settings every process test shares: one blackbox-fed region "eu-central" probed on {@code httpPort}
     * every second with second-long windows, notices to the SMTP server on {@code smtpPort}, customers imported
     * from {@code customers}. Returned mutable, for each test to add its own.
     */
    public static Map<String, String> probeFleet(int smtpPort, int httpPort, Path customers) {
        Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("quarkus.mailer.port", Integer.toString(smtpPort));
        p.put("forewarn.customers.import-file", customers.toString());
        p.put("forewarn.evaluation.interval", "1s");
        p.put("forewarn.evaluation.sample-window", "2s");
        p.put("forewarn.evaluation.sustained-window", "3s");
        p.put("forewarn.evaluation.recovery-window", "3s");
        p.put("forewarn.notices.send-interval", "1s");
        p.put("forewarn.sources.bb.type", "blackbox");
        p.put("forewarn.sources.bb.url", "http://127.0.0.1:" + httpPort);
        p.put("forewarn.sources.bb.interval", "1s");
        p.put("forewarn.sources.bb.timeout", "1s");
        p.put("forewarn.regions.eu-central.display-name", "Frankfurt");
        p.put("forewarn.regions.eu-central.source", "bb");
        String[] targets = Fleet.TARGETS.get("eu-central");
        for (int i = 0; i < targets.length; i++) {
            p.put("forewarn.regions.eu-central.nodes.fra-" + (i + 1), targets[i]);
        }
        return p;
    }

    /** Starts the jar with these system properties and waits until it is ready. */
    public static AppProcess start(Map<String, String> properties) throws Exception {
        AppProcess app = starting();
        app.restart(properties);
        return app;
    }

    /** An instance with its port and log, not launched yet: {@link #restart} launches it. */
    static AppProcess starting() throws IOException {
        return new AppProcess(TestPeers.freePort(), Files.createTempFile("forewarn-app", ".log"));
    }

    /** Starts this instance (again, with the same port and log, after it was killed). */
    public void restart(Map<String, String> properties) throws Exception {
        launch(properties);
        try {
            waitUntil(STARTUP, this::ready, "readiness of the application");
        } catch (Throwable notReady) {
            kill();
            throw notReady;
        }
    }

    /** Starts this instance without waiting for readiness, for tests of a start-up that is meant to wait. */
    public void launchUnready(Map<String, String> properties) throws Exception {
        launch(properties);
    }

    private void launch(Map<String, String> properties) throws Exception {
        String db = "127.0.0.1:" + env("FOREWARN_DB_PORT", "5432") + "/" + env("FOREWARN_TEST_DB_NAME", "test");
        List<String> cmd = new ArrayList<>();
        if (Boolean.getBoolean("forewarn.it.native")) {
            cmd.add(artifact().toString());
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        }
        cmd.addAll(List.of("-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + db,
                "-Dquarkus.datasource.reactive.url=postgresql://" + db,
                "-Dquarkus.mailer.host=127.0.0.1", "-Dquarkus.mailer.start-tls=DISABLED"));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        if (!Boolean.getBoolean("forewarn.it.native")) {
            cmd.addAll(List.of("-jar", JAR.toString()));
        }
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        RUNNING.add(process);
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, as Kubernetes stops a pod; returns at once, the process shuts down on its own. */
    public void terminate() {
        if (process != null) {
            process.destroy();
        }
    }

    /** Waits for the process to exit (after {@link #terminate()}); false when it is still running after the limit. */
    public boolean awaitExit(Duration limit) throws InterruptedException {
        boolean exited = process == null || process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (exited && process != null) {
            RUNNING.remove(process);
        }
        return exited;
    }

    /** SIGKILL, waiting until the process is gone: no shutdown hook runs, as in a node failure. */
    public void kill() {
        if (process != null) {
            killAndWait(process);
            RUNNING.remove(process);
        }
    }

    /** Kills the process if it still runs; for try-with-resources and {@code @AfterEach}. */
    @Override
    public void close() {
        kill();
    }

    private static void killAndWait(Process p) {
        p.destroyForcibly();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("process " + p.pid() + " did not die within 60 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The value of a metric sample line of /q/metrics (NaN when absent or unreachable). */
    public double metric(String name) {
        try {
            String body = get("/q/metrics").body();
            return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                    .orElse(Double.NaN);
        } catch (IOException | InterruptedException e) {
            return Double.NaN;
        }
    }

    public boolean ready() {
        try {
            return get("/q/health/ready").statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * The readiness document (empty while the HTTP server is not up yet); waits longer than {@link #ready()}, as the
     * data source checks retry a refused connection before they answer.
     */
    public String readiness() {
        try {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/q/health/ready")).timeout(Duration.ofSeconds(20)).build(), Duration.ofSeconds(20)).body();
        } catch (IOException | InterruptedException e) {
            return "";
        }
    }

    /** A GET with this API key as bearer token. */
    public HttpResponse<String> get(String path, String apiKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + apiKey).timeout(Duration.ofSeconds(10)).build(),
                Duration.ofSeconds(10));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build(), Duration.ofSeconds(2));
    }

    /**
     * Sends with a deadline of our own besides the request's: a JDK 17 client was seen waiting for ever on a request
     * with a 2 s timeout (its selector thread never woke), which hung a whole IT run.
     */
    private static HttpResponse<String> send(HttpRequest request, Duration limit)
            throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<HttpResponse<String>> answer = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());
        try {
            return answer.get(limit.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new java.net.http.HttpTimeoutException(request.uri() + ": no answer within " + limit);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /**
     * Waits for a condition, failing with the tail of the log if the process died or time ran out; the limit is what
     * a quiet machine needs, stretched by {@link #PATIENCE}.
     */
    public void waitFor(Duration limit, BooleanSupplier condition, String what) throws Exception {
        waitUntil(patient(limit), condition, what);
    }

    /** A wait a quiet machine finishes within {@code limit}, stretched for a loaded one. */
    public static Duration patient(Duration limit) {
        return Duration.ofMillis((long) (limit.toMillis() * PATIENCE));
    }

    private void waitUntil(Duration limit, BooleanSupplier condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (!isAlive()) {
                throw new AssertionError("the application died while waiting for " + what + ":\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + limit + ":\n" + tail());
            }
            Thread.sleep(200);
        }
    }

    /** Everything the process logged so far. */
    public String log() throws IOException {
        return Files.readString(log);
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static String setting(String property, String variable, String fallback) {
        String v = System.getProperty(property);
        return v != null && !v.isBlank() ? v : env(variable, fallback);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
