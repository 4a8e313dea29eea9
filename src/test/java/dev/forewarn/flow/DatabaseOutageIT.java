package dev.forewarn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.forewarn.testing.AppProcess;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.ProcessPeers;
import java.io.File;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL itself is stopped under a running Forewarn while a region degrades: readiness reports the outage,
 * nothing crashes, and once the database is back Forewarn reconnects, decides, and warns exactly once.
 * Needs the local Debian cluster and the right to stop and start it (root, as in CI).
 */
class DatabaseOutageIT {
    private ProcessPeers peers;

    @AfterEach
    void stop() throws Exception {
        cluster("start");
        if (peers != null) {
            peers.close();
        }
    }

    @Test
    void aDatabaseRestartIsSurvivedAndNothingDecidedIsLost() throws Exception {
        peers = new ProcessPeers(ProcessPeers.ACME);
        GreenMail smtp = peers.smtp();
        AppProcess app = peers.start(peers.properties());
        app.waitFor(Duration.ofSeconds(20), () -> app.metric("forewarn_leader") == 1.0, "leadership");
        Thread.sleep(3_000);

        cluster("stop");
        peers.fleet().degraded("eu-central");
        app.waitFor(Duration.ofSeconds(30), () -> !app.ready(), "readiness to report the database outage");
        Thread.sleep(5_000);
        assertThat(app.isAlive()).isTrue();
        assertThat(smtp.getReceivedMessages()).as("nothing can be decided without the database").isEmpty();

        cluster("start");
        app.waitFor(Duration.ofSeconds(60), app::ready, "readiness after the database is back");
        app.waitFor(Duration.ofSeconds(60), () -> smtp.getReceivedMessages().length >= 1, "the warning");
        Thread.sleep(4_000);
        assertThat(smtp.getReceivedMessages()).as("exactly one warning").hasSize(1);
        assertThat(Db.count("SELECT count(*) FROM incident WHERE status = 'OPEN'")).isEqualTo(1);
    }

    private static void cluster(String action) throws Exception {
        String[] versions = new File("/etc/postgresql").list();
        assertThat(versions).as("the Debian PostgreSQL cluster this test stops and starts").isNotEmpty();
        Process p = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", versions[0], "main", action)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        // "start" on a running cluster and "stop" on a stopped one exit 2; both leave the state we want.
        assertThat(p.exitValue()).as("pg_ctlcluster %s: %s", action, out).isIn(0, 2);
        if (action.equals("start")) {
            for (int i = 0; i < 60; i++) {
                Process ready = new ProcessBuilder("pg_isready", "-h", "127.0.0.1", "-q").start();
                if (ready.waitFor() == 0) {
                    return;
                }
                Thread.sleep(500);
            }
        }
    }
}
