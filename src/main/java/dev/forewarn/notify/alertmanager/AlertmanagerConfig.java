package dev.forewarn.notify.alertmanager;

import java.net.URI;
import java.time.Duration;

/**
 * Settings of one Alertmanager; {@code firingHorizon} is how long a triggered alert stays firing without being
 * re-sent, and must exceed the interval at which the caller re-sends open pages.
 */
public record AlertmanagerConfig(URI baseUrl, Duration firingHorizon, Duration timeout) {

    public AlertmanagerConfig {
        if (baseUrl == null || !baseUrl.isAbsolute()
                || !("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()))) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
        }
        if (firingHorizon == null || firingHorizon.isZero() || firingHorizon.isNegative()) {
            throw new IllegalArgumentException("firingHorizon must be positive");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The v2 alerts endpoint, tolerating a base URL with or without a trailing slash or path prefix. */
    public URI alertsUrl() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/api/v2/alerts");
    }
}
