package dev.forewarn.notify.slack;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PagerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;

/** Builds Slack-compatible incoming-webhook channels. */
@ApplicationScoped
public class SlackChannelFactory implements ChannelFactory {

    @Override
    public ForewarnConfig.ChannelType type() {
        return ForewarnConfig.ChannelType.SLACK;
    }

    @Override
    public PagerChannel create(String name, ForewarnConfig.Channel c) {
        return new SlackChannel(new SlackConfig(URI.create(ChannelFactory.required(c.url(), name, "url")),
                c.timeout()), new JsonPoster(Duration.ofSeconds(5)));
    }
}
