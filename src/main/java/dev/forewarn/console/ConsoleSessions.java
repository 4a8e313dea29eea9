package dev.forewarn.console;

import dev.forewarn.config.ForewarnConfig;
import dev.forewarn.security.HmacSigner;
import dev.forewarn.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Signed, expiring console session cookies and the CSRF token bound to each session. The cookie names the API key
 * that signed in and its role (never the key itself); it is signed with a key derived from
 * {@code forewarn.security.link-secret}, so every replica accepts it. Without a link secret a random key is made at
 * start-up: sessions then end with the process and hold on the replica that issued them only.
 */
@ApplicationScoped
public class ConsoleSessions {
    private static final Logger LOG = Logger.getLogger(ConsoleSessions.class);
    /** The session cookie's name. */
    public static final String COOKIE = "fw_session";

    /** A signed-in viewer: the API key's name and role, and when the session ends. */
    public record Session(String name, Role role, Instant expires, String cookie) {
    }

    private final SecretKeySpec key;
    private final ConsoleConfig config;

    @Inject
    public ConsoleSessions(ForewarnConfig forewarn, ConsoleConfig config) {
        this.config = config;
        if (config.sessionValidity().isNegative() || config.sessionValidity().isZero()) {
            throw new IllegalStateException("forewarn.console.session-validity must be positive");
        }
        if (config.refresh().getSeconds() < 5) {
            throw new IllegalStateException("forewarn.console.refresh must be at least 5s");
        }
        this.key = forewarn.security().linkSecret()
                .map(secret -> HmacSigner.key("console-session:" + secret))
                .orElseGet(() -> {
                    if (forewarn.security().enabled()) {
                        LOG.warn("forewarn.security.link-secret is not set: console sessions are signed with a "
                                + "random key and end when this process stops");
                    }
                    byte[] random = new byte[32];
                    new SecureRandom().nextBytes(random);
                    return HmacSigner.key(HexFormat.of().formatHex(random));
                });
    }

    /** A new session for a key's name and role, starting at {@code now}. */
    public Session open(String name, Role role, Instant now) {
        Instant expires = now.plus(config.sessionValidity());
        String body = Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8))
                + "." + role.name() + "." + expires.getEpochSecond();
        return new Session(name, role, expires, body + "." + mac("session." + body));
    }

    /** The session of everybody when API keys are turned off (the demo): an admin, for the request at hand. */
    public Session anonymous(Instant now) {
        return new Session("anonymous", Role.ADMIN, now.plusSeconds(3600), "open");
    }

    /** The session a cookie holds, if it is well formed, correctly signed and not expired. */
    public Optional<Session> read(String cookie, Instant now) {
        if (cookie == null || cookie.length() > 512) {
            return Optional.empty();
        }
        String[] parts = cookie.split("\\.");
        if (parts.length != 4) {
            return Optional.empty();
        }
        String body = parts[0] + "." + parts[1] + "." + parts[2];
        if (!MessageDigest.isEqual(mac("session." + body).getBytes(StandardCharsets.US_ASCII),
                parts[3].getBytes(StandardCharsets.US_ASCII))) {
            return Optional.empty();
        }
        try {
            Instant expires = Instant.ofEpochSecond(Long.parseLong(parts[2]));
            if (!expires.isAfter(now)) {
                return Optional.empty();
            }
            String name = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            return Optional.of(new Session(name, Role.valueOf(parts[1]), expires, cookie));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The CSRF token every console form of this session carries; useless without the (HttpOnly) cookie. */
    public String csrf(Session session) {
        return mac("csrf." + session.cookie());
    }

    /** Whether a submitted CSRF token belongs to the session. */
    public boolean csrfValid(Session session, String token) {
        return token != null && MessageDigest.isEqual(csrf(session).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    private String mac(String data) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                HmacSigner.hmacSha256(key, new byte[0], data.getBytes(StandardCharsets.UTF_8)));
    }
}
