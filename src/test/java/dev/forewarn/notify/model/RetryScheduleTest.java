package dev.forewarn.notify.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryScheduleTest {
    private static final Instant QUEUED = Instant.parse("2026-03-02T12:00:00Z");
    private static final RetrySchedule SCHEDULE = new RetrySchedule(Duration.ofSeconds(10), Duration.ofMinutes(5),
            Duration.ofHours(24));

    @ParameterizedTest(name = "attempt {0} failing {1}s after queueing, jitter {2} -> retry after {3}s")
    @CsvSource({
            // first failure, no jitter offset: the initial delay
            "1, 0,    0.5, 10",
            // the delay doubles with each attempt
            "2, 10,   0.5, 20",
            "4, 100,  0.5, 80",
            // capped at the maximum
            "12, 3000, 0.5, 300",
            // jitter spreads ±20 %
            "1, 0,    0.0, 8",
            "1, 0,    0.99, 11.96",
    })
    void backsOffExponentiallyWithJitter(int attempts, long failedAfterSeconds, double jitter, double expectedDelay) {
        Instant now = QUEUED.plusSeconds(failedAfterSeconds);
        var next = SCHEDULE.afterFailure(attempts, QUEUED, now, jitter);
        assertThat(next).isInstanceOf(RetrySchedule.RetryAt.class);
        double delay = Duration.between(now, ((RetrySchedule.RetryAt) next).at()).toMillis() / 1000.0;
        assertThat(delay).isEqualTo(expectedDelay);
    }

    @ParameterizedTest(name = "failing {0}s after queueing -> {1}")
    @CsvSource({
            // one second before the deadline the last try lands exactly on it
            "86399, RetryAt",
            // at the deadline it gives up
            "86400, GiveUp",
            // long after the deadline it gives up
            "90000, GiveUp",
    })
    void givesUpAtTheDeadlineButNeverUntried(long failedAfterSeconds, String expected) {
        var next = SCHEDULE.afterFailure(20, QUEUED, QUEUED.plusSeconds(failedAfterSeconds), 0.5);
        assertThat(next.getClass().getSimpleName()).isEqualTo(expected);
        if (next instanceof RetrySchedule.RetryAt at) {
            assertThat(at.at()).isEqualTo(QUEUED.plus(Duration.ofHours(24)));
        }
    }
}
