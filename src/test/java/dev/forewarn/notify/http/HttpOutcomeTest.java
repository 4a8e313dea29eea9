package dev.forewarn.notify.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.notify.model.DeliveryResult;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpOutcomeTest {

    @ParameterizedTest(name = "HTTP {0} (Retry-After {1}) -> {2} \"{3}\"")
    @CsvSource(nullValues = "-", value = {
            // PagerDuty accepts events with 202
            "202, -,  Delivered, -",
            // Slack and Alertmanager answer 200
            "200, -,  Delivered, -",
            // any 2xx is acceptance
            "204, -,  Delivered, -",
            // a malformed event will be malformed next time too
            "400, -,  Permanent, HTTP 400: bad body",
            // a wrong URL or revoked webhook does not heal by itself
            "404, -,  Permanent, HTTP 404: bad body",
            // a revoked token
            "403, -,  Permanent, HTTP 403: bad body",
            // rate limited, and the peer said how long to wait
            "429, 30, Retryable, HTTP 429 rate limited",
            // a 503 may say when to come back too
            "503, 60, Retryable, HTTP 503: bad body",
            // rate limited without a hint: the outbox's own backoff applies
            "429, -,  Retryable, HTTP 429 rate limited",
            // the peer gave up waiting for us; sending again is safe
            "408, -,  Retryable, HTTP 408: bad body",
            // server errors are the peer's problem of the moment
            "500, -,  Retryable, HTTP 500: bad body",
            // overloaded or in maintenance
            "503, -,  Retryable, HTTP 503: bad body",
            // a redirect is never followed for a POST, so it is a configuration error
            "302, -,  Permanent, HTTP 302: bad body",
    })
    void mapsStatusToDeliveryResult(int status, Long retryAfter, String kind, String reason) {
        DeliveryResult result = new HttpOutcome.Response(status, " bad\n body ",
                Optional.ofNullable(retryAfter).map(Duration::ofSeconds)).toDeliveryResult();

        assertThat(result.getClass().getSimpleName()).isEqualTo(kind);
        if (result instanceof DeliveryResult.Retryable r) {
            assertThat(r.reason()).isEqualTo(reason);
            // the wait travels as a value, never inside the reason text
            assertThat(r.retryAfter()).isEqualTo(Optional.ofNullable(retryAfter).map(Duration::ofSeconds));
        } else if (reason != null) {
            assertThat(result).hasToString(result.getClass().getSimpleName() + "[reason=" + reason + "]");
        }
    }

    @ParameterizedTest(name = "{0} -> Retryable starting \"{1}\"")
    @CsvSource({
            // a request that outlived its deadline
            "TIMEOUT, timeout: slow",
            // nobody listening
            "CONNECT, connect: slow",
            // the connection broke mid-exchange
            "IO,      io: slow",
    })
    void mapsFailuresToRetryable(HttpOutcome.FailureKind kind, String reason) {
        assertThat(new HttpOutcome.Failure(kind, "slow").toDeliveryResult())
                .isEqualTo(new DeliveryResult.Retryable(reason));
    }

    @org.junit.jupiter.api.Test
    void cutsLongBodiesInReasons() {
        DeliveryResult result = new HttpOutcome.Response(400, "x".repeat(5000), Optional.empty()).toDeliveryResult();

        assertThat(((DeliveryResult.Permanent) result).reason())
                .hasSize("HTTP 400: ".length() + HttpOutcome.MAX_BODY_IN_REASON + 1)
                .endsWith("x…");
    }

    @ParameterizedTest(name = "Retry-After \"{0}\" -> {1}")
    @CsvSource(nullValues = "-", value = {
            // delta-seconds, the form rate limiters use
            "120, PT2M",
            // surrounding blanks are tolerated
            "' 7 ', PT7S",
            // HTTP-date needs a clock: left to the outbox backoff
            "'Wed, 21 Oct 2026 07:28:00 GMT', -",
            // garbage
            "soon, -",
            // negative is not delta-seconds
            "-5, -",
    })
    void parsesRetryAfterHeader(String header, Duration expected) {
        assertThat(HttpOutcome.parseRetryAfter(header)).isEqualTo(Optional.ofNullable(expected));
    }
}
