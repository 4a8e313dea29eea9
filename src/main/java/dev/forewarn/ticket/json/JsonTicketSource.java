package dev.forewarn.ticket.json;

import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.polling.FetchFailures;
import dev.forewarn.polling.OnContext;
import dev.forewarn.polling.SourceHealth;
import dev.forewarn.ticket.PolledTicketSource;
import dev.forewarn.ticket.TicketSourceContext;
import io.smallrye.mutiny.Uni;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** A Forewarn JSON ticket document polled whole; a bad ticket is rejected alone, the rest is stored. */
final class JsonTicketSource implements PolledTicketSource {
    private final String name;
    private final TicketSourceContext context;
    private final ForewarnConfig.TicketSource config;
    private final SourceHealth health;
    private final URI uri;

    JsonTicketSource(TicketSourceContext context, JsonTicketSettings.Source settings) {
        this.name = context.name();
        this.context = context;
        this.config = context.settings();
        this.health = context.health();
        this.uri = URI.create(ConfigRules.required(settings.url(), context.key("url")).strip());
    }

    @Override
    public Uni<Integer> poll() {
        Instant now = context.clock().instant();
        long started = System.nanoTime();
        return OnContext.call(() -> context.http().get(uri, config.timeout(), config.maxBodyBytes(), Map.of()))
                .map(body -> {
                    try {
                        return TicketJsonMapping.validate(TicketJsonMapping.parse(body, context.mapper()), name, now);
                    } catch (TicketFormatException e) {
                        throw new java.util.concurrent.CompletionException(e);
                    }
                })
                .chain(v -> {
                    if (!v.rejected().isEmpty()) {
                        health.failed("rejected", v.rejected().size() + " ticket(s) rejected, first: "
                                + v.rejected().get(0));
                    }
                    health.succeeded(now, v.rejected().isEmpty());
                    return context.ingest().ingest(v.accepted(), now);
                })
                .onFailure().recoverWithItem(e -> {
                    health.failed(FetchFailures.reason(e), FetchFailures.detail(uri.toString(), e));
                    return 0;
                })
                .invoke(() -> health.timed(Duration.ofNanos(System.nanoTime() - started)));
    }
}
