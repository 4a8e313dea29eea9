package dev.forewarn.ticket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.polling.SourceHealth;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * What a {@link TicketSourceFactory} builds a source from: its name, the settings every source has, and the
 * services sources share.
 *
 * @param retryAfter asks for a poll of the named source after the wait its server asked for (a Retry-After)
 */
public record TicketSourceContext(String name, ForewarnConfig.TicketSource settings, SourceHealth health,
                                  TicketIngest ingest, Clock clock, ObjectMapper mapper, HttpFetcher http,
                                  BiConsumer<String, Duration> retryAfter) {

    /** The configuration key of one of this source's settings, for messages. */
    public String key(String setting) {
        return TicketPoller.key(name) + "." + setting;
    }
}
