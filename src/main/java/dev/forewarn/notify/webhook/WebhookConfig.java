package dev.forewarn.notify.webhook;

import dev.forewarn.security.HmacSigner;
import java.net.URI;
import java.time.Duration;

/** Settings of one generic signed webhook receiver. */
public record WebhookConfig(URI url, String secret, Duration timeout) {

    public WebhookConfig {
        if (url == null || !url.isAbsolute() || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))) {
            throw new IllegalArgumentException("url must be an absolute http(s) URL: " + url);
        }
        if (secret == null || secret.length() < HmacSigner.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret must be at least " + HmacSigner.MIN_SECRET_LENGTH
                    + " characters");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Hides the secret from logs. */
    @Override
    public String toString() {
        return "WebhookConfig[url=" + url + ", secret=***, timeout=" + timeout + "]";
    }
}
