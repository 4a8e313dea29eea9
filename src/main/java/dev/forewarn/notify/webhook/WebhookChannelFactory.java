package dev.forewarn.notify.webhook;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PagerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;

/** Builds signed generic webhook channels. */
@ApplicationScoped
public class WebhookChannelFactory implements ChannelFactory {

    @Inject
    HttpFetcher http;

    @Inject
    Clock clock;

    @Override
    public ForewarnConfig.ChannelType type() {
        return ForewarnConfig.ChannelType.WEBHOOK;
    }

    @Override
    public PagerChannel create(String name, ForewarnConfig.Channel c) {
        return new WebhookChannel(new WebhookConfig(URI.create(ChannelFactory.required(c.url(), name, "url")),
                ChannelFactory.required(c.secret(), name, "secret"), c.timeout()),
                new JsonPoster(http), clock);
    }
}
