package dev.forewarn.security;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.security.model.FailureThrottle;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Makes failed API authentication visible and costly: counts every failure by reason
 * ({@code forewarn_api_auth_failures_total{reason}}), logs them at most once a minute per reason (with the client
 * address, never the key), and throttles a client address that keeps failing (429 with Retry-After).
 */
@ApplicationScoped
@Startup
public class AuthFailures {
    private static final Logger LOG = Logger.getLogger(AuthFailures.class);
    private static final Duration LOG_EVERY = Duration.ofMinutes(1);
    /** How many client addresses the throttle remembers at most. */
    private static final int MAX_CLIENTS = 10_000;

    /** Why a request was refused. */
    public enum Reason {
        /** No key presented. */
        MISSING,
        /** A key that matches none configured. */
        UNKNOWN_KEY,
        /** A valid key whose role may not do that. */
        FORBIDDEN,
        /** Refused without looking at the key: the client failed too often. */
        THROTTLED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);
    private final Map<Reason, long[]> unlogged = new EnumMap<>(Reason.class);
    private final Map<Reason, Instant> loggedAt = new EnumMap<>(Reason.class);
    private final FailureThrottle throttle;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    @Inject
    public AuthFailures(MeterRegistry registry, ForewarnConfig config, Clock clock) {
        this.clock = clock;
        this.limit = config.security().maxAuthFailures();
        this.window = config.security().authFailureWindow();
        this.throttle = new FailureThrottle(limit, window, MAX_CLIENTS);
        for (Reason r : Reason.values()) {
            counters.put(r, Counter.builder("forewarn.api.auth.failures").tag("reason", r.tag())
                    .description("API requests refused for authentication or authorisation, by reason")
                    .register(registry));
            unlogged.put(r, new long[1]);
        }
    }

    /** How long this client must wait before its next attempt is even looked at; empty when it may try now. */
    public synchronized Optional<Duration> waitFor(String client) {
        Optional<Duration> wait = throttle.waitFor(client, clock.instant());
        wait.ifPresent(w -> record(Reason.THROTTLED, client, null));
        return wait;
    }

    /** Counts and (rate-limited) logs one refused request; a missing or unknown key counts towards the throttle. */
    public synchronized void refused(Reason reason, String client, String path) {
        record(reason, client, path);
        if (reason != Reason.FORBIDDEN && throttle.failed(client, clock.instant())) {
            LOG.warnf("API client %s failed to authenticate %d times within %s: throttled (429) until that time has "
                    + "passed", client, limit, window);
        }
    }

    /** Forgets every throttled client, as a restart would. */
    public synchronized void forgetClients() {
        throttle.clear();
    }

    private void record(Reason reason, String client, String path) {
        counters.get(reason).increment();
        unlogged.get(reason)[0]++;
        Instant now = clock.instant();
        Instant last = loggedAt.get(reason);
        // Once a minute per reason at most: a flood of bad keys must not become a flood of log lines.
        if (last == null || !now.isBefore(last.plus(LOG_EVERY)) || now.isBefore(last)) {
            long n = unlogged.get(reason)[0];
            unlogged.get(reason)[0] = 0;
            loggedAt.put(reason, now);
            LOG.warnf("API request refused (%s) from %s%s%s", reason.tag(), client,
                    path == null ? "" : " to " + clip(path), n > 1 ? "; " + n + " refused for this reason since the "
                            + "last such line" : "");
        }
    }

    private static String clip(String path) {
        String p = path.length() <= 100 ? path : path.substring(0, 100) + "…";
        // Never let a crafted path forge log lines.
        return p.replaceAll("[\\p{Cntrl}]", "?");
    }
}
