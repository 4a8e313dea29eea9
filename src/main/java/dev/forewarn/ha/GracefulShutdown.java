package dev.forewarn.ha;

import dev.forewarn.config.ForewarnConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Forewarn's own graceful shutdown: on SIGTERM new HTTP requests are answered 503 and no new job starts, and the
 * process waits until the requests and jobs in flight (a drain handing notices to SMTP, a judgement committing) are
 * done — at most {@code forewarn.jobs.shutdown-grace} — before Quarkus closes the database pools.
 *
 * <p>Why not Quarkus' {@code quarkus.shutdown.timeout}: in 3.30.5 that wait also waits for a Jackson shutdown
 * listener ({@code JacksonRecorder.clearCachesOnShutdown}) that never reports done, so every SIGTERM took the whole
 * timeout and ended with an ERROR ("Timed out waiting for graceful shutdown"). With that timeout unset Quarkus waits
 * for no listener, and this class waits for exactly the work that matters.
 */
@ApplicationScoped
public class GracefulShutdown {
    private static final Logger LOG = Logger.getLogger(GracefulShutdown.class);

    private final AtomicInteger inFlightJobs = new AtomicInteger();
    /**
     * The responses of requests in flight. Kept as the responses themselves, not a count decremented by an end
     * handler: a response has one end-handler slot, and Quarkus' own refusal of a body over
     * {@code quarkus.http.limits.max-body-size} takes it (to close the connection after its 413), so a count would
     * keep that request in flight for ever and every later shutdown would wait its whole grace. A response that
     * has ended or lost its connection is not in flight, whoever holds the slot.
     */
    private final Set<HttpServerResponse> inFlightRequests = ConcurrentHashMap.newKeySet();
    /** Responses tracked since the last sweep of finished ones, so lost end handlers cannot pile up. */
    private final AtomicInteger trackedSinceSweep = new AtomicInteger();
    private volatile boolean stopping;

    @Inject
    ForewarnConfig config;

    /** Registers the JVM hook that marks the process as stopping the moment SIGTERM arrives. */
    GracefulShutdown() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopping = true, "forewarn-stopping"));
    }

    /** True once SIGTERM has arrived: start no new work. */
    public boolean stopping() {
        return stopping;
    }

    /** Runs a job unless the process is stopping, and counts it as in flight until it ends. */
    public <T> Uni<T> track(Uni<T> job) {
        return Uni.createFrom().deferred(() -> {
            if (stopping) {
                return Uni.createFrom().nullItem();
            }
            inFlightJobs.incrementAndGet();
            return job.eventually(inFlightJobs::decrementAndGet);
        });
    }

    void answerUnavailableWhileStopping(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(rc -> {
            if (stopping) {
                rc.response().setStatusCode(503).putHeader("Retry-After", "5").putHeader("Connection", "close")
                        .end("shutting down");
                return;
            }
            HttpServerResponse response = rc.response();
            if (trackedSinceSweep.incrementAndGet() >= 1_000) {
                trackedSinceSweep.set(0);
                requestsInFlight();
            }
            inFlightRequests.add(response);
            rc.addEndHandler(ignored -> inFlightRequests.remove(response));
            rc.next();
        });
    }

    /** Waits for in-flight work before Quarkus tears the pools and the HTTP server down. */
    void awaitInFlightWork(@Observes @Priority(1) ShutdownEvent ignored) {
        stopping = true;
        Duration grace = config.jobs().shutdownGrace();
        long started = System.nanoTime();
        long deadline = started + grace.toNanos();
        if (inFlightJobs.get() + requestsInFlight() > 0) {
            LOG.infof("Shutting down: waiting up to %s for %d job(s) and %d request(s) in flight", grace,
                    inFlightJobs.get(), requestsInFlight());
        }
        while (inFlightJobs.get() + requestsInFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        long waitedMs = (System.nanoTime() - started) / 1_000_000;
        if (inFlightJobs.get() + requestsInFlight() > 0) {
            // A send cut off here is not lost: its claim lease expires and any replica sends it.
            LOG.warnf("Shutting down after %d ms with %d job(s) and %d request(s) still in flight", waitedMs,
                    inFlightJobs.get(), requestsInFlight());
        } else {
            LOG.infof("Shutting down: no work in flight (waited %d ms)", waitedMs);
        }
    }

    /** Requests whose response has neither ended nor lost its connection; forgets the others. */
    int requestsInFlight() {
        inFlightRequests.removeIf(response -> response.ended() || response.closed());
        return inFlightRequests.size();
    }
}
