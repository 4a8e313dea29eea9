package dev.forewarn.security;

import dev.forewarn.config.ForewarnConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The configured API keys, kept only as SHA-256 digests and compared in constant time. */
@ApplicationScoped
public class ApiKeys {
    private static final Logger LOG = Logger.getLogger(ApiKeys.class);
    private static final int MIN_KEY_LENGTH = 24;

    /** Who a valid key belongs to. */
    public record Caller(String name, Role role) {
    }

    private record Entry(String name, Role role, byte[] digest) {
    }

    private final List<Entry> keys = new ArrayList<>();
    private final boolean enabled;

    @Inject
    public ApiKeys(ForewarnConfig config) {
        check(config);
        this.enabled = config.security().enabled();
        config.security().apiKeys().forEach((name, k) -> keys.add(new Entry(name,
                Role.parse(k.role(), "forewarn.security.api-keys." + name + ".role"), digest(k.key()))));
    }

    /** Refuses keys too short to resist guessing and unknown roles, naming the key (never its value). */
    public static void check(ForewarnConfig config) {
        config.security().apiKeys().forEach((name, k) -> {
            String key = "forewarn.security.api-keys." + name;
            if (k.key() == null || k.key().strip().length() < MIN_KEY_LENGTH) {
                throw new IllegalStateException(key + ".key must be at least " + MIN_KEY_LENGTH + " characters");
            }
            Role.parse(k.role(), key + ".role");
        });
    }

    /** Said once at start-up, not at the first request, so whoever starts an open instance reads it at once. */
    void announce(@Observes StartupEvent ignored) {
        if (!enabled) {
            LOG.warn("API authentication is OFF (forewarn.security.enabled=false): anyone who reaches the port can "
                    + "read and change everything. Only the demo should run like this, bound to 127.0.0.1.");
        } else if (keys.isEmpty()) {
            LOG.warn("No API keys configured (forewarn.security.api-keys): every /api call except signed webhooks "
                    + "will be refused with 401");
        }
    }

    public boolean enabled() {
        return enabled;
    }

    /** The caller a presented key belongs to; empty when it matches none. */
    public Optional<Caller> identify(String presented) {
        if (presented == null || presented.isBlank()) {
            return Optional.empty();
        }
        byte[] d = digest(presented.strip());
        Caller found = null;
        // Compare against every key so the time taken does not reveal which one matched.
        for (Entry e : keys) {
            if (MessageDigest.isEqual(e.digest(), d) && found == null) {
                found = new Caller(e.name(), e.role());
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
