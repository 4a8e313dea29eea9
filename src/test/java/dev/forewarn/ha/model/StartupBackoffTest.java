package dev.forewarn.ha.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartupBackoffTest {
    private static final StartupBackoff FOREVER = new StartupBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Optional.empty());
    private static final StartupBackoff TEN_MINUTES = new StartupBackoff(Duration.ofSeconds(1),
            Duration.ofSeconds(30), Optional.of(Duration.ofMinutes(10)));

    @ParameterizedTest(name = "[{index}] attempt {0} at {1}, jitter {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
            // the first failure waits between half and all of the initial backoff
            "1   | PT0S    | 0.0    | PT0.5S",
            "1   | PT0S    | 0.5    | PT0.75S",
            "1   | PT0S    | 0.9999 | PT0.999S",
            // each failure doubles the backoff
            "2   | PT1S    | 0.0    | PT1S",
            "3   | PT3S    | 0.0    | PT2S",
            "5   | PT15S   | 0.0    | PT8S",
            // until it reaches the cap
            "6   | PT31S   | 0.0    | PT15S",
            "6   | PT31S   | 0.9999 | PT29.998S",
            "7   | PT61S   | 0.0    | PT15S",
            // and stays there however long it goes on, with no overflow
            "10000 | PT80H | 0.5    | PT22.5S",
    })
    void retriesForeverWithCappedExponentialBackoff(int attempt, Duration elapsed, double jitter, Duration wait) {
        assertThat(FOREVER.afterFailure(attempt, elapsed, jitter)).isEqualTo(new StartupBackoff.Retry(wait));
    }

    @ParameterizedTest(name = "[{index}] attempt {0} at {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            // well before the limit: the usual backoff
            "4   | PT7S     | RETRY PT4S",
            // a wait that would cross the limit is cut short: the last attempt is made at the limit
            "20  | PT9M50S  | RETRY PT10S",
            "20  | PT9M59.5S | RETRY PT0.5S",
            // at or past the limit: give up, saying for how long it tried
            "21  | PT10M    | GIVE_UP PT10M",
            "22  | PT10M20S | GIVE_UP PT10M20S",
    })
    void givesUpAtTheConfiguredLimit(int attempt, Duration elapsed, String expected) {
        String[] e = expected.split(" ");
        StartupBackoff.Next want = e[0].equals("RETRY") ? new StartupBackoff.Retry(Duration.parse(e[1]))
                : new StartupBackoff.GiveUp(Duration.parse(e[1]));
        assertThat(TEN_MINUTES.afterFailure(attempt, elapsed, 0.0)).isEqualTo(want);
    }

    @ParameterizedTest(name = "[{index}] {0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // a zero initial backoff would hammer the server
            "PT0S  | PT30S | ''     | initial-backoff must be positive",
            // a cap below the start is a typo
            "PT10S | PT5S  | ''     | max-backoff (PT5S) must not be shorter than initial-backoff (PT10S)",
            // giving up at once is no policy
            "PT1S  | PT30S | PT0S   | give-up-after must be positive",
    })
    void nonsensicalSettingsAreRefused(Duration initial, Duration max, String giveUp, String message) {
        Optional<Duration> limit = giveUp.isEmpty() ? Optional.empty() : Optional.of(Duration.parse(giveUp));
        assertThatThrownBy(() -> new StartupBackoff(initial, max, limit)).hasMessageContaining(message);
    }
}
