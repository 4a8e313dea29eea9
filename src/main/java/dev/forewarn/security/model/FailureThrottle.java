package dev.forewarn.security.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides when a client that keeps failing to authenticate is made to wait: more than {@code limit} failures
 * within one {@code window} and every further request is refused until that window is over. Remembers at most
 * {@code maxClients} clients (the least recently failing are forgotten first), so a flood of addresses cannot
 * grow it without bound. Not thread-safe: callers serialise access.
 */
public final class FailureThrottle {

    private record Run(Instant start, int failures) {
    }

    private final int limit;
    private final Duration window;
    private final int maxClients;
    private final LinkedHashMap<String, Run> runs = new LinkedHashMap<>(16, 0.75f, true);

    public FailureThrottle(int limit, Duration window, int maxClients) {
        if (limit < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("limit, window and maxClients must be positive");
        }
        this.limit = limit;
        this.window = window;
        this.maxClients = maxClients;
    }

    /** How long this client must wait before it may try again; empty when it may try now. */
    public Optional<Duration> waitFor(String client, Instant now) {
        Run run = runs.get(client);
        if (run == null || run.failures() < limit) {
            return Optional.empty();
        }
        Instant over = run.start().plus(window);
        if (!now.isBefore(over)) {
            runs.remove(client);
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, over));
    }

    /** Records one failed attempt; true when this failure reached the limit (the client is now throttled). */
    public boolean failed(String client, Instant now) {
        Run run = runs.get(client);
        if (run == null || !now.isBefore(run.start().plus(window))) {
            run = new Run(now, 0);
        }
        Run next = new Run(run.start(), run.failures() + 1);
        runs.put(client, next);
        evictBeyond(maxClients);
        return next.failures() == limit;
    }

    /** Forgets every client (a restart does the same). */
    public void clear() {
        runs.clear();
    }

    private void evictBeyond(int max) {
        Iterator<Map.Entry<String, Run>> oldest = runs.entrySet().iterator();
        while (runs.size() > max && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
