package dev.forewarn.notify.slack;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.http.HttpFetcher;
import dev.forewarn.notify.http.JsonPoster;
import dev.forewarn.notify.page.ChannelFactory;
import dev.forewarn.notify.page.PagerChannel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;

/** Builds Slack-compatible incoming-webhook channels. */
@ApplicationScoped
public class SlackChannelFactory implements ChannelFactory {

    @Inject
    HttpFetcher http;

    @Override
    public ForewarnConfig.ChannelType type() {
        return ForewarnConfig.ChannelType.SLACK;
    }

    @Override
    public PagerChannel create(String name, ForewarnConfig.Channel c) {
        return new SlackChannel(new SlackConfig(URI.create(ChannelFactory.required(c.url(), name, "url")),
                c.timeout()), new JsonPoster(http));
    }
}
