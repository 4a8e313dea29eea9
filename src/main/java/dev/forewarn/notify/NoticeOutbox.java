package dev.forewarn.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.incident.IncidentRepository;
import dev.forewarn.notify.email.EmailSender;
import dev.forewarn.notify.webhook.CustomerWebhookSender;
import dev.forewarn.notify.email.NoticeRenderer;
import dev.forewarn.notify.email.RenderedNotice;
import dev.forewarn.notify.model.RetrySchedule;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Drains the notice outbox: claims due rows with {@code FOR UPDATE SKIP LOCKED}, renders and sends them, and
 * records each outcome.
 *
 * <p>Guarantee: a claim moves the row's next attempt one lease into the future before anything is sent, so
 * two drains (or replicas) never send the same row at once. A crash after the SMTP server accepted a notice
 * but before the outcome was recorded sends that one notice again after the lease — the only way a customer
 * can get a duplicate; it carries the same {@code X-Forewarn-Notice} header so it can be recognised.
 *
 * <p>A scheduled drain ({@link #drain()}) goes on batch after batch while batches come back full, claiming the next
 * batch while the current one is sending. Each claim is its own transaction, committed before any of its rows is
 * sent, and each batch's outcomes are recorded in one statement guarded by {@code status = 'PENDING'}; no
 * transaction is open during a send, so the guarantee above holds per row whatever the batch around it. A row
 * claimed for the next batch when a drain stops early (a failed record, shutdown) waits out its lease unsent.
 */
@ApplicationScoped
public class NoticeOutbox {
    private static final Logger LOG = Logger.getLogger(NoticeOutbox.class);

    private static final String CLAIM = """
            UPDATE notice SET attempts = attempts + 1, next_attempt_at = :leaseUntil
             WHERE id IN (SELECT id FROM notice
                           WHERE status = 'PENDING' AND next_attempt_at <= :now
                           ORDER BY next_attempt_at, id
                           LIMIT :limit
                           FOR UPDATE SKIP LOCKED)
            RETURNING *""";

    @Inject
    IncidentRepository incidents;
    @Inject
    NoticeComposer composer;
    @Inject
    EmailSender email;
    @Inject
    CustomerWebhookSender webhooks;
    @Inject
    NoticeRenderer renderer;
    @Inject
    dev.forewarn.polling.ItemFailures failures;
    @Inject
    NoticeMetrics metrics;
    @Inject
    ForewarnConfig config;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper mapper;

    private volatile String failingSince;

    /** An attempt's outcome, to be recorded. */
    record Outcome(NoticeComposer.Composed claimed, DeliveryResult result, RenderedNotice rendered) {
    }

    /**
     * What the scheduler runs: drains batch after batch while batches come back full, within
     * {@code forewarn.notices.drain-budget}, claiming the next batch while the current one is sending; returns how
     * many notices were attempted.
     */
    public Uni<Integer> drain() {
        return OutboxDrain.overlapped(this::claimBatch, this::sendBatch, this::recordBatch,
                        config.notices().batchSize(), config.notices().drainBudget())
                .call(() -> metrics.refreshBacklog(clock.instant()));
    }

    /** Drains until nothing is due, one batch at a time; for tests and shutdown. */
    public Uni<Integer> drainAll() {
        return OutboxDrain.untilEmpty(() -> claimBatch().chain(this::sendBatch)
                        .chain(outcomes -> recordBatch(outcomes).replaceWith(outcomes.size())))
                .call(() -> metrics.refreshBacklog(clock.instant()));
    }

    /** Claims a batch and loads what it needs, in one transaction that commits before anything is sent. */
    private Uni<List<NoticeComposer.Composed>> claimBatch() {
        return Uni.createFrom().deferred(() -> {
            Instant now = clock.instant();
            return Panache.withTransaction(() -> claim(now).chain(composer::compose));
        });
    }

    private Uni<List<Outcome>> sendBatch(List<NoticeComposer.Composed> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(this::attempt).merge(config.notices().concurrency())
                .collect().asList();
    }

    private Uni<Void> recordBatch(List<Outcome> outcomes) {
        return outcomes.isEmpty() ? Uni.createFrom().voidItem()
                : Panache.withTransaction(() -> record(outcomes, clock.instant()));
    }

    private Uni<List<Notice>> claim(Instant now) {
        return incidents.getSession().chain(s -> s.createNativeQuery(CLAIM, Notice.class)
                .setParameter("leaseUntil", now.plus(config.notices().claimLease()))
                .setParameter("now", now)
                .setParameter("limit", config.notices().batchSize())
                .getResultList());
    }

    private Uni<Outcome> attempt(NoticeComposer.Composed c) {
        if (c.unsendable() != null) {
            return Uni.createFrom().item(new Outcome(c, new DeliveryResult.Permanent(c.unsendable()), null));
        }
        if (c.webhook() != null) {
            return webhooks.send(c.webhook(), c.notice().id, c.payload()).map(r -> new Outcome(c, r, null));
        }
        RenderedNotice rendered;
        try {
            rendered = c.render().apply(renderer);
        } catch (RuntimeException ex) {
            failures.failed(dev.forewarn.polling.ItemFailures.Step.NOTICE_RENDERING, "notice #" + c.notice().id, ex);
            return Uni.createFrom().item(new Outcome(c, new DeliveryResult.Permanent(
                    "cannot render notice: " + ex.getMessage()), null));
        }
        return email.send(rendered, c.to(), c.notice().id).map(r -> new Outcome(c, r, rendered));
    }

    /** One row's recorded outcome; the columns of the batch update. */
    record Recorded(long id, String status, Instant next, String error, Instant sentAt, String recipients,
                    String subject) {
    }

    /** Records a batch's outcomes in one statement; rows no longer PENDING are left as they are. */
    private Uni<Void> record(List<Outcome> outcomes, Instant now) {
        RetrySchedule schedule = new RetrySchedule(config.notices().initialBackoff(), config.notices().maxBackoff(),
                config.notices().giveUpAfter());
        List<Recorded> rows = outcomes.stream().map(o -> recorded(o, schedule, now)).toList();
        String json;
        try {
            json = mapper.writeValueAsString(rows.stream().map(NoticeOutbox::asJson).toList());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return incidents.getSession().chain(s -> s.createNativeQuery("""
                        UPDATE notice n SET status = u.status, next_attempt_at = u.next, last_error = u.error,
                               sent_at = coalesce(u.sent_at, n.sent_at), recipients = coalesce(u.recipients, n.recipients),
                               subject = coalesce(u.subject, n.subject)
                          FROM jsonb_to_recordset(CAST(CAST(:rows AS text) AS jsonb)) AS u(id bigint, status text, next timestamptz,
                               error text, sent_at timestamptz, recipients text, subject text)
                         WHERE n.id = u.id AND n.status = 'PENDING'""")
                .setParameter("rows", json)
                .executeUpdate()).replaceWithVoid();
    }

    private Recorded recorded(Outcome o, RetrySchedule schedule, Instant now) {
        Notice n = o.claimed().notice();
        String kind = n.kind;
        if (o.result() instanceof DeliveryResult.Delivered) {
            noteRecovered();
            metrics.counted(n.channel, kind, "sent");
            return o.claimed().webhook() != null
                    ? new Recorded(n.id, Notice.SENT, now, null, now, o.claimed().webhook().url(), null)
                    : new Recorded(n.id, Notice.SENT, now, null, now, o.claimed().to().stream()
                            .map(EmailSender.Recipient::address).collect(Collectors.joining(", ")),
                            o.rendered().subject());
        }
        if (o.result() instanceof DeliveryResult.Retryable r) {
            // The SMTP log line speaks of the one shared server; a customer's webhook failing is that customer's.
            if (Notice.EMAIL.equals(n.channel)) {
                noteFailing(r.reason());
            }
            RetrySchedule.Next next = schedule.afterFailure(n.attempts, n.createdAt, now,
                    ThreadLocalRandom.current().nextDouble());
            if (next instanceof RetrySchedule.RetryAt at) {
                metrics.counted(n.channel, kind, "retry");
                return new Recorded(n.id, Notice.PENDING, at.at(), r.reason(), null, null, null);
            }
            return giveUp(n, ((RetrySchedule.GiveUp) next).why() + "; last error: " + r.reason(), now);
        }
        return giveUp(n, ((DeliveryResult.Permanent) o.result()).reason(), now);
    }

    private Recorded giveUp(Notice n, String why, Instant now) {
        LOG.warnf("Notice channel %s: notice #%d (%s, incident #%s, maintenance #%s, customer %s) failed for good: %s",
                n.channel, n.id, n.kind, n.incidentId, n.maintenanceId, n.customerId, why);
        metrics.counted(n.channel, n.kind, "failed");
        return new Recorded(n.id, Notice.FAILED, now, why, null, null, null);
    }

    private static Map<String, Object> asJson(Recorded r) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("id", r.id());
        m.put("status", r.status());
        m.put("next", r.next().toString());
        m.put("error", r.error() == null ? null : truncate(r.error()));
        m.put("sent_at", r.sentAt() == null ? null : r.sentAt().toString());
        m.put("recipients", r.recipients());
        m.put("subject", r.subject());
        return m;
    }

    private void noteFailing(String reason) {
        if (failingSince == null) {
            failingSince = reason;
            LOG.warnf("Email channel: SMTP delivery failing (%s); notices stay queued and are retried with backoff",
                    reason);
        }
    }

    private void noteRecovered() {
        if (failingSince != null) {
            failingSince = null;
            LOG.info("Email channel: SMTP delivery works again; queued notices are going out");
        }
    }

    private static String truncate(String s) {
        return s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
