package dev.forewarn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.forewarn.testing.AppProcess;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.ProcessPeers;
import dev.forewarn.testing.Scenario;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged application, killed with SIGKILL mid-incident and started again on the same database: every
 * customer still gets exactly one warning and one all-clear. Runs on the real clock with second-long windows.
 */
class RestartMidIncidentIT {

    private ProcessPeers peers;
    private GreenMail smtp;
    private AppProcess app;

    @BeforeEach
    void peers() {
        peers = new ProcessPeers(ProcessPeers.ACME, ProcessPeers.JIANKANG);
        smtp = peers.smtp();
    }

    @AfterEach
    void stop() {
        peers.close();
    }

    @Test
    void aKilledAndRestartedForewarnLosesNothingAndRepeatsNothing() throws Exception {
        start();
        peers.fleet().degraded("eu-central");
        waitFor(Duration.ofSeconds(30), () -> smtp.getReceivedMessages().length >= 2, "two warnings");
        // Killed once both sends are recorded: a kill between the SMTP server's acceptance and that record is the
        // documented one-repeat window; noticesPendingWhenKilledAreSentOnceAfterTheRestart covers kills before a send.
        waitFor(Duration.ofSeconds(10), () -> Db.count("SELECT count(*) FROM notice WHERE status = 'SENT'") == 2,
                "both warnings recorded as sent");

        app.kill();
        start();
        // Still degraded after the restart: the stored judgement and incident hold, nobody is warned again.
        Thread.sleep(6_000);
        assertThat(smtp.getReceivedMessages()).hasSize(2);

        peers.fleet().healthy("eu-central");
        waitFor(Duration.ofSeconds(40), () -> smtp.getReceivedMessages().length >= 4, "two all-clears");
        Thread.sleep(3_000);

        assertThat(Scenario.subjectsByRecipient(smtp)).containsOnlyKeys("acme@customers.example",
                "jiankang@customers.example").allSatisfy((to, subjects) -> assertThat(subjects).hasSize(2));
        assertThat(Db.count("SELECT count(*) FROM incident")).isEqualTo(1);
        assertThat(Db.count("SELECT count(*) FROM notice WHERE status = 'SENT'")).isEqualTo(4);
        assertThat(app.log()).as("customer addresses never reach the log").doesNotContain("@customers.example");
        assertThat(app.log()).as("no job fails while every peer works").doesNotContain("failed; it runs again");
    }

    @Test
    void noticesPendingWhenKilledAreSentOnceAfterTheRestart() throws Exception {
        smtp.stop();
        start();
        peers.fleet().degraded("eu-central");
        waitFor(Duration.ofSeconds(30), () -> Db.count("SELECT count(*) FROM notice WHERE attempts > 0") >= 2,
                "warnings tried while SMTP is down");

        app.kill();
        smtp.start();
        start();
        waitFor(Duration.ofSeconds(40), () -> smtp.getReceivedMessages().length >= 2, "the queued warnings");
        Thread.sleep(3_000);
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    private void start() throws Exception {
        Map<String, String> props = peers.properties();
        props.put("forewarn.notices.initial-backoff", "1s");
        props.put("forewarn.notices.max-backoff", "2s");
        props.put("forewarn.notices.claim-lease", "10s");
        props.put("forewarn.notices.send-timeout", "3s");
        if (app == null) {
            app = peers.start(props);
        } else {
            app.restart(props);
        }
    }

    private void waitFor(Duration limit, BooleanSupplier condition, String what) throws Exception {
        app.waitFor(limit, condition, what);
    }
}
