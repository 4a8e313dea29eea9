package dev.forewarn.notify.slack;

import java.net.URI;
import java.time.Duration;

/** Settings of one Slack-compatible incoming webhook; the URL itself is the credential. */
public record SlackConfig(URI webhookUrl, Duration timeout) {

    public SlackConfig {
        if (webhookUrl == null || !webhookUrl.isAbsolute()
                || !("https".equals(webhookUrl.getScheme()) || "http".equals(webhookUrl.getScheme()))) {
            throw new IllegalArgumentException("webhookUrl must be an absolute http(s) URL");
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Hides the webhook URL, whose path is a secret token, from logs. */
    @Override
    public String toString() {
        return "SlackConfig[webhookUrl=" + webhookUrl.getScheme() + "://" + webhookUrl.getHost() + "/***, timeout="
                + timeout + "]";
    }
}
