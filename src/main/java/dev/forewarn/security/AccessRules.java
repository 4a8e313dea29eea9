package dev.forewarn.security;

import java.util.Optional;

/**
 * Which role a request to the REST API needs, in one table so the whole policy reads at a glance. Empty means
 * the endpoint authenticates itself (HMAC-signed webhooks) and needs no API key.
 */
public final class AccessRules {
    private AccessRules() {
    }

    public static Optional<Role> required(String method, String path) {
        String p = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        if (!p.startsWith("/api/") && !p.equals("/api")) {
            return Optional.empty();
        }
        boolean read = method.equals("GET") || method.equals("HEAD");
        // Signed by the sender (HMAC over body and timestamp): the signature is the credential.
        if (method.equals("POST") && (p.equals("/api/tickets/events") || p.equals("/api/pagerduty/webhook"))) {
            return Optional.empty();
        }
        // A status link lets its holder act as the customer (preferences), so only admins may read one.
        if (p.matches("/api/customers/[^/]+/status-link(/.*)?")) {
            return Optional.of(Role.ADMIN);
        }
        if (read) {
            return Optional.of(Role.VIEWER);
        }
        if (p.startsWith("/api/customers")) {
            return Optional.of(Role.ADMIN);
        }
        if (p.equals("/api/probes") || p.startsWith("/api/pages/") || p.startsWith("/api/oncall/overrides")
                || p.startsWith("/api/maintenance")) {
            return Optional.of(Role.OPERATOR);
        }
        return Optional.of(Role.ADMIN);
    }
}
