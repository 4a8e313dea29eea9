package dev.forewarn.ticket;

import dev.forewarn.polling.ItemFailures;
import dev.forewarn.security.InputRules;
import dev.forewarn.sla.SlaMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Stores ticket snapshots from any source in one transaction and counts what they mean for the steering numbers. */
@ApplicationScoped
public class TicketIngest {

    /** Longest subject kept (characters); longer ones are cut. */
    public static final int MAX_SUBJECT = 1000;
    /** Longest link kept (characters); a longer or broken one is dropped. */
    public static final int MAX_URL = 2000;

    @Inject
    TicketStore store;
    @Inject
    ItemFailures failures;
    @Inject
    SlaMetrics metrics;

    /**
     * Stores the snapshots; returns how many were stored. This is the door every source passes: a ticket with an
     * unusable id or an instant outside {@link InputRules#instant the sane range} is refused alone (logged and
     * counted, the others stored), and texts that cannot be sent back to a polled source are cleaned.
     */
    public Uni<Integer> ingest(List<TicketSnapshot> offered, Instant now) {
        List<TicketSnapshot> snapshots = new ArrayList<>(offered.size());
        for (TicketSnapshot t : offered) {
            Optional<String> problem = problem(t, now);
            if (problem.isPresent()) {
                failures.failed(ItemFailures.Step.TICKET_INTAKE, t.source() + "/" + t.id(), problem.get());
            } else {
                snapshots.add(cleaned(t));
            }
        }
        if (snapshots.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> Multi.createFrom().iterable(snapshots)
                        .onItem().transformToUniAndConcatenate(t -> store.store(s, t, now))
                        .collect().asList()))
                .invoke(stored -> stored.forEach(this::count))
                .map(List::size);
    }

    /** Why this ticket cannot be stored, naming the field; empty when it can. */
    public static Optional<String> problem(TicketSnapshot t, Instant now) {
        Optional<String> p = InputRules.id(t.id()).map(m -> "id " + m);
        p = p.or(() -> InputRules.line(t.team(), InputRules.MAX_ID).map(m -> "team " + m));
        p = p.or(() -> InputRules.line(t.customerId(), InputRules.MAX_ID).map(m -> "customerId " + m));
        p = p.or(() -> InputRules.instant(t.createdAt(), now).map(m -> "createdAt " + m));
        p = p.or(() -> InputRules.instant(t.updatedAt(), now).map(m -> "updatedAt " + m));
        p = p.or(() -> InputRules.instant(t.firstResponseAt(), now).map(m -> "firstResponseAt " + m));
        return p.or(() -> InputRules.instant(t.solvedAt(), now).map(m -> "solvedAt " + m));
    }

    private static TicketSnapshot cleaned(TicketSnapshot t) {
        String url = t.url() != null && InputRules.line(t.url(), MAX_URL).isEmpty() ? t.url() : null;
        return new TicketSnapshot(t.source(), t.id(), InputRules.clean(t.subject(), MAX_SUBJECT), t.severity(),
                t.status(), t.team(), t.customerId(), t.createdAt(), t.updatedAt(), t.firstResponseAt(),
                t.solvedAt(), url);
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
