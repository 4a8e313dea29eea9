package dev.forewarn.notify.outbox;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forewarn.config.ForewarnConfig;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules between outbox settings that constraint annotations cannot express, the same for every outbox. */
class OutboxSettingsTest {

    record Settings(Duration sendInterval, Duration drainBudget, int batchSize, int concurrency, Duration claimLease,
                    Duration initialBackoff, Duration maxBackoff, Duration giveUpAfter)
            implements ForewarnConfig.Outbox {
    }

    @ParameterizedTest(name = "interval {0}, budget {1}, lease {2}, backoff {3}..{4}, give up {5}, send {6} -> {7}")
    @CsvSource(nullValues = "-", value = {
            // the notice defaults, a 30 s SMTP deadline
            "PT2S, PT20S, PT2M, PT10S, PT5M, PT24H, PT30S, -",
            // the page defaults, a 10 s channel timeout
            "PT2S, PT20S, PT2M, PT5S, PT2M, PT1H, PT10S, -",
            // a lease shorter than the longest send would let a slow send be claimed and sent again
            "PT2S, PT20S, PT30S, PT10S, PT5M, PT24H, PT30S, forewarn.x.claim-lease",
            // ... and it must leave time to record the outcome
            "PT2S, PT20S, PT31S, PT10S, PT5M, PT24H, PT30S, forewarn.x.claim-lease",
            // ... and to wait for a send slot: a lease that only just holds the send would never let it start
            "PT2S, PT20S, PT61S, PT10S, PT5M, PT24H, PT30S, forewarn.x.claim-lease",
            // twice the send plus the record time is enough
            "PT2S, PT20S, PT62S, PT10S, PT5M, PT24H, PT30S, -",
            // backoff bounds out of order
            "PT2S, PT20S, PT2M, PT10M, PT5M, PT24H, PT30S, forewarn.x.initial-backoff",
            // giving up before the first retry means never retrying
            "PT2S, PT20S, PT2M, PT10S, PT5M, PT5S, PT30S, forewarn.x.give-up-after",
            // a drain that never starts
            "PT0S, PT20S, PT2M, PT10S, PT5M, PT24H, PT30S, forewarn.x.send-interval",
            // a drain with no time to claim
            "PT2S, PT0S, PT2M, PT10S, PT5M, PT24H, PT30S, forewarn.x.drain-budget",
    })
    void refusesSettingsThatBreakTheOutboxNamingTheKey(Duration interval, Duration budget, Duration lease,
                                                     Duration initial, Duration max, Duration giveUp,
                                                     Duration longestSend, String namedKey) {
        Settings s = new Settings(interval, budget, 200, 16, lease, initial, max, giveUp);
        if (namedKey == null) {
            assertThatCode(() -> Outbox.check("forewarn.x", s, longestSend)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Outbox.check("forewarn.x", s, longestSend))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining(namedKey);
        }
    }
}
