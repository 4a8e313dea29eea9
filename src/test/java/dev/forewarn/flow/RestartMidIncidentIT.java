package dev.forewarn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.Scenario;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, killed with SIGKILL mid-incident and started again on the same database: every
 * customer still gets exactly one warning and one all-clear. Runs on the real clock with second-long windows.
 */
class RestartMidIncidentIT {
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    private WireMockServer http;
    private GreenMail smtp;
    private Process app;
    private int port;
    private int smtpPort;
    private Path customers;
    private Path log;

    @BeforeEach
    void peers() throws IOException {
        assertThat(JAR).as("run after `mvn package`").exists();
        http = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal());
        http.start();
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        new Fleet(http).healthy("eu-central");
        Db.wipe();
        customers = Files.createTempFile("forewarn-customers", ".json");
        Files.writeString(customers, """
                [{"id": "acme", "name": "Acme", "emails": ["acme@customers.example"], "language": "en",
                  "timeZone": "Europe/Berlin", "regions": ["eu-central"]},
                 {"id": "jiankang", "name": "健康", "emails": ["jiankang@customers.example"], "language": "zh-CN",
                  "timeZone": "Asia/Shanghai", "regions": ["eu-central"]}]""");
        log = Files.createTempFile("forewarn-app", ".log");
        port = freePort();
    }

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
        http.stop();
        smtp.stop();
    }

    @Test
    void aKilledAndRestartedForewarnLosesNothingAndRepeatsNothing() throws Exception {
        start();
        new Fleet(http).degraded("eu-central");
        waitFor(Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length >= 2, "two warnings");

        app.destroyForcibly().waitFor();
        start();
        // Still degraded after the restart: the stored judgement and incident hold, nobody is warned again.
        Thread.sleep(6_000);
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        new Fleet(http).healthy("eu-central");
        waitFor(Duration.ofSeconds(40), () -> smtp.getReceivedMessages().length >= 4, "two all-clears");
        Thread.sleep(3_000);

        assertThat(Scenario.subjectsByRecipient(smtp)).containsOnlyKeys("acme@customers.example",
                "jiankang@customers.example").allSatisfy((to, subjects) -> assertThat(subjects).hasSize(2));
        assertThat(Db.count("SELECT count(*) FROM incident")).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM notice WHERE status = 'SENT'")).isEqualTo(4);
    }

    @Test
    void noticesPendingWhenKilledAreSentOnceAfterTheRestart() throws Exception {
        smtp.stop();
        start();
        new Fleet(http).degraded("eu-central");
        waitFor(Duration.ofSeconds(30), () -> Db.count("SELECT count(*) FROM notice WHERE attempts > 0") >= 2,
                "warnings tried while SMTP is down");

        app.destroyForcibly().waitFor();
        smtp.start();
        start();
        waitFor(Duration.ofSeconds(40), () -> smtp.getReceivedMessages().length >= 2, "the queued warnings");
        Thread.sleep(3_000);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private void start() throws Exception {
        String base = "http://127.0.0.1:" + http.port();
        String db = "127.0.0.1:" + env("FOREWARN_DB_PORT", "5432") + "/" + env("FOREWARN_TEST_DB_NAME", "test");
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + db,
                "-Dquarkus.datasource.reactive.url=postgresql://" + db,
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + smtpPort,
                "-Dquarkus.mailer.start-tls=DISABLED",
                "-Dforewarn.customers.import-file=" + customers,
                "-Dforewarn.evaluation.interval=1s",
                "-Dforewarn.evaluation.sample-window=3s",
                "-Dforewarn.evaluation.sustained-window=3s",
                "-Dforewarn.evaluation.recovery-window=3s",
                "-Dforewarn.notices.send-interval=1s",
                "-Dforewarn.notices.initial-backoff=1s",
                "-Dforewarn.notices.max-backoff=2s",
                "-Dforewarn.notices.claim-lease=5s",
                "-Dforewarn.sources.bb.type=blackbox",
                "-Dforewarn.sources.bb.url=" + base,
                "-Dforewarn.sources.bb.interval=1s",
                "-Dforewarn.sources.bb.timeout=1s",
                "-Dforewarn.regions.eu-central.display-name=Frankfurt",
                "-Dforewarn.regions.eu-central.source=bb"));
        String[] targets = Fleet.TARGETS.get("eu-central");
        for (int i = 0; i < targets.length; i++) {
            cmd.add("-Dforewarn.regions.eu-central.nodes.fra-" + (i + 1) + "=" + targets[i]);
        }
        cmd.addAll(List.of("-jar", JAR.toString()));
        app = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(
                log.toFile())).start();
        waitFor(Duration.ofSeconds(60), this::ready, "readiness of the application (log: " + log + ")");
    }

    private boolean ready() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private void waitFor(Duration limit, BooleanSupplier condition, String what) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            if (!app.isAlive()) {
                throw new AssertionError("the application died while waiting for " + what + "; log: "
                        + Files.readString(log).lines().skip(Math.max(0, Files.readString(log).lines().count() - 40))
                        .reduce("", (a, b) -> a + "\n" + b));
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no " + what + " within " + limit);
            }
            Thread.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
