package dev.forewarn.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every process test starts from: a WireMock HTTP server with a healthy eu-central fleet, a GreenMail SMTP
 * server, an empty test database and a customers file; the applications it starts are killed by {@link #close()}
 * whatever happened, then the peers are stopped. Use it with try-with-resources or close it in {@code @AfterEach}.
 */
public final class ProcessPeers implements AutoCloseable {
    /** Acme, in Berlin, on eu-central. */
    public static final String ACME = """
            {"id": "acme", "name": "Acme", "emails": ["acme@customers.example"], "language": "en",
             "timeZone": "Europe/Berlin", "regions": ["eu-central"]}""";
    /** Jiankang, in Shanghai, on eu-central. */
    public static final String JIANKANG = """
            {"id": "jiankang", "name": "健康", "emails": ["jiankang@customers.example"], "language": "zh-CN",
             "timeZone": "Asia/Shanghai", "regions": ["eu-central"]}""";

    private final WireMockServer http;
    private final int smtpPort;
    private final GreenMail smtp;
    private final Path customers;
    private final List<AppProcess> apps = new ArrayList<>();

    /** Starts the peers, wipes the database and imports these customers (JSON objects) at each start. */
    public ProcessPeers(String... customerJson) {
        assertPackaged();
        http = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        smtpPort = TestPeers.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        try {
            http.start();
            smtp.start();
            customers = Files.createTempFile("forewarn-customers", ".json");
            Files.writeString(customers, "[" + String.join(",", customerJson) + "]");
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
        Db.wipe();
        new Fleet(http).healthy("eu-central");
    }

    private static void assertPackaged() {
        if (!Files.exists(AppProcess.artifact())) {
            throw new IllegalStateException("run after `mvn package`: " + AppProcess.artifact() + " is missing");
        }
    }

    public WireMockServer http() {
        return http;
    }

    public GreenMail smtp() {
        return smtp;
    }

    public Fleet fleet() {
        return new Fleet(http);
    }

    /** The shared process settings (see {@link AppProcess#probeFleet}), mutable for the test to add its own. */
    public Map<String, String> properties() {
        return AppProcess.probeFleet(smtpPort, http.port(), customers);
    }

    /** Starts an application with these settings, killed by {@link #close()} whatever the test does. */
    public AppProcess start(Map<String, String> properties) throws Exception {
        AppProcess app = AppProcess.starting();
        apps.add(app);
        app.restart(properties);
        return app;
    }

    /** Launches an application without waiting for readiness, killed by {@link #close()} whatever the test does. */
    public AppProcess launchUnready(Map<String, String> properties) throws Exception {
        AppProcess app = AppProcess.starting();
        apps.add(app);
        app.launchUnready(properties);
        return app;
    }

    /** Kills every application started here (waiting until each is gone), then stops the peers. */
    @Override
    public void close() {
        apps.forEach(AppProcess::kill);
        if (http != null) {
            http.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }
}
