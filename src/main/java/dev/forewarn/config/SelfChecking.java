package dev.forewarn.config;

import java.util.List;

/**
 * A settings mapping of one integration that checks its own rules spanning keys; annotate it with
 * {@link ChecksItself} so SmallRye Config runs them at start-up, as it runs {@link ConsistentConfiguration}.
 */
public interface SelfChecking {

    /** What is wrong with these settings, one sentence per broken rule, each naming its key; empty when sound. */
    List<String> problems();
}
