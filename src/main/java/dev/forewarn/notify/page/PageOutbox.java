package dev.forewarn.notify.page;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryPolicy;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.outbox.Message;
import dev.forewarn.notify.outbox.Outbox;
import dev.forewarn.notify.outbox.OutboxBean;
import dev.forewarn.notify.outbox.Settled;
import dev.forewarn.notify.page.model.PageText;
import dev.forewarn.notify.page.model.PagedTicket;
import dev.forewarn.oncall.model.Tier;
import dev.forewarn.polling.OnContext;
import dev.forewarn.security.AckLinks;
import dev.forewarn.sla.model.Severity;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page outbox: one row per (dedup key, action, channel); the page is built when sent from the stored pages
 * sharing its dedup key (all tickets of a grouped page) and goes out on its channel. Deliveries of one dedup key
 * go out in order (trigger before resolve). Claiming, retrying and recording are the
 * {@link dev.forewarn.notify.outbox.Outbox}'s.
 *
 * <p>A crash between "delivered" and "recorded" repeats a delivery: PagerDuty and Alertmanager deduplicate it by
 * the stable dedup key / labels, the webhook carries the dedup key for the receiver to do the same, Slack and
 * email may show that one message twice.
 */
@ApplicationScoped
@Startup
public class PageOutbox extends OutboxBean<PageOutbox.Delivery> {

    private static final String PAGES = """
            SELECT p.dedup_key, p.id, p.source, p.ticket_id, p.deadline, p.stage, p.routed_tier, p.team, p.assignee,
                   p.why, p.breach_at, p.incident_id, t.subject, t.severity, t.customer_id, t.url,
                   p.acknowledged_by, p.resolved_why
              FROM page p JOIN ticket t ON t.source = p.source AND t.id = p.ticket_id
             WHERE p.dedup_key = ANY($1) ORDER BY p.id""";

    private static final String EVENTS = """
            INSERT INTO page_event (page_id, at, kind, actor, detail)
            SELECT * FROM unnest($1::bigint[], $2::timestamptz[], $3::text[], $4::text[], $5::text[])""";

    private static final Identity IDENTITY = new Identity("pages", "page_delivery", "channel", "tier", "forewarn.paging");

    @Inject
    PagerChannels channels;
    @Inject
    AckLinks links;
    @Inject
    ForewarnConfig config;

    /**
     * A page to deliver on one channel, and the stored page it belongs to (for the page's timeline); the message
     * is null when the page cannot be built.
     */
    public record Delivery(long pageId, String channel, PageAction action, PageMessage message) {
    }

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    @Override
    public ForewarnConfig.Outbox settings() {
        return config.paging();
    }

    @Override
    public Duration sendDeadline() {
        return sendDeadline(config);
    }

