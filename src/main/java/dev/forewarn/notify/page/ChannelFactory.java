package dev.forewarn.notify.page;

import dev.forewarn.config.ForewarnConfig;

/** Builds the pager channels of one type from configuration; each channel sub-package provides one. */
public interface ChannelFactory {

    /** The configured type this factory builds. */
    ForewarnConfig.ChannelType type();

    /**
     * A channel for {@code forewarn.paging.channels.<name>}; throws IllegalStateException naming the key when
     * the configuration is unusable.
     */
    PagerChannel create(String name, ForewarnConfig.Channel config);

    /** The configured value or a start-up failure naming the key. */
    static String required(java.util.Optional<String> value, String name, String field) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException(
                "forewarn.paging.channels." + name + "." + field + " is required"));
    }
}
