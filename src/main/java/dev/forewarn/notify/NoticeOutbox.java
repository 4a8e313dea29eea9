package dev.forewarn.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.email.EmailSender;
import dev.forewarn.notify.email.NoticeFacts;
import dev.forewarn.notify.email.NoticeRenderer;
import dev.forewarn.notify.email.RenderedNotice;
import dev.forewarn.notify.model.DeliveryPolicy;
import dev.forewarn.incident.model.NoticeKind;
import dev.forewarn.notify.model.DeliveryResult;
import dev.forewarn.notify.outbox.Message;
import dev.forewarn.notify.outbox.OutboxBean;
import dev.forewarn.notify.outbox.Settled;
import dev.forewarn.quality.RegionCatalog;
import dev.forewarn.quality.model.RegionEvidence;
import dev.forewarn.quality.model.RegionState;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer notice outbox: one row per (incident event, customer), rendered from the stored event and the
 * customer's current language and time zone when sent, and emailed with an {@code X-Forewarn-Notice} header so
 * the one repeat a crash can cause is recognisable. Claiming, retrying and recording are the
 * {@link dev.forewarn.notify.outbox.Outbox}'s.
 */
@ApplicationScoped
@Startup
public class NoticeOutbox extends OutboxBean<NoticeOutbox.Email> {

    private static final String FACTS = """
            SELECT n.id, i.id AS incident_id, i.region_id, i.opened_at, e.kind AS event_kind, e.from_state,
                   e.to_state, e.at, e.evidence, c.id AS customer, c.name, c.emails, c.language, c.time_zone
              FROM notice n JOIN incident i ON i.id = n.incident_id JOIN incident_event e ON e.id = n.event_id
                   LEFT JOIN customer c ON c.id = n.customer_id
             WHERE n.id = ANY($1)""";

    private static final String SUBJECTS = """
            UPDATE notice n SET recipients = u.recipients, subject = u.subject
              FROM unnest($1::bigint[], $2::text[], $3::text[]) AS u(id, recipients, subject)
             WHERE n.id = u.id""";

    private static final Identity IDENTITY = new Identity("notices", "notice", "'email'", "kind", "forewarn.notices");

    @Inject
    RegionCatalog regions;
    @Inject
    EmailSender email;
    @Inject
    NoticeRenderer renderer;
    @Inject
    ForewarnConfig config;
    @Inject
    ObjectMapper mapper;

    /** A rendered notice and its addresses. */
    public record Email(long noticeId, RenderedNotice rendered, List<String> to) {
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
        return config.notices().sendTimeout();
    }

    @Override
    public Collection<String> knownChannels() {
        return List.of("email");
    }

    @Override
    public Collection<String> knownTags() {
        return Arrays.stream(NoticeKind.values()).map(NoticeOutbox::tag).toList();
    }

    private static String tag(NoticeKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Uni<List<Message<Email>>> prepare(SqlClient db, List<Row> claimed) {
        Long[] ids = claimed.stream().map(r -> r.getLong("id")).toArray(Long[]::new);
        return db.preparedQuery(FACTS).execute(Tuple.of(ids)).map(rows -> {
            Map<Long, Row> byId = new HashMap<>();
            rows.forEach(r -> byId.put(r.getLong("id"), r));
            return claimed.stream().map(n -> message(n, byId.get(n.getLong("id")))).toList();
        });
    }

    private Message<Email> message(Row notice, Row facts) {
        NoticeKind kind = NoticeKind.valueOf(notice.getString("kind"));
        String tag = tag(kind);
        if (facts == null || facts.getString("customer") == null) {
            return Message.unsendable(notice, "email", tag, "customer " + notice.getString("customer_id")
                    + " no longer exists");
        }
        String[] emails = facts.getArrayOfStrings("emails");
        List<String> to = emails == null ? List.of() : Arrays.stream(emails).toList();
        if (to.isEmpty()) {
            return Message.unsendable(notice, "email", tag, "customer " + facts.getString("customer")
                    + " has no notice address");
        }
        try {
            RegionEvidence e = mapper.readValue(facts.getString("evidence"), RegionEvidence.class);
            String regionId = facts.getString("region_id");
            String regionName = regions.find(regionId).map(RegionCatalog.Region::displayName).orElse(regionId);
            String from = facts.getString("from_state");
            NoticeFacts f = new NoticeFacts(kind, facts.getLong("incident_id"), facts.getString("name"),
                    facts.getString("language"), ZoneId.of(facts.getString("time_zone")), regionId, regionName,
                    RegionState.valueOf(facts.getString("to_state")), from == null ? null : RegionState.valueOf(from),
                    "RECURRED".equals(facts.getString("event_kind")), Message.instant(facts, "opened_at"),
                    Message.instant(facts, "at"), kind == NoticeKind.ALL_CLEAR ? Message.instant(facts, "at") : null,
                    e.medianMos(), e.worstDecileMos(), e.p95RttMs(), e.medianJitterMs(), e.meanLossRatio(),
                    e.unreachableShare(), e.nodesUnreachable(), e.nodesExpected());
            // Rendered while the previous batch is sending, so rendering never holds a send slot.
            RenderedNotice rendered = renderer.render(f);
            return Message.of(notice, "email", tag, null, new Email(notice.getLong("id"), rendered, to));
        } catch (Exception ex) {
            return Message.unsendable(notice, "email", tag, "cannot compose notice: " + ex.getMessage());
        }
    }

    @Override
    public Uni<DeliveryResult> deliver(Email m) {
        return email.send(m.rendered(), m.to(), m.noticeId());
    }

    @Override
    public String describe(Message<Email> m) {
        return "notice #" + m.id() + " (" + m.tag() + ")";
    }

    @Override
    public Uni<Void> recorded(SqlConnection tx, List<Settled<Email>> settled) {
        List<Settled<Email>> sent = settled.stream().filter(s -> s.verdict() instanceof DeliveryPolicy.Sent).toList();
        if (sent.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] ids = sent.stream().map(s -> s.message().id()).toArray(Long[]::new);
        String[] recipients = sent.stream().map(s -> String.join(", ", s.message().content().to()))
                .toArray(String[]::new);
        String[] subjects = sent.stream().map(s -> s.message().content().rendered().subject()).toArray(String[]::new);
        return tx.preparedQuery(SUBJECTS).execute(Tuple.of(ids, recipients, subjects)).replaceWithVoid();
    }
}
