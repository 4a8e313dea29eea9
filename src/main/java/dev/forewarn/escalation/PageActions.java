package dev.forewarn.escalation;

import dev.forewarn.notify.page.PagerChannels;
import dev.forewarn.sla.SlaMetrics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Acknowledges and resolves pages on behalf of people (API, PagerDuty webhooks). A grouped page is acknowledged
 * or resolved as a whole; the tickets concerned are re-evaluated at the next SLA tick.
 */
@ApplicationScoped
public class PageActions {
    private static final Logger LOG = Logger.getLogger(PageActions.class);

    @Inject
    PageStore pages;
    @Inject
    PagerChannels channels;
    @Inject
    SlaMetrics metrics;
    @Inject
    Clock clock;

    /** The outcome of an action. */
    public enum Outcome { DONE, ALREADY, NOT_FOUND, RESOLVED_ALREADY }

    /** Acknowledges the page and every open page sharing its dedup key; queues the acknowledgement on its channels. */
    public Uni<Outcome> acknowledge(long pageId, String actor, String via) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> pages.find(s, pageId).chain(page -> {
            if (page == null) {
                return Uni.createFrom().item(Outcome.NOT_FOUND);
            }
            if ("RESOLVED".equals(page.status())) {
                return Uni.createFrom().item(Outcome.RESOLVED_ALREADY);
            }
            if ("ACKNOWLEDGED".equals(page.status())) {
                return Uni.createFrom().item(Outcome.ALREADY);
            }
            return pages.byDedupKey(s, page.dedupKey()).chain(group -> Multi.createFrom().iterable(group)
                    .filter(p -> "OPEN".equals(p.status()))
                    .onItem().transformToUniAndConcatenate(p -> s.createNativeQuery("""
                                    UPDATE page SET status = 'ACKNOWLEDGED', acknowledged_at = :now, acknowledged_by = :actor
                                     WHERE id = :id AND status = 'OPEN'""")
                            .setParameter("now", now).setParameter("actor", actor).setParameter("id", p.id())
                            .executeUpdate()
                            .chain(() -> pages.event(s, p.id(), "ACKNOWLEDGED", actor, "via " + via, now))
                            // A new revision, so a watch tick evaluating the ticket right now cannot overwrite
                            // this "look again now" with a verdict taken before the acknowledgement.
                            .chain(() -> s.createNativeQuery("""
                                            UPDATE ticket SET next_check_at = :now, revision = nextval('ticket_revision')
                                             WHERE source = :source AND id = :id""")
                                    .setParameter("now", now).setParameter("source", p.source())
                                    .setParameter("id", p.ticketId()).executeUpdate())
                            .invoke(() -> metrics.acknowledged(p.routedTier(), Duration.between(p.pagedAt(), now))))
                    .collect().asList()
                    .chain(() -> pages.queue(s, page.id(), page.dedupKey(), "ACKNOWLEDGE",
                            channels.channelsFor(page.routedTier(), page.team()), now))
                    .invoke(() -> LOG.infof("Page #%d acknowledged by %s via %s", pageId, actor, via))
                    .replaceWith(Outcome.DONE));
        })));
    }

    /** Resolves the page and every open page sharing its dedup key; queues the resolve on its channels. */
    public Uni<Outcome> resolve(long pageId, String actor, String why) {
        Instant now = clock.instant();
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> pages.find(s, pageId).chain(page -> {
            if (page == null) {
                return Uni.createFrom().item(Outcome.NOT_FOUND);
            }
            if ("RESOLVED".equals(page.status())) {
                return Uni.createFrom().item(Outcome.ALREADY);
            }
            return pages.byDedupKey(s, page.dedupKey()).chain(group -> {
                List<PageStore.Row> open = group.stream().filter(p -> !"RESOLVED".equals(p.status())).toList();
                return Multi.createFrom().iterable(open)
                        .onItem().transformToUniAndConcatenate(p -> resolve(s, p.id(), actor, why, now))
                        .collect().asList()
                        .invoke(() -> LOG.infof("Page #%d resolved by %s: %s", pageId, actor, why))
                        .replaceWith(Outcome.DONE);
            });
        })));
    }

    /**
     * Resolves a page and, once no page sharing its dedup key is still open, queues the resolve on its channels.
     * Used by the SLA watch (deadline met) and by people.
     */
    public Uni<Boolean> resolve(Mutiny.Session s, long pageId, String actor, String why, Instant now) {
        return s.createNativeQuery("""
                        UPDATE page SET status = 'RESOLVED', resolved_at = :now, resolved_why = :why
                         WHERE id = :id AND status <> 'RESOLVED'""")
                .setParameter("now", now).setParameter("why", why).setParameter("id", pageId).executeUpdate()
                .chain(n -> n == 0 ? Uni.createFrom().item(false) : pages.find(s, pageId)
                        .chain(p -> pages.event(s, pageId, "RESOLVED", actor, why, now)
                                .chain(() -> pages.byDedupKey(s, p.dedupKey()))
                                .chain(group -> group.stream().anyMatch(g -> !"RESOLVED".equals(g.status()))
                                        ? Uni.createFrom().item(0)
                                        : pages.queue(s, group.get(0).id(), p.dedupKey(), "RESOLVE",
                                                channels.channelsFor(p.routedTier(), p.team()), now))
                                .replaceWith(true)));
    }
}
