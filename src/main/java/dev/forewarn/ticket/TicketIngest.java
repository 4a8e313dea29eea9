package dev.forewarn.ticket;

import dev.forewarn.sla.SlaMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Stores ticket snapshots from any source in one transaction and counts what they mean for the steering numbers. */
@ApplicationScoped
public class TicketIngest {

    @Inject
    TicketStore store;
    @Inject
    SlaMetrics metrics;

    /** Stores the snapshots; returns how many were stored. */
    public Uni<Integer> ingest(List<TicketSnapshot> snapshots, Instant now) {
        if (snapshots.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> Multi.createFrom().iterable(snapshots)
                        .onItem().transformToUniAndConcatenate(t -> store.store(s, t, now))
                        .collect().asList()))
                .invoke(stored -> stored.forEach(this::count))
                .map(List::size);
    }

    private void count(TicketStore.Stored st) {
        TicketSnapshot t = st.snapshot();
        if (st.created()) {
            metrics.ticketCreated(t.severity(), t.team());
        }
        if (st.firstResponded() && t.firstResponseAt() != null) {
            metrics.firstResponse(t.severity(), Duration.between(t.createdAt(), t.firstResponseAt()));
        }
        if (st.solved()) {
            Instant solvedAt = t.solvedAt() != null ? t.solvedAt() : t.updatedAt();
            metrics.resolution(t.severity(), Duration.between(t.createdAt(), solvedAt));
        }
    }
}
