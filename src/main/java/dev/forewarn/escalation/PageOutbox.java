package dev.forewarn.escalation;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.DeliveryResult;
import dev.forewarn.notify.OutboxDrain;
import dev.forewarn.notify.http.HttpOutcome;
import dev.forewarn.notify.model.RetrySchedule;
import dev.forewarn.notify.page.PageAction;
import dev.forewarn.notify.page.PageMessage;
import dev.forewarn.notify.page.PagerChannel;
import dev.forewarn.notify.page.PagerChannels;
import dev.forewarn.notify.page.TicketRef;
import dev.forewarn.sla.SlaMetrics;
import dev.forewarn.sla.model.Severity;
import dev.forewarn.ticket.TicketStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Drains the page outbox: claims due deliveries with {@code FOR UPDATE SKIP LOCKED}, builds the page from the
 * stored pages sharing its dedup key (all tickets of a grouped page), delivers it on its channel and records the
 * outcome. Deliveries of one dedup key go out in order (trigger before resolve); different keys in parallel.
 *
 * <p>Guarantee per channel: PagerDuty and Alertmanager deduplicate by the stable dedup key / labels, so a crash
 * between "delivered" and "recorded" repeats a page harmlessly; the webhook carries the dedup key for the
 * receiver to do the same; Slack and email may show that one message twice.
 */
@ApplicationScoped
public class PageOutbox {
    private static final Logger LOG = Logger.getLogger(PageOutbox.class);
    private static final int BATCH = 100;
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int DRAIN_BUDGET_SECONDS = 20;

    @Inject
    PagerChannels channels;
    @Inject
    SlaMetrics metrics;
    @Inject
    ForewarnConfig config;
    @Inject
    dev.forewarn.security.AckLinks links;
    @Inject
    Clock clock;

    private final Set<String> failingChannels = ConcurrentHashMap.newKeySet();

    /** A claimed delivery. */
    record Claimed(long id, long pageId, String dedupKey, PageAction action, String channel, int attempts,
                   Instant createdAt) {
    }

    /** A claimed delivery with its page content (or why it cannot be built). */
    record Prepared(Claimed delivery, PageMessage message, String tier, String unsendable) {
    }

    /**
     * What the scheduler runs: delivers batch after batch while batches come back full, for at most
     * {@value #DRAIN_BUDGET_SECONDS} s; returns how many deliveries were attempted.
     */
    public Uni<Integer> drain() {
        return OutboxDrain.whileFull(this::drainBatch, BATCH, Duration.ofSeconds(DRAIN_BUDGET_SECONDS))
                .call(this::refreshBacklog);
    }

    /** Drains until nothing is due. */
    public Uni<Integer> drainAll() {
        return OutboxDrain.untilEmpty(this::drainBatch).call(this::refreshBacklog);
    }

