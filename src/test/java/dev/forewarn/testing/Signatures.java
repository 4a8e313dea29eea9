package dev.forewarn.testing;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs webhook requests the way a sender does (HMAC-SHA256, hex), written apart from Forewarn's own signer. */
public final class Signatures {
    private Signatures() {
    }

    /** HMAC-SHA256 of the concatenated parts, as lower-case hex. */
    public static String hmacHex(String secret, byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** HMAC-SHA256 of a text, as lower-case hex. */
    public static String hmacHex(String secret, String text) {
        return hmacHex(secret, text.getBytes(StandardCharsets.UTF_8));
    }
}
