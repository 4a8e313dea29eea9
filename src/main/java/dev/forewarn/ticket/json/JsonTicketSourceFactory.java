package dev.forewarn.ticket.json;

import dev.forewarn.ticket.PolledTicketSource;
import dev.forewarn.ticket.TicketSourceContext;
import dev.forewarn.ticket.TicketSourceFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Builds the sources that poll a Forewarn JSON ticket document, from their {@link JsonTicketSettings}. */
@ApplicationScoped
public class JsonTicketSourceFactory implements TicketSourceFactory {

    @Inject
    JsonTicketSettings settings;

    @Override
    public String type() {
        return JsonTicketSettings.TYPE;
    }

    @Override
    public Optional<PolledTicketSource> create(TicketSourceContext context) {
        return Optional.of(new JsonTicketSource(context, settings.sources().get(context.name())));
    }
}
