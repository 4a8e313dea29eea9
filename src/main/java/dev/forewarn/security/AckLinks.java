package dev.forewarn.security;

import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.notify.webhook.HmacSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring acknowledge links: whoever holds a page's link may acknowledge that page — and only that page,
 * and only until the link expires — without an API key, so an engineer can act from the page itself.
 */
@ApplicationScoped
public class AckLinks {
    /** Shortest link secret accepted (characters). */
    public static final int MIN_SECRET_LENGTH = 32;

    private final Optional<SecretKeySpec> key;
    private final ForewarnConfig config;
    private final Clock clock;

    @Inject
    public AckLinks(ForewarnConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        check(config);
        this.key = config.security().linkSecret().map(HmacSigner::key);
    }

    /** Refuses a link secret too short to resist guessing and a validity that is not positive, naming the key. */
    public static void check(ForewarnConfig config) {
        ConfigRules.longEnough(config.security().linkSecret(), MIN_SECRET_LENGTH, "forewarn.security.link-secret");
        ConfigRules.positive(config.security().linkValidity(), "forewarn.security.link-validity");
        ConfigRules.positive(config.security().authFailureWindow(), "forewarn.security.auth-failure-window");
    }

    /** The acknowledge URL of a page: signed and expiring when a link secret is configured. */
    public String ackUrl(long pageId) {
        String base = config.paging().publicUrl().replaceAll("/+$", "") + "/api/pages/" + pageId + "/ack";
        if (key.isEmpty()) {
            return base;
        }
        long expires = clock.instant().plus(config.security().linkValidity()).getEpochSecond();
        return base + "?expires=" + expires + "&token=" + token(pageId, expires);
    }

    /** Whether {@code token} was issued for this page and has not expired. */
    public boolean valid(long pageId, String expires, String token) {
        if (key.isEmpty() || expires == null || token == null) {
            return false;
        }
        long e;
        try {
            e = Long.parseLong(expires);
        } catch (NumberFormatException ex) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        // No link this process issues expires later than one validity from now: a larger value is forged (and
        // Long.MAX_VALUE is no instant at all).
        if (e < now || e > now + config.security().linkValidity().toSeconds()) {
            return false;
        }
        return MessageDigest.isEqual(token(pageId, e).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(long pageId, long expires) {
        byte[] mac = HmacSigner.hmacSha256(key.orElseThrow(), new byte[0],
                ("ack." + pageId + "." + expires).getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
