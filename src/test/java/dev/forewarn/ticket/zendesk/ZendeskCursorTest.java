package dev.forewarn.ticket.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ZendeskCursorTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    private static final ZendeskCursor CURSOR =
            new ZendeskCursor(Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofMinutes(5), 0.5);

    private static final Map<String, PollOutcome> OUTCOMES = Map.of(
            "caught-up", new PollOutcome.Page(new ZendeskPage(List.of(), "C2", true, List.of())),
            "more-pages", new PollOutcome.Page(new ZendeskPage(List.of(), "C2", false, List.of())),
            "caught-up-no-cursor", new PollOutcome.Page(new ZendeskPage(List.of(), null, true, List.of())),
            "429-93s", new PollOutcome.RateLimited(Duration.ofSeconds(93)),
            "500", new PollOutcome.Failed("HTTP 500", true),
            "401", new PollOutcome.Failed("HTTP 401", false));

    @ParameterizedTest(name = "{0} attempt {1} jitter {2} -> {4} after {5}")
    @CsvSource({
            // caught up: wait the normal interval and resume from the new cursor
            "caught-up,           0, 0.0, C2, CAUGHT_UP,       PT1M",
            // more pages waiting: ask again at once
            "more-pages,          0, 0.9, C2, MORE_PAGES,      PT0S",
            // a page without a cursor keeps the one we had
            "caught-up-no-cursor, 0, 0.0, C1, CAUGHT_UP,       PT1M",
            // rate limited: exactly Retry-After, no jitter, same cursor
            "429-93s,             0, 0.9, C1, RATE_LIMITED,    PT1M33S",
            // first retryable failure: the base delay
            "500,                 1, 0.0, C1, BACKING_OFF,     PT5S",
            // second failure doubles
            "500,                 2, 0.0, C1, BACKING_OFF,     PT10S",
            // fourth failure: 5 s * 2^3
            "500,                 4, 0.0, C1, BACKING_OFF,     PT40S",
            // jitter may take off up to half of the delay
            "500,                 4, 1.0, C1, BACKING_OFF,     PT20S",
            // jitter in between
            "500,                 4, 0.5, C1, BACKING_OFF,     PT30S",
            // many failures hit the cap
            "500,                 9, 0.0, C1, BACKING_OFF,     PT5M",
            // absurd attempt counts neither overflow nor exceed the cap
            "500,        2147483647, 0.0, C1, BACKING_OFF,     PT5M",
            // zero attempts is treated as the first
            "500,                 0, 0.0, C1, BACKING_OFF,     PT5S",
            // credentials wrong: keep trying slowly, flagged for a human
            "401,                 1, 0.0, C1, NEEDS_ATTENTION, PT5M",
    })
    void decidesWhenToPollNext(String outcome, int attempts, double jitter, String cursor, NextPoll.Reason reason,
            Duration wait) {
        NextPoll next = CURSOR.next("C1", OUTCOMES.get(outcome), attempts, NOW, jitter);

        assertThat(next).isEqualTo(new NextPoll(NOW.plus(wait), cursor, reason));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // jitter ratio above one would make delays negative
            "jitter ratio 1.5 | PT1M | PT5S | PT5M | 1.5 | jitterRatio",
            // a cap below the base makes no sense
            "cap below base   | PT1M | PT5S | PT1S | 0.5 | backoffCap",
            // a zero interval would hammer Zendesk
            "zero interval    | PT0S | PT5S | PT5M | 0.5 | interval",
    })
    void rejectsNonsensicalSettings(String name, Duration interval, Duration base, Duration cap, double jitter,
            String named) {
        assertThatThrownBy(() -> new ZendeskCursor(interval, base, cap, jitter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(named);
    }
}
