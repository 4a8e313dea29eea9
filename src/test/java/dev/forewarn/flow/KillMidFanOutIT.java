package dev.forewarn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.forewarn.testing.AppProcess;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.Fleet;
import dev.forewarn.testing.TestPeers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, killed with SIGKILL in the middle of a 1,200-customer warning fan-out and started again
 * on the same database: every customer gets the warning, and the only repeats are the messages that were in flight
 * at the kill — at most {@code forewarn.notices.concurrency} (default batch size and concurrency; the claim lease is
 * shortened only so that the repeats come within the test's time).
 */
class KillMidFanOutIT {
    private static final int CUSTOMERS = 1_200;
    /** The default of {@code forewarn.notices.concurrency}. */
    private static final int CONCURRENCY = 16;

    private WireMockServer http;
    private GreenMail smtp;
    private AppProcess app;
    private int smtpPort;
    private Path customers;

    @BeforeEach
    void peers() throws Exception {
        assertThat(AppProcess.JAR).as("run after `mvn package`").exists();
        http = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort()
                .disableRequestJournal());
        http.start();
        smtpPort = TestPeers.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        new Fleet(http).healthy("eu-central");
        Db.wipe();
        // Inserted here rather than imported at start-up: importing 1,200 customers one by one would dominate the run.
        Db.exec("INSERT INTO customer (id, name, emails, language, time_zone, regions, created_at, updated_at) "
                + "SELECT 'c' || i, 'Customer ' || i, ARRAY['c' || i || '@customers.example'], 'en', 'Europe/Berlin', "
                + "ARRAY['eu-central'], now(), now() FROM generate_series(1, " + CUSTOMERS + ") i");
        customers = Files.createTempFile("forewarn-customers", ".json");
        Files.writeString(customers, "[]");
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            app.kill();
        }
        http.stop();
        smtp.stop();
        Files.deleteIfExists(customers);
    }

    @Test
    void aKillMidFanOutRepeatsAtMostTheMessagesInFlight() throws Exception {
        Map<String, String> props = AppProcess.probeFleet(smtpPort, http.port(), customers);
        props.put("forewarn.notices.claim-lease", "10s");
        props.put("forewarn.notices.send-timeout", "5s");
        app = AppProcess.start(props);
        new Fleet(http).degraded("eu-central");

        // Killed once a fifth of the warnings are out: batches are being claimed, sent and recorded.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (smtp.getReceivedMessages().length < CUSTOMERS / 5) {
            assertThat(Instant.now()).as("the fan-out starts").isBefore(deadline);
            Thread.sleep(5);
        }
        app.kill();
        int atKill = smtp.getReceivedMessages().length;
        long recordedAtKill = Db.count("SELECT count(*) FROM notice WHERE status = 'SENT'");

        app.restart(props);
        app.waitFor(Duration.ofSeconds(120), () -> Db.count("SELECT count(*) FROM notice WHERE status <> 'SENT'") == 0
                && Db.count("SELECT count(*) FROM notice") == CUSTOMERS, "every warning recorded as sent");
        Thread.sleep(2_000);

        Map<String, Integer> copiesByNotice = new TreeMap<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            copiesByNotice.merge(noticeId(m), 1, Integer::sum);
        }
        int repeats = copiesByNotice.values().stream().mapToInt(n -> n - 1).sum();
        System.out.printf("KillMidFanOutIT: %d warnings; killed after %d emails (%d recorded sent); %d notice(s) "
                        + "repeated after the restart, %d repeat(s) in all (bound: concurrency %d)%n", CUSTOMERS,
                atKill, recordedAtKill, copiesByNotice.values().stream().filter(n -> n > 1).count(), repeats,
                CONCURRENCY);

        assertThat(copiesByNotice).as("every customer is warned").hasSize(CUSTOMERS);
        assertThat(atKill).as("killed in the middle of the fan-out").isLessThan(CUSTOMERS);
        assertThat(repeats).as("repeats are the messages in flight at the kill").isLessThanOrEqualTo(CONCURRENCY);
    }

    private static String noticeId(MimeMessage m) {
        try {
            return m.getHeader("X-Forewarn-Notice")[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
