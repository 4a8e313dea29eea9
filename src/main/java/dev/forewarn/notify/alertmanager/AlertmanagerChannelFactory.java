package dev.forewarn.notify.alertmanager;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PagerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/** Builds Alertmanager API v2 channels. */
@ApplicationScoped
public class AlertmanagerChannelFactory implements ChannelFactory {

    @Inject
    HttpFetcher http;

    @Override
    public ForewarnConfig.ChannelType type() {
        return ForewarnConfig.ChannelType.ALERTMANAGER;
    }

    @Override
    public PagerChannel create(String name, ForewarnConfig.Channel c) {
        return new AlertmanagerChannel(new AlertmanagerConfig(URI.create(ChannelFactory.required(c.url(), name, "url")),
                c.firingHorizon(), c.timeout()), new JsonPoster(http));
    }
}
