package dev.forewarn.notify.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeliveryPolicyTest {
    private static final Instant QUEUED = Instant.parse("2026-03-02T12:00:00Z");
    private static final DeliveryPolicy POLICY = new DeliveryPolicy(new RetrySchedule(Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofHours(1)));

    @ParameterizedTest(name = "{0} (retry-after {1}s) at attempt {2}, {3}s after queueing -> {4} +{5}s")
    @CsvSource({
            // accepted by the peer: done
            "delivered, , 1, 0, Sent, ",
            // refused for good: failed at once, whatever the attempts left
            "permanent, , 1, 0, Failed, ",
            // a retryable failure backs off from the initial delay (jitter 0.5 = no offset)
            "retryable, , 1, 0, RetryAt, 10",
            // the delay doubles per attempt
            "retryable, , 3, 60, RetryAt, 40",
            // a Retry-After longer than the backoff is honoured, whichever channel carried it
            "retryable, 120, 1, 0, RetryAt, 120",
            // a Retry-After shorter than the backoff does not make us retry sooner
            "retryable, 2, 3, 60, RetryAt, 40",
            // the last try lands on the give-up deadline
            "retryable, , 12, 3500, RetryAt, 100",
            // at the deadline a retryable failure becomes final
            "retryable, , 12, 3600, Failed, ",
            // a peer that asks to wait past the deadline makes the failure final now
            "retryable, 7200, 1, 0, Failed, ",
    })
    void decidesWhatHappensAfterAnAttempt(String outcome, Long retryAfterSeconds, int attempts, long afterSeconds,
                                          String expected, Long retryInSeconds) {
        Instant now = QUEUED.plusSeconds(afterSeconds);
        DeliveryResult result = switch (outcome) {
            case "delivered" -> new DeliveryResult.Delivered();
            case "permanent" -> new DeliveryResult.Permanent("550 no such mailbox");
            default -> new DeliveryResult.Retryable("HTTP 429",
                    Optional.ofNullable(retryAfterSeconds).map(Duration::ofSeconds));
        };
        DeliveryPolicy.Verdict verdict = POLICY.decide(result, attempts, QUEUED, now, 0.5);
        assertThat(verdict.getClass().getSimpleName()).isEqualTo(expected);
        if (verdict instanceof DeliveryPolicy.RetryAt at) {
            assertThat(Duration.between(now, at.at())).isEqualTo(Duration.ofSeconds(retryInSeconds));
            assertThat(at.reason()).isEqualTo("HTTP 429");
        }
        if (verdict instanceof DeliveryPolicy.Failed failed && outcome.equals("retryable")) {
            assertThat(failed.why()).endsWith("last error: HTTP 429");
        }
    }
}
