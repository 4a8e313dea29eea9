package dev.forewarn.notify.pagerduty;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PagerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/** Builds PagerDuty Events API v2 channels. */
@ApplicationScoped
public class PagerDutyChannelFactory implements ChannelFactory {

    @Override
    public ForewarnConfig.ChannelType type() {
        return ForewarnConfig.ChannelType.PAGERDUTY;
    }

    @Override
    public PagerChannel create(String name, ForewarnConfig.Channel c) {
        return new PagerDutyChannel(new PagerDutyConfig(c.url().map(URI::create).orElse(null),
                ChannelFactory.required(c.routingKey(), name, "routing-key"), c.timeout()),
                new JsonPoster(Duration.ofSeconds(5)));
    }
}
