package dev.forewarn.ticket.webhook;

import dev.forewarn.ticket.PolledTicketSource;
import dev.forewarn.ticket.TicketSourceContext;
import dev.forewarn.ticket.TicketSourceFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** Webhook ticket sources poll nothing: their events arrive through {@code TicketWebhookResource}. */
@ApplicationScoped
public class WebhookTicketSourceFactory implements TicketSourceFactory {

    @Override
    public String type() {
        return WebhookTicketSettings.TYPE;
    }

    @Override
    public Optional<PolledTicketSource> create(TicketSourceContext context) {
        return Optional.empty();
    }
}
