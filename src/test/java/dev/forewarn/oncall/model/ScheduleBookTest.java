package dev.forewarn.oncall.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScheduleBookTest {

    private static final Layer LAYER = new Layer("all", new Rotation(List.of("ana"), Duration.ofDays(7),
            LocalDateTime.parse("2026-01-05T09:00"), ZoneOffset.UTC), null);

    private static final ScheduleBook BOOK = new ScheduleBook(List.of(
            schedule(Tier.L1, "default"),
            schedule(Tier.L1, "healthcare"),
            schedule(Tier.L2, "network"),
            schedule(Tier.L3, "default")));

    private static Schedule schedule(Tier tier, String team) {
        return new Schedule(tier, team, List.of(LAYER), List.of());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            // a team with its own schedule gets it
            "L1, healthcare, healthcare",
            // a team without one falls back to the tier's default
            "L1, education,  default",
            // asking for the default directly
            "L1, default,    default",
            // a tier whose only schedule belongs to another team has nothing to fall back to
            "L2, education,  ",
            // a team's own schedule on another tier is not borrowed
            "L3, network,    default",
            // team names match exactly
            "L1, Healthcare, default",
    })
    void findsTheTeamOrFallsBackToDefault(Tier tier, String team, String expectedTeam) {
        assertThat(BOOK.find(tier, team).map(Schedule::team)).isEqualTo(Optional.ofNullable(expectedTeam));
        BOOK.find(tier, team).ifPresent(found -> assertThat(found.tier()).isEqualTo(tier));
    }

    @Test
    void rejectsTwoSchedulesForTheSameTierAndTeam() {
        assertThatThrownBy(() -> new ScheduleBook(List.of(schedule(Tier.L1, "edu"), schedule(Tier.L1, "edu"))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
