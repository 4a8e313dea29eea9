package dev.forewarn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.forewarn.testing.AppProcess;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.ProcessPeers;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, killed with SIGKILL in the middle of a 1,200-customer warning fan-out and started again
 * on the same database: every customer gets the warning, and the only repeats are the messages that were in flight
 * at the kill — at most {@code forewarn.notices.concurrency} (default batch size and concurrency; the claim lease is
 * shortened only so that the repeats come within the test's time, and left long enough for a loaded machine to send
 * a good part of a batch within it). A send the SMTP server accepted but answered only after the send timeout is
 * recorded as a retry and so repeated too: the timeout is kept generous for a loaded machine.
 */
class KillMidFanOutIT {
    private static final int CUSTOMERS = 1_200;
    /** The default of {@code forewarn.notices.concurrency}. */
    private static final int CONCURRENCY = 16;

    private ProcessPeers peers;

    @AfterEach
    void stop() {
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void aKillMidFanOutRepeatsAtMostTheMessagesInFlight() throws Exception {
        peers = new ProcessPeers();
        GreenMail smtp = peers.smtp();
        // Inserted here rather than imported at start-up: importing 1,200 customers one by one would dominate the run.
        Db.exec("INSERT INTO customer (id, name, emails, language, time_zone, regions, created_at, updated_at) "
                + "SELECT 'c' || i, 'Customer ' || i, ARRAY['c' || i || '@customers.example'], 'en', 'Europe/Berlin', "
                + "ARRAY['eu-central'], now(), now() FROM generate_series(1, " + CUSTOMERS + ") i");
        Map<String, String> props = peers.properties();
        props.put("forewarn.notices.claim-lease", "60s");
        props.put("forewarn.notices.send-timeout", "20s");
        AppProcess app = peers.start(props);
        peers.fleet().degraded("eu-central");

        // Killed once a fifth of the warnings are out: batches are being claimed, sent and recorded.
        Instant deadline = Instant.now().plus(AppProcess.patient(Duration.ofSeconds(60)));
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
        // Anything still arriving after the last record would be a repeat too.
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
