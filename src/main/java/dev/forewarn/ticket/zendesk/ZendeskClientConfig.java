package dev.forewarn.ticket.zendesk;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the Zendesk client connects.
 *
 * @param baseUrl        the account's address, e.g. {@code https://acme.zendesk.com}
 * @param requestTimeout the deadline of one whole request, connection to last byte
 * @param credentials    how requests authenticate
 * @param maxBodyBytes   the largest page accepted; a larger one is a failure rather than a page cut short
 */
public record ZendeskClientConfig(URI baseUrl, Duration requestTimeout, Credentials credentials, int maxBodyBytes) {

    /** The default 8 MiB page limit. */
    public static final int DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;

    /** With the default page limit. */
    public ZendeskClientConfig(URI baseUrl, Duration requestTimeout, Credentials credentials) {
        this(baseUrl, requestTimeout, credentials, DEFAULT_MAX_BODY_BYTES);
    }

    public ZendeskClientConfig {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(credentials, "credentials");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
    }

    /** How the client proves who it is; {@code toString} never shows the secret. */
    public sealed interface Credentials {

        /** The value of the {@code Authorization} header. */
        String authorizationHeader();
    }

    /** Basic auth with an API token, sent as {@code {email}/token:{apiToken}}. */
    public record ApiToken(String email, String apiToken) implements Credentials {
        public ApiToken {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(apiToken, "apiToken");
        }

        @Override
        public String authorizationHeader() {
            String pair = email + "/token:" + apiToken;
            return "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(pair.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return "ApiToken[email=" + email + ", apiToken=***]";
        }
    }

    /** An OAuth access token sent as a Bearer token. */
    public record Bearer(String token) implements Credentials {
        public Bearer {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String authorizationHeader() {
            return "Bearer " + token;
        }

        @Override
        public String toString() {
            return "Bearer[token=***]";
        }
    }
}
