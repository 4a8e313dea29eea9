package dev.forewarn.ticket.zendesk;

import dev.forewarn.config.ChecksItself;
import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.SelfChecking;
import dev.forewarn.ticket.TicketSourceFactory;
import io.smallrye.config.ConfigMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The keys of Zendesk ticket sources, under {@code forewarn.tickets.sources.<name>} next to the keys every
 * source has ({@code type}, {@code interval}, {@code timeout}, {@code max-body-bytes}).
 */
@ConfigMapping(prefix = "forewarn.tickets")
@ChecksItself
public interface ZendeskSettings extends SelfChecking {

    /** The value of {@code type} these keys belong to. */
    String TYPE = "zendesk";

    /** Ticket sources by name; only those of type zendesk use these keys. */
    Map<String, Source> sources();

    /** One Zendesk source. */
    interface Source {
        /** Kind of source; these keys apply when it is zendesk. */
        Optional<String> type();

        /** The account's base URL (https://acme.zendesk.com). */
        Optional<String> url();

        /** Agent email for API-token authentication; without it the token is sent as an OAuth bearer token. */
        Optional<String> email();

        /** API or OAuth token (from a Secret: FOREWARN_ZENDESK_TOKEN); never logged. */
        Optional<String> token();

        /** Base URL of agent links to tickets; defaults to url. */
        Optional<String> agentUrl();

        /** Priority to severity (urgent, important, general); unset priorities are general. */
        Map<String, String> priorities();

        /** Group id to team name. */
        Map<String, String> groups();

        /** Organization id to customer id. */
        Map<String, String> organizations();
    }

    /** The Zendesk sources by name. */
    default Map<String, Source> zendeskSources() {
        return TicketSourceFactory.ofType(sources(), Source::type, TYPE);
    }

    /** A Zendesk source needs an http(s) URL and a token, and maps priorities only to known severities. */
    @Override
    default List<String> problems() {
        List<String> problems = new ArrayList<>();
        zendeskSources().forEach((name, s) -> {
            String key = "forewarn.tickets.sources." + name;
            ConfigRules.requiredHttpUrl(problems, s.url(), key + ".url");
            ConfigRules.collect(problems, () -> ConfigRules.required(s.token(), key + ".token"));
            new TreeMap<>(s.priorities()).forEach((priority, severity) -> {
                if (!Set.of("urgent", "important", "general").contains(severity.toLowerCase(Locale.ROOT))) {
                    problems.add(key + ".priorities." + priority + " must be urgent, important or general");
                }
            });
        });
        return problems;
    }
}
