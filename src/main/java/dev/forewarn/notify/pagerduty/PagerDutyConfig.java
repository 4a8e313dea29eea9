package dev.forewarn.notify.pagerduty;

import java.net.URI;
import java.time.Duration;

/** Settings of one PagerDuty Events API v2 integration; a null {@code eventsUrl} means PagerDuty's public endpoint. */
public record PagerDutyConfig(URI eventsUrl, String routingKey, Duration timeout) {

    /** PagerDuty's public Events API v2 endpoint. */
    public static final URI DEFAULT_EVENTS_URL = URI.create("https://events.pagerduty.com/v2/enqueue");

    public PagerDutyConfig {
        eventsUrl = eventsUrl == null ? DEFAULT_EVENTS_URL : eventsUrl;
        if (!eventsUrl.isAbsolute()
                || !("https".equals(eventsUrl.getScheme()) || "http".equals(eventsUrl.getScheme()))) {
            throw new IllegalArgumentException("eventsUrl must be an absolute http(s) URL: " + eventsUrl);
        }
        if (routingKey == null || routingKey.isBlank()) {
            throw new IllegalArgumentException("routingKey must not be blank");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Hides the routing key, which is a credential, from logs. */
    @Override
    public String toString() {
        return "PagerDutyConfig[eventsUrl=" + eventsUrl + ", routingKey=***, timeout=" + timeout + "]";
    }
}
