package dev.forewarn.ticket.zendesk;

import dev.forewarn.ticket.PolledTicketSource;
import dev.forewarn.ticket.TicketSourceContext;
import dev.forewarn.ticket.TicketSourceFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Builds the Zendesk ticket sources from their {@link ZendeskSettings}. */
@ApplicationScoped
public class ZendeskSourceFactory implements TicketSourceFactory {

    @Inject
    ZendeskSettings settings;

    @Override
    public String type() {
        return ZendeskSettings.TYPE;
    }

    @Override
    public Optional<PolledTicketSource> create(TicketSourceContext context) {
        return Optional.of(new ZendeskSource(context, settings.sources().get(context.name())));
    }
}
