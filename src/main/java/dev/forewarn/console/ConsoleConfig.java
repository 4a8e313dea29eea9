package dev.forewarn.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of the web console under /console. */
@ConfigMapping(prefix = "forewarn.console")
public interface ConsoleConfig {
    /** How long a console session lasts after signing in with an API key (duration). */
    @WithDefault("12h")
    Duration sessionValidity();

    /** How often console pages reload themselves (duration, at least 5 s). */
    @WithDefault("30s")
    Duration refresh();
}
