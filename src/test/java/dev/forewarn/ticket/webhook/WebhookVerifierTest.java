package dev.forewarn.ticket.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookVerifierTest {

    private static final byte[] SECRET = "topsecret".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.ofEpochSecond(1772445600L);
    private static final String BODY = "{\"tickets\":[]}";
    // computed independently: printf '%s' '1772445600.{"tickets":[]}' | openssl dgst -sha256 -hmac topsecret
    private static final String GOOD = "sha256=ffd9b3a34df7c108ae82fffe27c824d32d1611296278f244540c26173b9135fc";

    private final WebhookVerifier verifier = new WebhookVerifier(SECRET);

    @Test
    void signsLikeOpenssl() {
        assertThat(verifier.signatureHeader("1772445600", BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(GOOD);
    }

    @ParameterizedTest(name = "[{index}] {3}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // signed a moment ago with our secret
            "1772445600  | " + GOOD + " | {\"tickets\":[]}  | VALID",
            // upper-case hex is the same signature
            "1772445600  | sha256=FFD9B3A34DF7C108AE82FFFE27C824D32D1611296278F244540C26173B9135FC | {\"tickets\":[]} | VALID",
            // no timestamp header
            "NULL        | " + GOOD + " | {\"tickets\":[]}  | missing X-Forewarn-Timestamp header",
            // no signature header
            "1772445600  | NULL        | {\"tickets\":[]}  | missing X-Forewarn-Signature header",
            // timestamp in milliseconds or ISO text is not Unix seconds
            "2026-03-02T10:00:00Z | " + GOOD + " | {\"tickets\":[]} | X-Forewarn-Timestamp is not Unix seconds",
            // negative timestamp
            "-1772445600 | " + GOOD + " | {\"tickets\":[]}  | X-Forewarn-Timestamp is not Unix seconds",
            // GitHub-style sha1 prefix
            "1772445600  | sha1=ffd9b3a34df7c108ae82fffe27c824d32d161129 | {\"tickets\":[]} | X-Forewarn-Signature does not start with 'sha256='",
            // hex too short
            "1772445600  | sha256=ffd9b3a3 | {\"tickets\":[]} | X-Forewarn-Signature is not 64 hexadecimal digits",
            // right length, not hex
            "1772445600  | sha256=zzd9b3a34df7c108ae82fffe27c824d32d1611296278f244540c26173b9135fc | {\"tickets\":[]} | X-Forewarn-Signature is not 64 hexadecimal digits",
            // fullwidth digits look like hex to Character.digit but are not
            "1772445600  | sha256=\uff10fd9b3a34df7c108ae82fffe27c824d32d1611296278f244540c26173b9135fc | {\"tickets\":[]} | X-Forewarn-Signature is not 64 hexadecimal digits",
            // body changed after signing
            "1772445600  | " + GOOD + " | {\"tickets\":[{}]} | signature does not match",
            // timestamp changed after signing
            "1772445601  | " + GOOD + " | {\"tickets\":[]}  | signature does not match",
            // a different secret (last digit flipped)
            "1772445600  | sha256=ffd9b3a34df7c108ae82fffe27c824d32d1611296278f244540c26173b9135fd | {\"tickets\":[]} | signature does not match",
    })
    void verifiesHeadersAndBody(String timestamp, String signature, String body, String expected) {
        Verification result = verifier.verify(timestamp, signature, body.getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(result).isEqualTo(expected.equals("VALID")
                ? new Verification.Valid() : new Verification.Rejected(expected));
    }

    @ParameterizedTest(name = "signed {0} s from now -> {1}")
    @CsvSource(delimiter = '|', value = {
            // exactly five minutes old is still accepted
            "-300 | VALID",
            // one second older is a replay risk
            "-301 | timestamp is older than 300 s",
            // exactly five minutes ahead (sender clock skew) is accepted
            "300  | VALID",
            // further ahead is rejected too
            "301  | timestamp is more than 300 s in the future",
            // a day old
            "-86400 | timestamp is older than 300 s",
    })
    void acceptsOnlyTimestampsWithinTheWindowBothWays(long offsetSeconds, String expected) {
        String timestamp = String.valueOf(NOW.getEpochSecond() + offsetSeconds);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);

        Verification result = verifier.verify(timestamp, verifier.signatureHeader(timestamp, body), body, NOW);

        assertThat(result).isEqualTo(expected.equals("VALID")
                ? new Verification.Valid() : new Verification.Rejected(expected));
    }
}
