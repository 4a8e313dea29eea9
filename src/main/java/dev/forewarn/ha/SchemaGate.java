package dev.forewarn.ha;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.ha.model.StartupBackoff;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Brings the database to the current schema at start-up and opens the gate for everything that needs it: Flyway
 * runs here rather than through {@code quarkus.flyway.migrate-at-start}, so a replica that PostgreSQL refuses (down,
 * or out of connections) stays up, reports not ready and retries with capped exponential backoff
 * ({@link StartupBackoff}, {@code forewarn.database.*}) instead of exiting. Configuration is validated before this
 * runs, so a bad key still stops the process.
 */
@ApplicationScoped
public class SchemaGate {
    private static final Logger LOG = Logger.getLogger(SchemaGate.class);

    @Inject
    ForewarnConfig config;
    @Inject
    Instance<Flyway> flyway;
    @Inject
    Event<SchemaMigrated> migrated;
    @Inject
    GracefulShutdown shutdown;
    @Inject
    MeterRegistry registry;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile boolean ready;
    private volatile int failures;
    private volatile String lastFailure;
    private volatile Instant nextAttemptAt;
    private Counter failureCounter;

    /** Checks the backoff settings naming the key; run with the other configuration rules, before the database. */
    public static StartupBackoff check(ForewarnConfig config) {
        ForewarnConfig.Database d = config.database();
        try {
            return new StartupBackoff(d.initialBackoff(), d.maxBackoff(), d.giveUpAfter());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("forewarn.database." + e.getMessage(), e);
        }
    }

    /** True once the schema is migrated and the start-up work that needs the database is done. */
    public boolean ready() {
        return ready;
    }

    /** Failed attempts so far. */
    public int failures() {
        return failures;
    }

    /** Why the last attempt failed (empty once ready). */
    public String lastFailure() {
        return lastFailure == null ? "" : lastFailure;
    }

    /** When the next attempt is due (null once ready). */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    // After every other start-up observer (default priority 2500): those read files and check settings, and an
    // import reads what they read.
    void open(@Observes @Priority(5000) StartupEvent ignored) {
        Gauge.builder("forewarn.database.schema.ready", this, g -> g.ready ? 1 : 0)
                .description("1 once the schema is migrated and start-up work done; 0 while PostgreSQL refuses")
                .register(registry);
        failureCounter = Counter.builder("forewarn.database.startup.failures")
                .description("Start-up attempts (migration, customer import) that failed to reach PostgreSQL")
                .register(registry);
        StartupBackoff policy = check(config);
        long started = System.nanoTime();
        // The first attempt runs inline, as migrate-at-start did: with PostgreSQL up, the schema is there before
        // the first request. Only a refusal moves the retries to their own thread.
        if (attempt()) {
            return;
        }
        Thread retry = new Thread(() -> retry(policy, started), "forewarn-schema-gate");
        retry.setDaemon(true);
        retry.start();
    }

    private void retry(StartupBackoff policy, long started) {
        while (!shutdown.stopping()) {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            StartupBackoff.Next next = policy.afterFailure(failures, elapsed, ThreadLocalRandom.current().nextDouble());
            if (next instanceof StartupBackoff.GiveUp giveUp) {
                LOG.errorf("PostgreSQL refused every attempt for %s (%d attempts; forewarn.database.give-up-after): "
                        + "%s. Exiting.", giveUp.triedFor(), failures, lastFailure);
                Quarkus.asyncExit(1);
                return;
            }
            Duration wait = ((StartupBackoff.Retry) next).after();
            nextAttemptAt = Instant.now().plus(wait);
            LOG.warnf("Database not available at start-up (attempt %d): %s. Not ready; next attempt in %d ms",
                    failures, lastFailure, wait.toMillis());
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (!shutdown.stopping() && attempt()) {
                return;
            }
        }
    }

    /** One attempt: migrate, then the start-up work of every {@link SchemaMigrated} observer; true when all done. */
    private boolean attempt() {
        try {
            knock();
            int applied = flyway.get().migrate().migrationsExecuted;
            migrated.fire(new SchemaMigrated());
            ready = true;
            nextAttemptAt = null;
            lastFailure = null;
            LOG.infof("Database schema up to date (%d migration(s) applied)%s", applied,
                    failures == 0 ? "" : " after " + failures + " refused attempt(s)");
            return true;
        } catch (RuntimeException e) {
            failures++;
            failureCounter.increment();
            lastFailure = cause(e);
            return false;
        }
    }

    /**
     * One plain connection, opened and closed, before the pool is asked for one: a refusal then fails the attempt
     * with this class's one log line, where the pool would add a warning of its own to every attempt.
     */
    private void knock() {
        Properties p = new Properties();
        username.ifPresent(u -> p.setProperty("user", u));
        password.ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("connectTimeout", "10");
        p.setProperty("loginTimeout", "10");
        try (Connection ignored = DriverManager.getConnection(url, p)) {
            // Reachable and accepting: the pool will be too.
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The most telling message of a failure: the driver's SQL error (outermost), else the root cause's; one line. */
    static String cause(Throwable e) {
        Throwable telling = e;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SQLException || t.getCause() == null) {
                telling = t;
                if (t instanceof SQLException) {
                    break;
                }
            }
        }
        String message = telling.getMessage() == null ? "" : telling.getMessage().strip();
        int eol = message.indexOf('\n');
        return telling.getClass().getSimpleName() + ": " + (eol < 0 ? message : message.substring(0, eol));
    }
}
