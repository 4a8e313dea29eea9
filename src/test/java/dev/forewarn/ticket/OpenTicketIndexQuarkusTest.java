package dev.forewarn.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.sla.model.Severity;
import dev.forewarn.sla.model.TicketChange;
import dev.forewarn.sla.model.TicketStatus;
import dev.forewarn.testing.Db;
import dev.forewarn.testing.Scenario;
import dev.forewarn.testing.TestPeers;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SLA watch's in-memory clock inputs against the real PostgreSQL: a ticket stored again is read again on the
 * next tick, and an empty index (a new leader) reads what the old one held.
 */
@QuarkusTest
@WithTestResource(TestPeers.class)
class OpenTicketIndexQuarkusTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @Inject
    TicketIngest ingest;
    @Inject
    Pool pool;

    @BeforeEach
    void fresh() {
        Db.wipe();
    }

    @Test
    void aTicketStoredAgainIsReadAgainOnTheNextTickAndANewLeaderReadsTheSame() {
        OpenTicketIndex index = new OpenTicketIndex();
        store(ticket("1", TicketStatus.OPEN, Severity.GENERAL, T0, null), T0);
        store(ticket("2", TicketStatus.NEW, Severity.URGENT, T0, null), T0);

        List<TicketStore.Watched> first = Scenario.await(() -> index.due(pool, T0.plusSeconds(1)));
        assertThat(first).extracting(TicketStore.Watched::id).containsExactlyInAnyOrder("1", "2");
        TicketStore.Watched one = first.stream().filter(w -> w.id().equals("1")).findFirst().orElseThrow();
        assertThat(one.history().changes()).containsExactly(new TicketChange(T0, TicketStatus.OPEN, Severity.GENERAL));

        // Stored again as a poller or the webhook would: waiting on the customer, upgraded, answered.
        Instant t1 = T0.plusSeconds(600);
        store(ticket("1", TicketStatus.PENDING, Severity.IMPORTANT, t1, t1), t1);

        List<TicketStore.Watched> second = Scenario.await(() -> index.due(pool, t1.plusSeconds(1)));
        TicketStore.Watched changed = second.stream().filter(w -> w.id().equals("1")).findFirst().orElseThrow();
        assertThat(changed.revision()).isGreaterThan(one.revision());
        assertThat(changed.status()).isEqualTo(TicketStatus.PENDING);
        assertThat(changed.history().changes()).containsExactly(
                new TicketChange(T0, TicketStatus.OPEN, Severity.GENERAL),
                new TicketChange(t1, TicketStatus.PENDING, Severity.IMPORTANT));
        assertThat(changed.history().firstResponseAt()).isEqualTo(t1);

        List<TicketStore.Watched> rebuilt = Scenario.await(() -> new OpenTicketIndex().due(pool, t1.plusSeconds(1)));
        assertThat(rebuilt).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyInAnyOrderElementsOf(second);
    }

    private void store(TicketSnapshot t, Instant now) {
        Scenario.await(() -> ingest.ingest(List.of(t), now));
    }

    private static TicketSnapshot ticket(String id, TicketStatus status, Severity severity, Instant updated,
                                         Instant firstResponse) {
        return new TicketSnapshot("zendesk", id, "subject " + id, severity, status, "network", "acme", T0, updated,
                firstResponse, null, null);
    }
}
