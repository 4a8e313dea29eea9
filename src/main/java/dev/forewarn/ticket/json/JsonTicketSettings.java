package dev.forewarn.ticket.json;

import dev.forewarn.config.ChecksItself;
import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.SelfChecking;
import dev.forewarn.ticket.TicketSourceFactory;
import io.smallrye.config.ConfigMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys of ticket sources that poll a Forewarn JSON ticket document, under
 * {@code forewarn.tickets.sources.<name>} next to the keys every source has.
 */
@ConfigMapping(prefix = "forewarn.tickets")
@ChecksItself
public interface JsonTicketSettings extends SelfChecking {

    /** The value of {@code type} these keys belong to. */
    String TYPE = "json";

    /** Ticket sources by name; only those of type json use these keys. */
    Map<String, Source> sources();

    /** One JSON document source. */
    interface Source {
        /** Kind of source; these keys apply when it is json. */
        Optional<String> type();

        /** The document's URL (docs/ticket-json-format.md describes the document). */
        Optional<String> url();
    }

    /** A JSON source needs an http(s) URL. */
    @Override
    default List<String> problems() {
        List<String> problems = new ArrayList<>();
        TicketSourceFactory.ofType(sources(), Source::type, TYPE).forEach((name, s) ->
                ConfigRules.requiredHttpUrl(problems, s.url(), "forewarn.tickets.sources." + name + ".url"));
        return problems;
    }
}
