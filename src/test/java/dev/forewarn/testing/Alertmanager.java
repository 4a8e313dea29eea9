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

/** A real Prometheus Alertmanager (Debian's prometheus-alertmanager) on 127.0.0.1, for the Alertmanager channel. */
public final class Alertmanager {
    private static final String BINARY = "/usr/bin/prometheus-alertmanager";

    private final Process process;
    private final int port;
    private final Path dir;

    private Alertmanager(Process process, int port, Path dir) {
        this.process = process;
        this.port = port;
        this.dir = dir;
    }

    public static Alertmanager start() {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(BINARY + " is missing: apt-get install prometheus-alertmanager "
                    + "(.ci/run does this)");
        }
        try {
            Path dir = Files.createTempDirectory("forewarn-alertmanager");
            Path config = dir.resolve("alertmanager.yml");
            Files.writeString(config, """
                    route:
                      receiver: nowhere
                      group_wait: 1s
                    receivers:
                      - name: nowhere
                    """);
            int port = TestPeers.freePort();
            Process p = new ProcessBuilder(BINARY, "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                    "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
            Alertmanager am = new Alertmanager(p, port, dir);
            Instant deadline = Instant.now().plusSeconds(20);
            while (!am.ready()) {
                if (!p.isAlive() || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Alertmanager did not start; log: "
                            + Files.readString(dir.resolve("alertmanager.log")));
                }
                Thread.sleep(100);
            }
            return am;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    private boolean ready() {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The alerts Alertmanager holds, as its API v2 returns them (JSON). */
    public String alerts() {
        try {
            return get("/api/v2/alerts?active=true&silenced=true&inhibited=true&unprocessed=true").body();
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url() + path))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
