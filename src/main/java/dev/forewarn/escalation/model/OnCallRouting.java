package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.OnCall;
import dev.forewarn.oncall.model.Schedule;
import dev.forewarn.oncall.model.ScheduleBook;
import dev.forewarn.oncall.model.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds the person to page for a tier and team, walking up the tiers past gaps in coverage. */
public final class OnCallRouting {

    private OnCallRouting() {
    }

    /**
     * The person on call for {@code tier} and {@code team} at {@code now}, looked up in {@code book} (a team
     * without its own schedule gets the tier's default team's).
     *
     * <p>When the tier has no schedule or nobody on call, the next tier up is tried, up to L3, because a page
     * that reaches a more senior engineer is better than one that reaches nobody. A gap is never silent: each
     * is reported, in tier order, so the caller can log, count or page about it. A gap names the team whose
     * schedule was consulted ({@link ScheduleBook#DEFAULT_TEAM} when that was the fallback) and its reason is
     * "no schedule", "nobody on call until {instant}", or "nobody on call within {look-ahead}" when the
     * schedule shows nobody within {@link Schedule#GAP_LOOK_AHEAD}.
     */
    public static Route route(Tier tier, String team, ScheduleBook book, Instant now) {
        List<Route.Gap> gaps = null;
        Tier current = tier;
        while (current != null) {
            Optional<Schedule> schedule = book.find(current, team);
            Route.Gap gap;
            if (schedule.isEmpty()) {
                gap = new Route.Gap(current, team, "no schedule");
            } else {
                OnCall onCall = schedule.get().whoIsOnCall(now);
                if (onCall instanceof OnCall.Covered covered) {
                    return new Route.Routed(current, covered.participant(), gaps == null ? List.of() : gaps);
                }
                Instant next = ((OnCall.Gap) onCall).nextCoverageAt();
                gap = new Route.Gap(current, schedule.get().team(), next == null
                        ? "nobody on call within " + Schedule.GAP_LOOK_AHEAD.toDays() + " days"
                        : "nobody on call until " + next);
            }
            gaps = gaps == null ? new ArrayList<>(3) : gaps;
            gaps.add(gap);
            current = current.next().orElse(null);
        }
        return new Route.Unrouted(gaps);
    }
}
