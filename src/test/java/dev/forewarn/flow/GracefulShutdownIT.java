package dev.forewarn.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.testing.AppProcess;
import dev.forewarn.testing.OversizedBody;
import dev.forewarn.testing.ProcessPeers;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The packaged application stopped the way Kubernetes stops a pod: an idle Forewarn exits within seconds of SIGTERM
 * (not after a 30 s wait for a Quarkus listener that never reports done), and neither its start nor its stop logs an
 * error or a warning about duplicate meters. Idle includes having refused a body over the size limit: that refusal
 * once stayed "in flight" for ever and made every later shutdown wait its whole grace.
 */
class GracefulShutdownIT {

    @Test
    void anIdleForewarnExitsSoonAfterSigtermAndLogsNoError() throws Exception {
        try (ProcessPeers peers = new ProcessPeers(ProcessPeers.ACME)) {
            AppProcess app = peers.start(peers.properties());
            app.waitFor(Duration.ofSeconds(20), () -> app.metric("forewarn_leader") == 1.0, "leadership");
            app.waitFor(Duration.ofSeconds(20), () -> app.metric("forewarn_region_state") == 0.0,
                    "a judged, healthy region");

            assertThat(OversizedBody.statusLine(app.port(), null)).startsWith("HTTP/1.1 413");

            app.terminate();
            Instant terminated = Instant.now();
            // Quarkus 3.30.5's graceful wait lasted its whole 30 s timeout; Forewarn's own wait ends with its work.
            assertThat(app.awaitExit(Duration.ofSeconds(25))).as("exited within 25 s of SIGTERM").isTrue();
            System.out.printf("shutdown: an idle Forewarn exited %d ms after SIGTERM%n",
                    Duration.between(terminated, Instant.now()).toMillis());

            String log = app.log();
            assertThat(log).contains("Shutting down: no work in flight");
            assertThat(log).doesNotContain(" ERROR ").doesNotContain("Timed out waiting for graceful shutdown")
                    .doesNotContain("has been already registered");
        }
    }
}