    /** Claims, delivers and records one batch; returns how many deliveries were attempted. */
    private Uni<Integer> drainBatch() {
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            return Panache.withTransaction(() -> Panache.getSession().chain(s -> claim(s, now)
                            .chain(claimed -> prepareAll(s, claimed, now))))
                    .chain(prepared -> {
                        Map<String, List<Prepared>> byKey = new LinkedHashMap<>();
                        prepared.forEach(p -> byKey.computeIfAbsent(p.delivery().dedupKey(), k -> new ArrayList<>()).add(p));
                        return Multi.createFrom().iterable(byKey.values())
                                .onItem().transformToUni(this::deliverInOrder).merge(8)
                                .collect().asList()
                                .map(lists -> lists.stream().flatMap(List::stream).toList());
                    })
                    .chain(outcomes -> outcomes.isEmpty() ? Uni.createFrom().item(0)
                            : Panache.withTransaction(() -> Panache.getSession().chain(s -> Multi.createFrom()
                                    .iterable(outcomes)
                                    .onItem().transformToUniAndConcatenate(o -> record(s, o.prepared(), o.result(),
                                            clock.instant()))
                                    .collect().asList())).map(List::size));
        });
    }

    private record Outcome(Prepared prepared, DeliveryResult result) {
    }

    private Uni<List<Outcome>> deliverInOrder(List<Prepared> group) {
        Uni<List<Outcome>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Prepared p : group) {
            chain = chain.chain(list -> deliver(p).map(r -> {
                list.add(new Outcome(p, r));
                return list;
            }));
        }
        return chain;
    }

    private Uni<DeliveryResult> deliver(Prepared p) {
        if (p.unsendable() != null) {
            return Uni.createFrom().item(new DeliveryResult.Permanent(p.unsendable()));
        }
        PagerChannel channel = channels.channel(p.delivery().channel()).orElse(null);
        if (channel == null) {
            return Uni.createFrom().item(new DeliveryResult.Permanent("channel '" + p.delivery().channel()
                    + "' is no longer configured"));
        }
        return dev.forewarn.polling.OnContext.call(() -> channel.deliver(p.message()))
                .onFailure().recoverWithItem(e -> new DeliveryResult.Retryable("unexpected: " + e));
    }

    private Uni<List<Claimed>> claim(Mutiny.Session s, Instant now) {
        return s.createNativeQuery("""
                        UPDATE page_delivery SET attempts = attempts + 1, next_attempt_at = :lease
                         WHERE id IN (SELECT id FROM page_delivery
                                       WHERE status = 'PENDING' AND next_attempt_at <= :now
                                       ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING id, page_id, dedup_key, action, channel, attempts, created_at""", Object[].class)
                .setParameter("lease", now.plus(LEASE)).setParameter("now", now).setParameter("limit", BATCH)
                .getResultList()
                .map(rows -> rows.stream().map(r -> new Claimed(((Number) r[0]).longValue(),
                                ((Number) r[1]).longValue(), (String) r[2], PageAction.valueOf((String) r[3]),
                                (String) r[4], ((Number) r[5]).intValue(), TicketStore.toInstant(r[6])))
                        .sorted(java.util.Comparator.comparingLong(Claimed::id)).toList());
    }

    private Uni<List<Prepared>> prepareAll(Mutiny.Session s, List<Claimed> claimed, Instant now) {
        Uni<List<Prepared>> chain = Uni.createFrom().item(new ArrayList<>());
        for (Claimed c : claimed) {
            chain = chain.chain(list -> prepare(s, c, now).map(p -> {
                list.add(p);
                return list;
            }));
        }
        return chain;
    }

    private Uni<Prepared> prepare(Mutiny.Session s, Claimed c, Instant now) {
        return s.createNativeQuery("""
                        SELECT p.id, p.source, p.ticket_id, p.deadline, p.stage, p.routed_tier, p.team, p.assignee,
                               p.why, p.breach_at, p.incident_id, t.subject, t.severity, t.customer_id, t.url,
                               p.acknowledged_by, p.resolved_why
                          FROM page p JOIN ticket t ON t.source = p.source AND t.id = p.ticket_id
                         WHERE p.dedup_key = :key ORDER BY p.id""", Object[].class)
                .setParameter("key", c.dedupKey()).getResultList()
                .map(rows -> {
                    if (rows.isEmpty()) {
                        return new Prepared(c, null, "L1", "page #" + c.pageId() + " no longer exists");
                    }
                    Object[] first = rows.get(0);
                    List<TicketRef> tickets = new ArrayList<>();
                    Severity severity = Severity.GENERAL;
                    Instant breach = null;
                    for (Object[] r : rows) {
                        tickets.add(new TicketRef(r[1] + "/" + r[2], (String) r[11], (String) r[13], (String) r[14]));
                        Severity sev = Severity.valueOf((String) r[12]);
                        if (sev.ordinal() < severity.ordinal()) {
                            severity = sev;
                        }
                        Instant b = TicketStore.toInstant(r[9]);
                        if (b != null && (breach == null || b.isBefore(breach))) {
                            breach = b;
                        }
                    }
                    String tier = (String) first[5];
                    Long incident = first[10] == null ? null : ((Number) first[10]).longValue();
                    String deadline = ((String) first[3]).equals("FIRST_RESPONSE") ? "first response" : "resolution";
                    String subject = tickets.size() == 1
                            ? severity.name().toLowerCase() + " ticket " + tickets.get(0).id() + " \""
                                    + tickets.get(0).subject() + "\""
                            : tickets.size() + " tickets from customers of a degraded region (incident #" + incident + ")";
                    // The page reference lets an acknowledgement made in PagerDuty (whose webhooks do not carry the
                    // dedup key) find its way back.
                    String summary = PageMessage.oneLine("[" + tier + "] " + subject + ": " + first[8]
                            + " (Forewarn page #" + first[0] + ")");
                    Map<String, String> details = new LinkedHashMap<>();
                    details.put("stage", (String) first[4]);
                    details.put("page_id", String.valueOf(first[0]));
                    if (incident != null) {
                        details.put("region_incident", String.valueOf(incident));
                    }
                    // Follow-ups say what happened now, not what the trigger said then.
                    if (c.action() == PageAction.ACKNOWLEDGE && first[15] != null) {
                        details.put("acknowledged_by", (String) first[15]);
                    }
                    if (c.action() == PageAction.RESOLVE && first[16] != null) {
                        details.put("resolved_why", (String) first[16]);
                    }
                    String ackUrl = links.ackUrl(((Number) first[0]).longValue());
                    try {
                        PageMessage m = new PageMessage(c.dedupKey(), c.action(), summary, severity,
                                dev.forewarn.oncall.model.Tier.valueOf(tier), (String) first[6], (String) first[7],
                                deadline, breach == null ? now : breach, now, tickets, ackUrl, details);
                        return new Prepared(c, m, tier, null);
                    } catch (IllegalArgumentException e) {
                        return new Prepared(c, null, tier, "cannot build page: " + e.getMessage());
                    }
                });
    }

    private Uni<Void> record(Mutiny.Session s, Prepared p, DeliveryResult result, Instant now) {
        Claimed c = p.delivery();
        dev.forewarn.oncall.model.Tier tier = dev.forewarn.oncall.model.Tier.valueOf(p.tier());
        if (result instanceof DeliveryResult.Delivered) {
            metrics.paged(c.channel(), tier, "sent");
            if (failingChannels.remove(c.channel())) {
                LOG.infof("Pager channel %s delivers again", c.channel());
            }
            return update(s, c.id(), "SENT", now, null, now)
                    .chain(() -> event(s, c, "DELIVERED", c.action() + " on " + c.channel(), now));
        }
        if (result instanceof DeliveryResult.Retryable r) {
            if (failingChannels.add(c.channel())) {
                LOG.warnf("Pager channel %s failing (%s); deliveries are retried with backoff", c.channel(), r.reason());
            }
            RetrySchedule schedule = new RetrySchedule(config.paging().initialBackoff(), config.paging().maxBackoff(),
                    config.paging().giveUpAfter());
            RetrySchedule.Next next = schedule.afterFailure(c.attempts(), c.createdAt(), now,
                    ThreadLocalRandom.current().nextDouble());
            if (next instanceof RetrySchedule.RetryAt at) {
                Instant when = at.at();
                // Honour the peer's Retry-After when it asks for longer than our own backoff.
                Instant asked = HttpOutcome.retryAfterOf(result).map(now::plus).orElse(when);
                metrics.paged(c.channel(), tier, "retry");
                return update(s, c.id(), "PENDING", asked.isAfter(when) ? asked : when, r.reason(), null);
            }
            return fail(s, c, tier, ((RetrySchedule.GiveUp) next).why() + "; last error: " + r.reason(), now);
        }
        return fail(s, c, tier, ((DeliveryResult.Permanent) result).reason(), now);
    }

    private Uni<Void> fail(Mutiny.Session s, Claimed c, dev.forewarn.oncall.model.Tier tier, String why, Instant now) {
        LOG.errorf("Pager channel %s: %s of page #%d failed for good: %s", c.channel(), c.action(), c.pageId(), why);
        metrics.paged(c.channel(), tier, "failed");
        return update(s, c.id(), "FAILED", now, why, null)
                .chain(() -> event(s, c, "DELIVERY_FAILED", c.action() + " on " + c.channel() + ": " + why, now));
    }

    private Uni<Void> update(Mutiny.Session s, long id, String status, Instant next, String error, Instant sentAt) {
        return s.createNativeQuery("""
                        UPDATE page_delivery SET status = :status, next_attempt_at = :next, last_error = :error,
                               sent_at = coalesce(:sentAt, sent_at)
                         WHERE id = :id AND status = 'PENDING'""")
                .setParameter("status", status).setParameter("next", next)
                .setParameter("error", error == null ? null : error.length() > 1000 ? error.substring(0, 1000) : error)
                .setParameter("sentAt", sentAt).setParameter("id", id).executeUpdate().replaceWithVoid();
    }

    private Uni<Void> event(Mutiny.Session s, Claimed c, String kind, String detail, Instant now) {
        return s.createNativeQuery("""
                        INSERT INTO page_event (page_id, at, kind, actor, detail) VALUES (:page, :at, :kind, 'forewarn', :detail)""")
                .setParameter("page", c.pageId()).setParameter("at", now).setParameter("kind", kind)
                .setParameter("detail", detail).executeUpdate().replaceWithVoid();
    }

    private Uni<Void> refreshBacklog() {
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "SELECT channel, count(*) FROM page_delivery WHERE status = 'PENDING' GROUP BY channel",
                        Object[].class).getResultList()))
                .invoke(rows -> {
                    Map<String, Long> byChannel = new LinkedHashMap<>();
                    rows.forEach(r -> byChannel.put((String) r[0], ((Number) r[1]).longValue()));
                    metrics.pageBacklog(byChannel);
                }).replaceWithVoid();
    }
}
