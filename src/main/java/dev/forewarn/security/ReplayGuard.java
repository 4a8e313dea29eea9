package dev.forewarn.security;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Remembers accepted inbound webhook requests in PostgreSQL (so every replica shares the memory) and refuses the
 * same request a second time: a signed request captured on the wire cannot be replayed inside its window.
 */
@ApplicationScoped
public class ReplayGuard {
    /** How long a fingerprint is remembered: longer than any accepted timestamp window. */
    public static final Duration MEMORY = Duration.ofMinutes(15);

    /** True the first time a fingerprint is seen, false for a replay. */
    public Uni<Boolean> firstTime(String fingerprint, Instant now) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "DELETE FROM webhook_replay WHERE seen_at < :before")
                        .setParameter("before", now.minus(MEMORY)).executeUpdate()
                        .chain(() -> s.createNativeQuery("""
                                        INSERT INTO webhook_replay (fingerprint, seen_at) VALUES (:f, :now)
                                        ON CONFLICT (fingerprint) DO NOTHING""")
                                .setParameter("f", fingerprint).setParameter("now", now).executeUpdate())))
                .map(inserted -> inserted == 1);
    }
}
