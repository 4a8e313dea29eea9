package dev.forewarn.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs and verifies webhook bodies with HMAC-SHA256 over {@code timestamp + "." + body}. */
public final class HmacSigner {

    /** Header carrying the Unix-seconds timestamp that the signature covers. */
    public static final String TIMESTAMP_HEADER = "X-Forewarn-Timestamp";

    /** Header carrying {@code sha256=<lowercase hex>}. */
    public static final String SIGNATURE_HEADER = "X-Forewarn-Signature";

    /** Shortest accepted secret, so a placeholder like "changeme" fails at start-up. */
    public static final int MIN_SECRET_LENGTH = 16;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    public HmacSigner(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("secret must be at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The {@value #SIGNATURE_HEADER} value for a body sent at {@code timestampSeconds}. */
    public String sign(long timestampSeconds, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(timestampSeconds, body));
    }

    /** Whether {@code signature} was made with this secret for this timestamp and body; compares in constant time. */
    public boolean verify(long timestampSeconds, byte[] body, String signature) {
        if (signature == null || !signature.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(timestampSeconds, body), given);
    }

    /**
     * Verifies raw header values and rejects timestamps further than {@code tolerance} from {@code now}, so a
     * captured request cannot be replayed later.
     */
    public boolean verify(String timestampHeader, byte[] body, String signatureHeader, Instant now,
            Duration tolerance) {
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        return verify(timestamp, body, signatureHeader);
    }

    private byte[] mac(long timestampSeconds, byte[] body) {
        return hmacSha256(key, (timestampSeconds + ".").getBytes(StandardCharsets.US_ASCII), body);
    }

    /** HMAC-SHA256 of {@code prefix} then {@code body}: the one MAC every signed exchange of Forewarn uses. */
    public static byte[] hmacSha256(SecretKeySpec key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // every Java SE runtime ships HmacSHA256 and any non-empty key is valid for it
            throw new IllegalStateException(e);
        }
    }

    /** An HMAC-SHA256 key from text. */
    public static SecretKeySpec key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    @Override
    public String toString() {
        return "HmacSigner[secret=***]";
    }
}