    private static Duration sendDeadline(ForewarnConfig config) {
        return config.paging().channels().values().stream().map(ForewarnConfig.Channel::timeout)
                .max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** The page outbox's settings rules (see {@link Outbox#check}), throwing naming the key. */
    public static void checkSettings(ForewarnConfig config) {
        Outbox.check(IDENTITY.configPrefix(), config.paging(), sendDeadline(config));
    }

    @Override
    public Collection<String> knownChannels() {
        return config.paging().channels().keySet();
    }

    @Override
    public Collection<String> knownTags() {
        return Arrays.stream(Tier.values()).map(Tier::name).toList();
    }

    @Override
    public Uni<List<Message<Delivery>>> prepare(SqlClient db, List<Row> claimed) {
        String[] keys = claimed.stream().map(r -> r.getString("dedup_key")).distinct().toArray(String[]::new);
        return db.preparedQuery(PAGES).execute(Tuple.of(keys)).map(rows -> {
            Map<String, List<Row>> byKey = new HashMap<>();
            rows.forEach(r -> byKey.computeIfAbsent(r.getString("dedup_key"), k -> new ArrayList<>()).add(r));
            Instant now = clock().instant();
            return claimed.stream().map(d -> message(d, byKey.getOrDefault(d.getString("dedup_key"), List.of()), now))
                    .toList();
        });
    }

    private Message<Delivery> message(Row delivery, List<Row> pages, Instant now) {
        String channel = delivery.getString("channel");
        if (pages.isEmpty()) {
            return Message.unsendable(delivery, channel, "L1", "page #" + delivery.getLong("page_id")
                    + " no longer exists");
        }
        String tier = pages.get(0).getString("routed_tier");
        PageAction action = PageAction.valueOf(delivery.getString("action"));
        long pageId = delivery.getLong("page_id");
        try {
            List<PagedTicket> paged = pages.stream().map(PageOutbox::paged).toList();
            PageText text = PageText.of(paged, action.name(), now);
            Row first = pages.get(0);
            List<TicketRef> tickets = pages.stream().map(r -> new TicketRef(r.getString("source") + "/"
                    + r.getString("ticket_id"), r.getString("subject"), r.getString("customer_id"),
                    r.getString("url"))).toList();
            String dedupKey = delivery.getString("dedup_key");
            PageMessage m = new PageMessage(dedupKey, action,
                    PageMessage.oneLine(text.summary()), text.severity(), Tier.valueOf(tier), first.getString("team"),
                    first.getString("assignee"), text.deadline(), text.breachAt(), now, tickets,
                    links.ackUrl(first.getLong("id")), text.details());
            return Message.of(delivery, channel, tier, dedupKey, new Delivery(pageId, channel, action, m));
        } catch (IllegalArgumentException e) {
            // The page exists, so its timeline shows why this delivery failed.
            return Message.unsendable(delivery, channel, tier, new Delivery(pageId, channel, action, null),
                    "cannot build page: " + e.getMessage());
        }
    }

    private static PagedTicket paged(Row r) {
        return new PagedTicket(r.getLong("id"), r.getString("source") + "/" + r.getString("ticket_id"),
                r.getString("deadline"), r.getString("stage"), r.getString("routed_tier"), r.getString("why"),
                Message.instant(r, "breach_at"), r.getLong("incident_id"), r.getString("subject"),
                Severity.valueOf(r.getString("severity")), r.getString("acknowledged_by"),
                r.getString("resolved_why"));
    }

    @Override
    public Uni<DeliveryResult> deliver(Delivery d) {
        PagerChannel channel = channels.channel(d.channel()).orElse(null);
        if (channel == null) {
            return Uni.createFrom().item(new DeliveryResult.Permanent("channel '" + d.channel()
                    + "' is no longer configured"));
        }
        return OnContext.call(() -> channel.deliver(d.message()));
    }

    @Override
    public String describe(Message<Delivery> m) {
        return m.content() == null ? "delivery #" + m.id()
                : m.content().action() + " of page #" + m.content().pageId();
    }

    /** Every delivered or failed delivery lands on its page's timeline. */
    @Override
    public Uni<Void> recorded(SqlConnection tx, List<Settled<Delivery>> settled) {
        List<Settled<Delivery>> done = settled.stream().filter(s -> s.message().content() != null
                && !(s.verdict() instanceof DeliveryPolicy.RetryAt)).toList();
        if (done.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] pages = new Long[done.size()];
        OffsetDateTime[] at = new OffsetDateTime[done.size()];
        String[] kinds = new String[done.size()];
        String[] actors = new String[done.size()];
        String[] details = new String[done.size()];
        for (int i = 0; i < done.size(); i++) {
            Settled<Delivery> s = done.get(i);
            Delivery d = s.message().content();
            pages[i] = d.pageId();
            at[i] = s.at().atOffset(ZoneOffset.UTC);
            actors[i] = "forewarn";
            String what = d.action() + " on " + d.channel();
            if (s.verdict() instanceof DeliveryPolicy.Failed f) {
                kinds[i] = "DELIVERY_FAILED";
                details[i] = what + ": " + f.why();
            } else {
                kinds[i] = "DELIVERED";
                details[i] = what;
            }
        }
        return tx.preparedQuery(EVENTS).execute(Tuple.of(pages, at, kinds, actors, details)).replaceWithVoid();
    }
}
