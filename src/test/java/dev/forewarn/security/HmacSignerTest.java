package dev.forewarn.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HmacSignerTest {

    private static final String SECRET = "s3cret-s3cret-s3cret";
    private static final HmacSigner SIGNER = new HmacSigner(SECRET);
    private static final byte[] BODY = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    private static final long TS = 1_773_136_800L;

    @Test
    void matchesOpensslHmac() {
        // openssl: printf '1773136800.{"a":1}' | openssl dgst -sha256 -hmac s3cret-s3cret-s3cret
        assertThat(SIGNER.sign(TS, BODY))
                .isEqualTo("sha256=cd92cf377398ee41d158798a89c6ef9da6c3914adeb14879d5d5f787d97108a7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // the signature Forewarn sends verifies
            "genuine,           1773136800, '{\"a\":1}', true",
            // one changed byte in the body
            "tampered body,     1773136800, '{\"a\":2}', false",
            // a replayed body with a new timestamp
            "shifted timestamp, 1773136801, '{\"a\":1}', false",
    })
    void verifiesOnlyTheSignedTimestampAndBody(String name, long timestamp, String body, boolean valid) {
        String signature = SIGNER.sign(TS, BODY);

        assertThat(SIGNER.verify(timestamp, body.getBytes(StandardCharsets.UTF_8), signature)).isEqualTo(valid);
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @CsvSource(nullValues = "-", value = {
            // missing header
            "-",
            // no scheme prefix
            "abcdef",
            // another algorithm
            "sha1=abcdef",
            // not hex
            "sha256=zz",
            // right prefix, wrong length
            "sha256=abcd",
    })
    void rejectsMalformedSignatures(String signature) {
        assertThat(SIGNER.verify(TS, BODY, signature)).isFalse();
    }

    @Test
    void rejectsSignatureMadeWithAnotherSecret() {
        String forged = new HmacSigner("another-secret-0000").sign(TS, BODY);

        assertThat(SIGNER.verify(TS, BODY, forged)).isFalse();
    }

    @ParameterizedTest(name = "received {0}s after signing -> {1}")
    @CsvSource({
            // on time
            "0,    true",
            // at the edge of the 5 minute tolerance
            "300,  true",
            // a replay after the tolerance
            "301,  false",
            // the sender's clock runs ahead
            "-300, true",
    })
    void rejectsReplaysOutsideTheTolerance(long secondsLater, boolean valid) {
        Instant now = Instant.ofEpochSecond(TS + secondsLater);

        assertThat(SIGNER.verify(Long.toString(TS), BODY, SIGNER.sign(TS, BODY), now, Duration.ofMinutes(5)))
                .isEqualTo(valid);
    }

    @Test
    void rejectsNonNumericTimestampHeader() {
        assertThat(SIGNER.verify("yesterday", BODY, SIGNER.sign(TS, BODY), Instant.ofEpochSecond(TS),
                Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void rejectsShortSecrets() {
        assertThatThrownBy(() -> new HmacSigner("changeme")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secret");
    }
}
