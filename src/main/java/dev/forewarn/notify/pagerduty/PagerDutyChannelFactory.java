package dev.forewarn.notify.pagerduty;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PagerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/** Builds PagerDuty Events API v2 channels. */
@ApplicationScoped
public class PagerDutyChannelFactory implements ChannelFactory {

    @Inject
    HttpFetcher http;

    @Override
    public ForewarnConfig.ChannelType type() {
        return ForewarnConfig.ChannelType.PAGERDUTY;
    }

    @Override
    public PagerChannel create(String name, ForewarnConfig.Channel c) {
        return new PagerDutyChannel(new PagerDutyConfig(c.url().map(URI::create).orElse(null),
                ChannelFactory.required(c.routingKey(), name, "routing-key"), c.timeout()),
                new JsonPoster(http));
    }
}
