package dev.forewarn.notify;

import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Notice counters by kind and outcome, and the outbox backlog gauge, all registered at zero up front. */
@ApplicationScoped
@Startup
public class NoticeMetrics {
    private static final String[] OUTCOMES = {"sent", "retry", "failed"};

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private volatile double backlog;
    private volatile double oldestPendingSeconds;

    @Inject
    public NoticeMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String channel : java.util.List.of(Notice.EMAIL, Notice.WEBHOOK)) {
            for (NoticeKind kind : NoticeKind.values()) {
                for (String outcome : OUTCOMES) {
                    counter(channel, kind.name(), outcome);
                }
            }
        }
        Gauge.builder("forewarn.outbox.backlog", this, m -> m.backlog)
                .tag("channel", "email").description("Notices queued and not yet sent or failed")
                .register(registry);
        Gauge.builder("forewarn.outbox.oldest.pending.seconds", this, m -> m.oldestPendingSeconds)
                .tag("channel", "email").description("Age of the oldest queued notice")
                .register(registry);
    }

    void counted(String channel, String kind, String outcome) {
        counter(channel, kind, outcome).increment();
    }

    private Counter counter(String channel, String kind, String outcome) {
        return counters.computeIfAbsent(channel + "/" + kind + "/" + outcome, k -> Counter.builder("forewarn.notices")
                .tag("channel", channel).tag("kind", kind.toLowerCase()).tag("outcome", outcome)
                .description("Customer notice delivery attempts by outcome")
                .register(registry));
    }

    /** Re-reads the backlog figures from the database. */
    public Uni<Void> refreshBacklog(java.time.Instant now) {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT count(*), coalesce(extract(epoch FROM CAST(:now AS timestamptz) - min(created_at)), 0) "
                                + "FROM notice WHERE status = 'PENDING'", Object[].class)
                .setParameter("now", now).getSingleResult()))
                .invoke(row -> {
                    backlog = ((Number) row[0]).doubleValue();
                    oldestPendingSeconds = ((Number) row[1]).doubleValue();
                })
                .replaceWithVoid();
    }
}
