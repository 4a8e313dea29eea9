package dev.forewarn.notify.page;

import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.oncall.OnCallBook;
import dev.forewarn.oncall.model.Tier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The configured pager channels by name, and the routes that say which channels a tier and team are paged on. */
@ApplicationScoped
public class PagerChannels {

    private final Map<String, PagerChannel> channels = new LinkedHashMap<>();
    private final List<ForewarnConfig.PageRoute> routes;

    @Inject
    public PagerChannels(ForewarnConfig config, Instance<ChannelFactory> factories) {
        new TreeMap<>(config.paging().channels()).forEach((name, c) -> {
            ChannelFactory factory = factories.stream().filter(f -> f.type() == c.type()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("forewarn.paging.channels." + name
                            + ".type: no channel of type " + c.type()));
            try {
                channels.put(name, factory.create(name, c));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("forewarn.paging.channels." + name + ": " + e.getMessage(), e);
            }
        });
        this.routes = config.paging().routes();
        checkSettings(config);
    }

    /**
     * Refuses routes naming unknown channels or tiers, and channels missing what their type needs (an absolute
     * URL, a routing key, a signing secret), naming the key; the channel sub-package still checks the rest when
     * it builds the channel.
     */
    public static void checkSettings(ForewarnConfig config) {
        ConfigRules.httpUrl(config.paging().publicUrl(), "forewarn.paging.public-url");
        new TreeMap<>(config.paging().channels()).forEach((name, c) -> {
            String key = "forewarn.paging.channels." + name;
            for (String field : c.type().requires()) {
                ConfigRules.required(switch (field) {
                    case "url" -> c.url();
                    case "routing-key" -> c.routingKey();
                    default -> c.secret();
                }, key + "." + field);
            }
            c.url().ifPresent(url -> ConfigRules.httpUrl(url, key + ".url"));
            ConfigRules.positive(c.timeout(), key + ".timeout");
        });
        List<ForewarnConfig.PageRoute> routes = config.paging().routes();
        for (int i = 0; i < routes.size(); i++) {
            ForewarnConfig.PageRoute r = routes.get(i);
            String key = "forewarn.paging.routes[" + i + "]";
            r.tier().ifPresent(t -> OnCallBook.tier(t, key + ".tier"));
            for (String ch : r.channels()) {
                if (!config.paging().channels().containsKey(ch)) {
                    throw new IllegalStateException(key + ".channels names an unknown channel '" + ch + "'; known: "
                            + config.paging().channels().keySet());
                }
            }
        }
    }

    public Optional<PagerChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    /** The channels of the first route matching the tier and team; empty when none matches. */
    public List<String> channelsFor(Tier tier, String team) {
        for (ForewarnConfig.PageRoute r : routes) {
            boolean tierMatches = r.tier().map(t -> t.equalsIgnoreCase(tier.name())).orElse(true);
            boolean teamMatches = r.team().map(t -> t.equals(team)).orElse(true);
            if (tierMatches && teamMatches) {
                return r.channels();
            }
        }
        return List.of();
    }
}
