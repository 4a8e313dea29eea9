package dev.forewarn.ha;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.jboss.logging.Logger;

/**
 * Decides which replica polls and evaluates: the one holding a PostgreSQL session-level advisory lock on a
 * dedicated connection. The lock dies with its session, so a replica that is killed or loses its database
 * connection stops being the leader and another takes over at its next {@link #refresh()}. Outbox drains run on
 * every replica regardless (rows are claimed with SKIP LOCKED).
 */
@ApplicationScoped
@Startup
public class LeaderLock {
    private static final Logger LOG = Logger.getLogger(LeaderLock.class);
    // Any constant shared by all replicas of one deployment; "FOREWARN" in ASCII.
    private static final long LOCK_KEY = 0x464f524557415246L;

    private final AgroalDataSource dataSource;
    private final Thread releaseOnSigterm = new Thread(this::stepDown, "forewarn-leader-release");
    private Connection connection;
    private volatile boolean leader;
    private volatile boolean stopping;

    @Inject
    public LeaderLock(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("forewarn.leader", this, l -> l.leader ? 1 : 0)
                .description("1 on the replica that polls sources and evaluates regions and tickets").register(registry);
        // Quarkus' graceful shutdown first waits up to quarkus.shutdown.timeout (and in 3.30.5 always the whole
        // of it: a Jackson shutdown listener never reports done) before ShutdownEvent. Leadership must not wait
        // with it: a JVM shutdown hook hands it over the moment SIGTERM arrives, while in-flight sends finish.
        Runtime.getRuntime().addShutdownHook(releaseOnSigterm);
    }

    public boolean isLeader() {
        return leader;
    }

    /** Keeps or tries to take the lock; call periodically (blocking: run it on a worker thread). */
    public synchronized boolean refresh() {
        if (stopping) {
            return false;
        }
        try {
            if (connection == null || connection.isClosed()) {
                connection = dataSource.getConnection();
                connection.setAutoCommit(true);
            }
            if (leader) {
                try (Statement st = connection.createStatement()) {
                    st.setQueryTimeout(5);
                    st.execute("SELECT 1");
                }
                return true;
            }
            try (PreparedStatement st = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                st.setQueryTimeout(5);
                st.setLong(1, LOCK_KEY);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        leader = true;
                        LOG.info("This replica is now the leader: it polls sources and evaluates regions and tickets");
                    }
                }
            }
        } catch (SQLException e) {
            if (leader) {
                LOG.warnf("Leadership lost: the database connection failed (%s)", e.getMessage());
            }
            leader = false;
            closeQuietly();
        }
        return leader;
    }

    void release(@Observes ShutdownEvent ignored) {
        try {
            Runtime.getRuntime().removeShutdownHook(releaseOnSigterm);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or has run.
        }
        stepDown();
    }

    /** Gives the lock up for good: this process is going away. */
    private synchronized void stepDown() {
        stopping = true;
        if (leader) {
            LOG.info("Releasing leadership on shutdown");
        }
        leader = false;
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                // The connection goes back to a pool: the session, and a lock it holds, would outlive close().
                try (Statement st = connection.createStatement()) {
                    st.setQueryTimeout(2);
                    st.execute("SELECT pg_advisory_unlock_all()");
                } catch (SQLException unreachable) {
                    // A dead session holds no lock.
                }
                connection.close();
            } catch (SQLException ignored) {
                // The session is gone either way, and with it the lock.
            }
            connection = null;
        }
    }
}
