package dev.forewarn.security;

import dev.forewarn.config.ConfigRules;
import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.security.HmacSigner;
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
 * Signed, expiring action links: whoever holds a page's acknowledge (or resolve) link may open it and act on that
 * page — and only that page, only that action, and only until the link expires — without an API key, so an
 * engineer can act from PagerDuty, Slack or an email with one click.
 */
@ApplicationScoped
public class AckLinks {
    /** Shortest link secret accepted (characters). */
    public static final int MIN_SECRET_LENGTH = 32;
    /** What a link lets its holder do; the path segment and the signed purpose. */
    public enum Action {
        ACK("ack"), RESOLVE("resolve");

        private final String segment;

        Action(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }

        /** The action of a path segment ("ack" or "resolve"); empty for anything else. */
        public static Optional<Action> of(String segment) {
            for (Action a : values()) {
                if (a.segment.equals(segment)) {
                    return Optional.of(a);
                }
            }
            return Optional.empty();
        }
    }

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
        return url(pageId, Action.ACK);
    }

    /** The URL that opens a page's acknowledge or resolve page; signed and expiring when a link secret is configured. */
    public String url(long pageId, Action action) {
        String base = config.paging().publicUrl().replaceAll("/+$", "") + path(pageId, action);
        return key.isEmpty() ? base : base + query(pageId, action);
    }

    /**
     * The path of a page's action link, relative to the public URL: the console's page for that action, which a
     * browser opens (GET shows what the page is about, its button POSTs). The same signed query also authorizes
     * {@code POST /api/pages/{id}/ack} for API clients.
     */
    public static String path(long pageId, Action action) {
        return "/console/pages/" + pageId + "/" + action.segment();
    }

    /** {@code ?expires=…&token=…} for a fresh link; empty when no link secret is configured. */
    public String query(long pageId, Action action) {
        if (key.isEmpty()) {
            return "";
        }
        long expires = clock.instant().plus(config.security().linkValidity()).getEpochSecond();
        return "?expires=" + expires + "&token=" + token(pageId, action, expires);
    }

    /** Whether {@code token} was issued for this page and has not expired. */
    public boolean valid(long pageId, String expires, String token) {
        return valid(pageId, Action.ACK, expires, token);
    }

    /** Whether {@code token} was issued for this action on this page and has not expired. */
    public boolean valid(long pageId, Action action, String expires, String token) {
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
        return MessageDigest.isEqual(token(pageId, action, e).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String token(long pageId, Action action, long expires) {
        // "ack." keeps links issued before resolve links existed valid.
        byte[] mac = HmacSigner.hmacSha256(key.orElseThrow(), new byte[0],
                (action.segment() + "." + pageId + "." + expires).getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
