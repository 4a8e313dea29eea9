package dev.forewarn.oncall.model;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** All on-call schedules, at most one per tier and team, looked up by the team a ticket's group names. */
public record ScheduleBook(List<Schedule> schedules) {

    /** The team whose schedule serves every team of a tier that has none of its own. */
    public static final String DEFAULT_TEAM = "default";

    public ScheduleBook {
        schedules = List.copyOf(schedules);
        Set<String> keys = new HashSet<>();
        for (Schedule schedule : schedules) {
            if (!keys.add(schedule.tier() + "/" + schedule.team())) {
                throw new IllegalArgumentException(
                        "more than one schedule for " + schedule.tier() + " team " + schedule.team());
            }
        }
    }

    /**
     * The schedule of {@code team} for {@code tier}; a team without one of its own for that tier is served by the
     * tier's schedule with team {@value #DEFAULT_TEAM}, and empty means the tier has neither. Team names match
     * exactly (case-sensitive), and another tier's schedule is never borrowed.
     */
    public Optional<Schedule> find(Tier tier, String team) {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(team, "team");
        return exactly(tier, team).or(() -> exactly(tier, DEFAULT_TEAM));
    }

    private Optional<Schedule> exactly(Tier tier, String team) {
        return schedules.stream()
                .filter(s -> s.tier() == tier && s.team().equals(team))
                .findFirst();
    }
}
