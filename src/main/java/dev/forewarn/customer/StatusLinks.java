package dev.forewarn.customer;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.security.HmacSigner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Signs and checks the links in customer notices. A status link ({@code /status/<customer>/<version>.<mac>}) opens
 * the customer's status page and preferences without a login, never expires, and is revoked by bumping the
 * customer's link version. An unsubscribe link names one address and the notice it came in, and is never revoked:
 * an unsubscribe must keep working however old the email.
 */
@ApplicationScoped
public class StatusLinks {
    private static final Logger LOG = Logger.getLogger(StatusLinks.class);

    private final Optional<SecretKeySpec> key;
    private final String base;

    @Inject
    public StatusLinks(ForewarnConfig config) {
        this.key = config.security().linkSecret().map(HmacSigner::key);
        this.base = config.paging().publicUrl().replaceAll("/+$", "");
        if (key.isEmpty()) {
            LOG.warn("forewarn.security.link-secret is not set: customer notices go out without status, preferences "
                    + "and unsubscribe links, and /status pages answer 404");
        }
    }

    public boolean enabled() {
        return key.isPresent();
    }

    /** The customer's status page, or empty without a link secret. */
    public Optional<String> statusUrl(Customer c) {
        return statusPath(c).map(p -> base + p);
    }

    /** The path of the customer's status page, for links within the pages (which work behind any host name). */
    public Optional<String> statusPath(Customer c) {
        return key.map(k -> "/status/" + c.id + "/" + statusToken(c.id, c.linkVersion));
    }

    public Optional<String> preferencesUrl(Customer c) {
        return statusUrl(c).map(u -> u + "/preferences");
    }

    /** The RFC 8058 one-click unsubscribe URL of one address, from notice {@code noticeId}. */
    public Optional<String> unsubscribeUrl(String customerId, String address, long noticeId) {
        return key.map(k -> base + "/status/" + customerId + "/unsubscribe?a="
                + URLEncoder.encode(address, StandardCharsets.UTF_8) + "&n=" + noticeId
                + "&s=" + mac("unsubscribe." + customerId + "." + address + "." + noticeId));
    }

    /** Whether {@code token} is a current status token of the customer at link version {@code version}. */
    public boolean validStatus(String customerId, int currentVersion, String token) {
        if (key.isEmpty() || token == null) {
            return false;
        }
        return same(statusToken(customerId, currentVersion), token);
    }

    public boolean validUnsubscribe(String customerId, String address, String noticeId, String signature) {
        if (key.isEmpty() || address == null || noticeId == null || signature == null) {
            return false;
        }
        return same(mac("unsubscribe." + customerId + "." + address + "." + noticeId), signature);
    }

    /** The version a status token claims, or -1 when it is malformed. */
    public static int versionOf(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        try {
            return dot < 1 ? -1 : Integer.parseInt(token.substring(0, dot));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String statusToken(String customerId, int version) {
        return version + "." + mac("status." + customerId + "." + version);
    }

    private String mac(String message) {
        byte[] mac = HmacSigner.hmacSha256(key.orElseThrow(), new byte[0], message.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
