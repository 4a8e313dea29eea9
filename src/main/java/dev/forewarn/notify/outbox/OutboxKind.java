package dev.forewarn.notify.outbox;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.model.DeliveryResult;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * One kind of outbox message (customer notices, pages, …): where its rows live, how a claimed row becomes a
 * message and how a message is sent. The {@link Outbox} engine does everything else — claiming, concurrency,
 * the delivery policy, recording, logs and metrics — the same way for every kind.
 *
 * <p>The table must have the outbox columns {@code id bigint, status text ('PENDING', 'SENT', 'FAILED'),
 * attempts int, next_attempt_at timestamptz, created_at timestamptz, sent_at timestamptz, last_error text}.
 *
 * @param <M> what is sent (a rendered notice, a page message)
 */
public interface OutboxKind<M> {

    /**
     * What identifies the outbox.
     *
     * @param name          the metric {@code forewarn.<name>} and the {@code outbox} tag ("notices", "pages")
     * @param table         the outbox table (a constant, never input)
     * @param channelColumn the SQL expression naming a row's channel, for the backlog gauges
     * @param tagName       the counter's tag besides {@code channel} and {@code outcome} ("kind", "tier")
     * @param configPrefix  where the settings live, for the start-up check's messages ("forewarn.notices")
     */
    record Identity(String name, String table, String channelColumn, String tagName, String configPrefix) {
    }

    /** What identifies the outbox. */
    Identity identity();

    /** The settings. */
    ForewarnConfig.Outbox settings();

    /** The longest a single send may take (the channel's own deadline); the claim lease must outlast it. */
    Duration sendDeadline();

    /** The channels and tag values known up front, so that their counters exist at zero. */
    Collection<String> knownChannels();

    /** The known values of the {@code tagName}. */
    Collection<String> knownTags();

    /**
     * Turns claimed rows (every column of the table) into messages, reading what else they need through
     * {@code db}; a row that cannot be sent becomes {@link Message#unsendable}. One message per row, any order.
     */
    Uni<List<Message<M>>> prepare(SqlClient db, List<Row> claimed);

    /** Sends one message; a failure is a {@link DeliveryResult}, never an exception. */
    Uni<DeliveryResult> deliver(M message);

    /** Names a message in the log line of its final failure (no customer address, no secret). */
    String describe(Message<M> message);

    /**
     * What a message's retryable failure says about: the channel it names (logged once when it starts failing and
     * once when it delivers again), or null when the failure is the message's alone (a customer's own endpoint).
     */
    default String failureLogKey(Message<M> message) {
        return message.channel();
    }

    /**
     * Records what the kind keeps besides the outbox columns (a notice's subject, a page's timeline), in the
     * transaction that records the outcomes.
     */
    default Uni<Void> recorded(SqlConnection tx, List<Settled<M>> settled) {
        return Uni.createFrom().voidItem();
    }
}
