package dev.forewarn.ticket.webhook;

import dev.forewarn.config.ChecksItself;
import dev.forewarn.config.SelfChecking;
import dev.forewarn.ticket.TicketSourceFactory;
import io.smallrye.config.ConfigMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of ticket sources whose events are pushed to {@code POST /api/tickets/events}, under
 * {@code forewarn.tickets.sources.<name>} next to the keys every source has.
 */
@ConfigMapping(prefix = "forewarn.tickets")
@ChecksItself
public interface WebhookTicketSettings extends SelfChecking {

    /** The value of {@code type} these keys belong to. */
    String TYPE = "webhook";

    /** Shortest shared secret a webhook ticket source accepts (characters). */
    int MIN_SECRET = 16;

    /** Ticket sources by name; only those of type webhook use these keys. */
    Map<String, Source> sources();

    /** One pushed source. */
    interface Source {
        /** Kind of source; these keys apply when it is webhook. */
        Optional<String> type();

        /** Shared HMAC-SHA256 secret (from a Secret: FOREWARN_TICKET_WEBHOOK_SECRET); never logged. */
        Optional<String> secret();
    }

    /** The webhook sources by name. */
    default Map<String, Source> webhookSources() {
        return TicketSourceFactory.ofType(sources(), Source::type, TYPE);
    }

    /** A webhook source needs a secret that is not a placeholder. */
    @Override
    default List<String> problems() {
        List<String> problems = new ArrayList<>();
        webhookSources().forEach((name, s) -> {
            if (s.secret().filter(secret -> secret.strip().length() >= MIN_SECRET).isEmpty()) {
                problems.add("forewarn.tickets.sources." + name + ".secret must be set (at least " + MIN_SECRET
                        + " characters) for a webhook source");
            }
        });
        return problems;
    }
}
