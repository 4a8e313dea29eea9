package dev.forewarn.notify.outbox;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/**
 * A claimed outbox row ready to be sent, or saying why it cannot be.
 *
 * @param id         the row's id
 * @param attempts   attempts including the one about to be made
 * @param queuedAt   when the row was queued (the give-up deadline counts from here)
 * @param channel    the channel it goes out on (metric tag, failure log)
 * @param tag        the value of the kind's third metric tag
 * @param orderKey   messages of one key go out one after another, in id order (null: no order needed)
 * @param content    what is sent; null, or only what it is about, when unsendable
 * @param unsendable why it cannot be sent (a permanent failure), or null
 * @param leaseUntil until when the claim holds (the row's next attempt as claimed): no send may start that could
 *                   still run, or not be recorded, by then
 */
public record Message<M>(long id, int attempts, Instant queuedAt, String channel, String tag, String orderKey,
                         M content, String unsendable, Instant leaseUntil) {

    /** A sendable message made from a claimed row. */
    public static <M> Message<M> of(Row row, String channel, String tag, String orderKey, M content) {
        return new Message<>(row.getLong("id"), row.getInteger("attempts"), instant(row, "created_at"), channel, tag,
                orderKey, content, null, instant(row, "next_attempt_at"));
    }

    /** A claimed row that cannot be sent: it is failed for good with {@code why}. */
    public static <M> Message<M> unsendable(Row row, String channel, String tag, String why) {
        return new Message<>(row.getLong("id"), row.getInteger("attempts"), instant(row, "created_at"), channel, tag,
                null, null, why, instant(row, "next_attempt_at"));
    }

    /** A claimed row that cannot be sent but still names what it is about (for the kind's own records). */
    public static <M> Message<M> unsendable(Row row, String channel, String tag, M about, String why) {
        return new Message<>(row.getLong("id"), row.getInteger("attempts"), instant(row, "created_at"), channel, tag,
                null, about, why, instant(row, "next_attempt_at"));
    }

    /** A {@code timestamptz} column as an instant (null stays null). */
    public static Instant instant(Row row, String column) {
        var t = row.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
