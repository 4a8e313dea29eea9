package dev.forewarn.notify;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.incident.model.NoticeKind;
import dev.forewarn.notify.email.EmailSender;
import dev.forewarn.notify.email.NoticeRenderer;
import dev.forewarn.notify.email.RenderedNotice;
import dev.forewarn.notify.model.DeliveryPolicy;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.outbox.Message;
import dev.forewarn.notify.outbox.Outbox;
import dev.forewarn.notify.outbox.OutboxBean;
import dev.forewarn.notify.outbox.Settled;
import dev.forewarn.notify.webhook.CustomerWebhookSender;
import dev.forewarn.polling.ItemFailures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The customer notice outbox: one row per (incident event or maintenance step, customer, channel), composed when
 * sent from the stored event and the customer's current language, time zone and preferences ({@link
 * NoticeComposer}), and sent as one email per address or as a signed webhook call, each carrying the notice id
 * ({@code X-Forewarn-Notice}) so the one repeat a crash can cause is recognisable. Claiming, retrying and
 * recording are the {@link dev.forewarn.notify.outbox.Outbox}'s.
 */
@ApplicationScoped
@Startup
public class NoticeOutbox extends OutboxBean<NoticeOutbox.Outgoing> {

    private static final String RECIPIENTS = """
            UPDATE notice n SET recipients = u.recipients, subject = u.subject
              FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, recipients, subject)
             WHERE n.id = u.id""";

    private static final Identity IDENTITY = new Identity("notices", "notice", "channel", "kind",
            "forewarn.notices");

    @Inject
    NoticeRepository notices;
    @Inject
    NoticeComposer composer;
    @Inject
    NoticeRenderer renderer;
    @Inject
    EmailSender email;
    @Inject
    CustomerWebhookSender webhooks;
    @Inject
    ItemFailures failures;
    @Inject
    ForewarnConfig config;

    /**
     * A composed notice: an email rendered for its addresses, or a webhook call with its payload.
     *
     * @param recipients what the outbox row records once sent: the addresses, or the webhook's URL
     */
    public record Outgoing(long noticeId, RenderedNotice rendered, List<EmailSender.Recipient> to,
                           CustomerWebhookSender.Target webhook, ObjectNode payload, String recipients) {
    }

    /** The notice outbox's settings rules (see {@link Outbox#check}), throwing naming the key. */
    public static void checkSettings(ForewarnConfig config) {
        Outbox.check(IDENTITY.configPrefix(), config.notices(), config.notices().sendTimeout());
    }

    @Override
    public Identity identity() {
        return IDENTITY;
    }

    @Override
    public ForewarnConfig.Outbox settings() {
        return config.notices();
    }

    @Override
    public Duration sendDeadline() {
        // An email goes to each address in turn, each within the send timeout; a customer has a handful.
        return config.notices().sendTimeout();
    }

    @Override
    public Collection<String> knownChannels() {
        return List.of(Notice.EMAIL, Notice.WEBHOOK);
    }

    @Override
    public Collection<String> knownTags() {
        return Arrays.stream(NoticeKind.values()).map(k -> tag(k.name())).toList();
    }

    private static String tag(String kind) {
        return kind.toLowerCase(Locale.ROOT);
    }

    @Override
    public Uni<List<Message<Outgoing>>> prepare(SqlClient db, List<Row> claimed) {
        List<Long> ids = claimed.stream().map(r -> r.getLong("id")).toList();
        // Composing reads incidents, maintenance windows and customers as entities; rendering happens here too,
        // while the previous batch is sending, so it never holds a send slot.
        return Panache.withSession(() -> notices.list("id in ?1", ids).chain(composer::compose))
                .map(composed -> {
                    Map<Long, NoticeComposer.Composed> byId = composed.stream()
                            .collect(Collectors.toMap(c -> c.notice().id, Function.identity()));
                    return claimed.stream().map(row -> message(row, byId.get(row.getLong("id")))).toList();
                });
    }

    private Message<Outgoing> message(Row row, NoticeComposer.Composed c) {
        String channel = row.getString("channel");
        String tag = tag(row.getString("kind"));
        if (c == null) {
            return Message.unsendable(row, channel, tag, "notice #" + row.getLong("id") + " no longer exists");
        }
        if (c.unsendable() != null) {
            return Message.unsendable(row, channel, tag, c.unsendable());
        }
        long id = c.notice().id;
        if (c.webhook() != null) {
            return Message.of(row, channel, tag, null,
                    new Outgoing(id, null, List.of(), c.webhook(), c.payload(), c.webhook().url()));
        }
        RenderedNotice rendered;
        try {
            rendered = c.render().apply(renderer);
        } catch (RuntimeException ex) {
            failures.failed(ItemFailures.Step.NOTICE_RENDERING, "notice #" + id, ex);
            return Message.unsendable(row, channel, tag, "cannot render notice: " + ex.getMessage());
        }
        String to = c.to().stream().map(EmailSender.Recipient::address).collect(Collectors.joining(", "));
        return Message.of(row, channel, tag, null, new Outgoing(id, rendered, c.to(), null, null, to));
    }

    @Override
    public Uni<DeliveryResult> deliver(Outgoing m) {
        return m.webhook() != null ? webhooks.send(m.webhook(), m.noticeId(), m.payload())
                : email.send(m.rendered(), m.to(), m.noticeId());
    }

    @Override
    public String describe(Message<Outgoing> m) {
        return "notice #" + m.id() + " (" + m.tag() + ")";
    }

    @Override
    public String failureLogKey(Message<Outgoing> m) {
        // The SMTP server is shared, so its trouble is logged once; a customer's own webhook failing is that
        // customer's, recorded on the notice and shown by the API, not a state of the channel.
        return Notice.WEBHOOK.equals(m.channel()) ? null : m.channel();
    }

    @Override
    public Uni<Void> recorded(SqlConnection tx, List<Settled<Outgoing>> settled) {
        List<Settled<Outgoing>> sent = settled.stream()
                .filter(s -> s.verdict() instanceof DeliveryPolicy.Sent && s.message().content() != null).toList();
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = sent.stream().map(s -> s.message().id()).toArray(Long[]::new);
        String[] recipients = sent.stream().map(s -> s.message().content().recipients()).toArray(String[]::new);
        String[] subjects = sent.stream().map(s -> s.message().content().rendered() == null ? null
                : s.message().content().rendered().subject()).toArray(String[]::new);
        return tx.preparedQuery(RECIPIENTS).execute(Tuple.of(ids, recipients, subjects)).replaceWithVoid();
    }
}
