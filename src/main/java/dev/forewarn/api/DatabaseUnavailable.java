package dev.forewarn.api;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

/**
 * Recognises a failure that means "PostgreSQL cannot serve us right now" — out of connections, refusing or
 * shutting down, a connection lost or not acquired in time — anywhere in a cause chain, so the API answers 503
 * with Retry-After (try again, nothing was stored) instead of a 500 that reads like a bug.
 */
public final class DatabaseUnavailable {
    /** What Retry-After says (seconds): a pool frees connections within seconds. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    /** Whether {@code error} or one of its causes is the database being unavailable. */
    public static boolean is(Throwable error) {
        int depth = 0;
        for (Throwable t = error; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DatabaseException db && unavailable(db.getSqlState())) {
                return true;
            }
            if (t instanceof ClosedConnectionException || t instanceof ConnectException
                    || t instanceof TimeoutException) {
                return true;
            }
            String message = String.valueOf(t.getMessage());
            // The reactive pool reports a refused connection or an exhausted wait with plain Vert.x exceptions.
            if (t.getClass().getName().startsWith("io.vertx.") && (message.contains("Connection refused")
                    || message.contains("Timeout") || message.contains("Pool closed"))) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (08), insufficient resources (53: too many connections), operator intervention (57P). */
    static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53")
                || sqlState.startsWith("57P"));
    }
}
