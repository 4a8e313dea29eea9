package dev.forewarn.ticket.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a ticket webhook request was signed with the shared secret: {@code X-Forewarn-Signature:
 * sha256=<hex>} must equal HMAC-SHA256(secret, timestamp + "." + rawBody) and {@code X-Forewarn-Timestamp} (Unix
 * seconds) must lie within the window around now, so a captured request cannot be replayed later.
 */
public final class WebhookVerifier {

    public static final String TIMESTAMP_HEADER = "X-Forewarn-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Forewarn-Signature";
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";
    private static final int SIGNATURE_BYTES = 32;

    private final SecretKeySpec key;
    private final Duration window;

    /** A verifier with the default five-minute window. */
    public WebhookVerifier(byte[] secret) {
        this(secret, DEFAULT_WINDOW);
    }

    public WebhookVerifier(byte[] secret, Duration window) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("window must not be negative");
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
        this.window = window;
    }

    /** Checks one request from its two header values (null when absent) and its body exactly as received. */
    public Verification verify(String timestampHeader, String signatureHeader, byte[] rawBody, Instant now) {
        Objects.requireNonNull(now, "now");
        if (timestampHeader == null || timestampHeader.isBlank()) {
            return new Verification.Rejected("missing " + TIMESTAMP_HEADER + " header");
        }
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return new Verification.Rejected("missing " + SIGNATURE_HEADER + " header");
        }
        String timestamp = timestampHeader.trim();
        long seconds;
        if (!timestamp.matches("[0-9]{1,12}")) {
            return new Verification.Rejected(TIMESTAMP_HEADER + " is not Unix seconds");
        }
        seconds = Long.parseLong(timestamp);
        String signature = signatureHeader.trim();
        if (!signature.startsWith(PREFIX)) {
            return new Verification.Rejected(SIGNATURE_HEADER + " does not start with '" + PREFIX + "'");
        }
        byte[] given = parseHex(signature.substring(PREFIX.length()));
        if (given == null) {
            return new Verification.Rejected(SIGNATURE_HEADER + " is not 64 hexadecimal digits");
        }
        // Checked before the timestamp so a forger learns nothing about our clock from the reason.
        byte[] expected = sign(timestamp, rawBody == null ? new byte[0] : rawBody);
        if (!MessageDigest.isEqual(expected, given)) {
            return new Verification.Rejected("signature does not match");
        }
        Duration skew = Duration.between(Instant.ofEpochSecond(seconds), now);
        if (skew.compareTo(window) > 0) {
            return new Verification.Rejected("timestamp is older than " + window.toSeconds() + " s");
        }
        if (skew.negated().compareTo(window) > 0) {
            return new Verification.Rejected("timestamp is more than " + window.toSeconds() + " s in the future");
        }
        return new Verification.Valid();
    }

    /**
     * What a verified request is remembered by to refuse its replay: the signature's bytes, not the header's text,
     * so the same signature written in other letter case or with other spacing is still the same request.
     */
    public static String fingerprint(String signatureHeader) {
        byte[] mac = parseHex(signatureHeader.trim().substring(PREFIX.length()));
        if (mac == null) {
            throw new IllegalArgumentException("not a verified " + SIGNATURE_HEADER + " value");
        }
        return java.util.HexFormat.of().formatHex(mac);
    }

    /** The header value a sender puts in {@code X-Forewarn-Signature} for this timestamp and body. */
    public String signatureHeader(String timestamp, byte[] rawBody) {
        byte[] mac = sign(timestamp, rawBody);
        StringBuilder hex = new StringBuilder(PREFIX.length() + mac.length * 2).append(PREFIX);
        for (byte b : mac) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return hex.toString();
    }

    private byte[] sign(String timestamp, byte[] rawBody) {
        return dev.forewarn.security.HmacSigner.hmacSha256(key,
                (timestamp + ".").getBytes(StandardCharsets.US_ASCII), rawBody);
    }

    /** Decodes exactly 64 hex digits (either case); null otherwise. */
    private static byte[] parseHex(String hex) {
        if (hex.length() != SIGNATURE_BYTES * 2) {
            return null;
        }
        byte[] bytes = new byte[SIGNATURE_BYTES];
        for (int i = 0; i < bytes.length; i++) {
            int high = hexValue(hex.charAt(2 * i));
            int low = hexValue(hex.charAt(2 * i + 1));
            if (high < 0 || low < 0) {
                return null;
            }
            bytes[i] = (byte) ((high << 4) | low);
        }
        return bytes;
    }

    /** ASCII hex only: Character.digit would also accept non-ASCII digits such as fullwidth ones. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
