package dev.forewarn.escalation.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forewarn.calendar.model.LocalTimeRange;
import dev.forewarn.calendar.model.WeeklyHours;
import dev.forewarn.oncall.model.Layer;
import dev.forewarn.oncall.model.Rotation;
import dev.forewarn.oncall.model.Schedule;
import dev.forewarn.oncall.model.ScheduleBook;
import dev.forewarn.oncall.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Routing a page to the first tier with someone on call, reporting every gap on the way. */
class OnCallRoutingWalksUpPastGapsTest {

    @ParameterizedTest(name = "{0} | {1} for {2} at {3} -> {4}")
    @CsvSource(delimiter = '|', textBlock = """
            # L1 covered: no gap
            L1:always L2:always L3:always | L1 | education | 2026-03-02T12:00:00Z | routed L1 l1-ana
            # no L1 schedule at all: L2 takes it, the gap is reported
            L2:always L3:always | L1 | education | 2026-03-02T12:00:00Z | routed L2 l2-ana after L1 education no schedule
            # L1's only shift is 09-17 UTC: at 20:00 L2 takes it, the gap says when L1 is back
            L1:day L2:always L3:always | L1 | education | 2026-03-02T20:00:00Z | routed L2 l2-ana after L1 default nobody on call until 2026-03-03T09:00:00Z
            # L1 and L2 both uncovered: L3 takes it, both gaps reported in tier order
            L1:day L2:day L3:always | L1 | education | 2026-03-02T20:00:00Z | routed L3 l3-ana after L1 default nobody on call until 2026-03-03T09:00:00Z, L2 default nobody on call until 2026-03-03T09:00:00Z
            # an escalation to L2 never goes down to L1
            L1:always L3:always | L2 | education | 2026-03-02T12:00:00Z | routed L3 l3-ana after L2 education no schedule
            # nobody anywhere: unrouted, with every gap
            L1:day | L1 | network | 2026-03-02T20:00:00Z | unrouted L1 default nobody on call until 2026-03-03T09:00:00Z, L2 network no schedule, L3 network no schedule
            # L3 requested and uncovered: nothing above it
            L1:always L2:always | L3 | network | 2026-03-02T12:00:00Z | unrouted L3 network no schedule
            """)
    void routesToTheFirstCoveredTier(String book, Tier tier, String team, Instant now, String expected) {
        assertThat(describe(OnCallRouting.route(tier, team, book(book), now))).isEqualTo(expected);
    }

    /** A book from "L1:always L2:day": each tier's default team, on call all day or only 09-17 UTC. */
    static ScheduleBook book(String spec) {
        List<Schedule> schedules = new ArrayList<>();
        for (String entry : spec.trim().split("\\s+")) {
            String[] parts = entry.split(":");
            Tier tier = Tier.valueOf(parts[0]);
            WeeklyHours window = parts[1].equals("day")
                    ? WeeklyHours.daily(LocalTimeRange.parse("09:00-17:00"), ZoneOffset.UTC)
                    : null;
            Rotation rotation = new Rotation(List.of(tier.name().toLowerCase() + "-ana"), Duration.ofDays(7),
                    LocalDateTime.parse("2026-01-05T09:00"), ZoneOffset.UTC);
            schedules.add(new Schedule(tier, ScheduleBook.DEFAULT_TEAM, List.of(new Layer("primary", rotation, window)),
                    List.of()));
        }
        return new ScheduleBook(schedules);
    }

    static String describe(Route route) {
        StringBuilder out = new StringBuilder();
        if (route instanceof Route.Routed routed) {
            out.append("routed ").append(routed.tier()).append(' ').append(routed.person());
            if (!routed.gapsSkipped().isEmpty()) {
                out.append(" after ");
            }
        } else {
            out.append("unrouted ");
        }
        List<String> gaps = new ArrayList<>();
        for (Route.Gap gap : route.gaps()) {
            gaps.add(gap.tier() + " " + gap.team() + " " + gap.reason());
        }
        return out.append(String.join(", ", gaps)).toString();
    }
}
