package dev.forewarn.security.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureThrottleTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    @ParameterizedTest(name = "[{index}] {0} failures, asked after {1} s: wait {2} s")
    @CsvSource({
            // under the limit: no wait
            "2, 10, 0",
            // the limit reached: wait until the window that began with the first failure is over
            "3, 10, 50",
            // far beyond the limit, later in the window: the wait only shrinks
            "9, 59, 1",
            // the window is over: may try again
            "3, 60, 0",
    })
    void aClientThatKeepsFailingWaitsUntilItsWindowIsOver(int failures, int askedAfter, long waitSeconds) {
        FailureThrottle throttle = new FailureThrottle(3, Duration.ofMinutes(1), 100);
        for (int i = 0; i < failures; i++) {
            throttle.failed("10.0.0.1", T0);
        }
        assertThat(throttle.waitFor("10.0.0.1", T0.plusSeconds(askedAfter)).map(Duration::toSeconds).orElse(0L))
                .isEqualTo(waitSeconds);
        // another client is not affected
        assertThat(throttle.waitFor("10.0.0.2", T0.plusSeconds(askedAfter))).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] remembering {0} clients")
    @CsvSource({"1", "2"})
    void theLeastRecentlyFailingClientIsForgottenFirst(int max) {
        FailureThrottle throttle = new FailureThrottle(1, Duration.ofMinutes(1), max);
        throttle.failed("a", T0);
        throttle.failed("b", T0);
        throttle.failed("c", T0);
        // only the last `max` clients are remembered, so memory stays bounded whatever the flood
        assertThat(throttle.waitFor("a", T0)).isEmpty();
        assertThat(throttle.waitFor("c", T0)).isPresent();
        assertThat(throttle.waitFor("b", T0).isPresent()).isEqualTo(max == 2);
    }
}
