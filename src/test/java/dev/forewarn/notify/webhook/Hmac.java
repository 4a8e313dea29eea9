package dev.forewarn.notify.webhook;

import dev.forewarn.security.HmacSigner;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** A receiver's view of the signature, written without HmacSigner so tests do not check the signer against itself. */
final class Hmac {

    private Hmac() {
    }

    static String hex(String secret, String signedText) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
