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
import java.util.function.BooleanSupplier;

/** The packaged application as a real process on 127.0.0.1, against the test database, for restart and fail-over tests. */
public final class AppProcess {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

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
        AppProcess app = new AppProcess(TestPeers.freePort(), Files.createTempFile("forewarn-app", ".log"));
        app.launch(properties);
        return app;
    }

    /** Starts this instance again (same port and log) after it was killed. */
    public void restart(Map<String, String> properties) throws Exception {
        launch(properties);
    }

    private void launch(Map<String, String> properties) throws Exception {
        String db = "127.0.0.1:" + env("FOREWARN_DB_PORT", "5432") + "/" + env("FOREWARN_TEST_DB_NAME", "test");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + db,
                "-Dquarkus.datasource.reactive.url=postgresql://" + db,
                "-Dquarkus.mailer.host=127.0.0.1", "-Dquarkus.mailer.start-tls=DISABLED"));
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", JAR.toString()));
        process = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            // Generous: on a loaded machine a JVM start alone takes 40 s.
            waitFor(Duration.ofSeconds(180), this::ready, "readiness of the application");
        } catch (AssertionError | InterruptedException e) {
            // The caller never gets hold of an instance that failed to start, so it is stopped here.
            process.destroyForcibly().waitFor();
            throw e;
        }
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

    /** SIGKILL: no shutdown hook runs, as in a node failure. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
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

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Waits for a condition, failing with the tail of the log if the process died or time ran out. */
    public void waitFor(Duration limit, BooleanSupplier condition, String what) throws Exception {
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

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
