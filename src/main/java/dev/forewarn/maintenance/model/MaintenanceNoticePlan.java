package dev.forewarn.maintenance.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Which maintenance notices are due at {@code now}: advance notices at each lead time before a start, a start notice
 * and an end notice. Each step is returned for as long as it is still worth sending (the outbox's unique key makes
 * it go out once), so a tick that runs late or a restart still sends it, but never news that has gone stale.
 *
 * @param leads advance lead times, e.g. 24 h and 1 h
 * @param endNoticeGrace how long after an occurrence ended its end notice is still sent
 */
public record MaintenanceNoticePlan(List<Duration> leads, Duration endNoticeGrace) {

    /** One notice due for one occurrence. */
    public record Due(Occurrence occurrence, MaintenanceStep step) {
    }

    public MaintenanceNoticePlan {
        leads = leads.stream().sorted(Comparator.reverseOrder()).toList();
        Objects.requireNonNull(endNoticeGrace, "endNoticeGrace");
        if (leads.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("lead times must be positive: " + leads);
        }
    }

    /** How far ahead occurrences must be looked at. */
    public Duration horizon() {
        return leads.isEmpty() ? Duration.ZERO : leads.get(0);
    }

    /**
     * The steps due at {@code now} for a window's schedule. Of the advance notices, only the one with the shortest
     * lead already reached is due: a window created 30 minutes before it starts gets one advance notice, not two.
     */
    public List<Due> due(MaintenanceSchedule schedule, Instant now) {
        List<Due> out = new ArrayList<>();
        for (Occurrence o : schedule.overlapping(now.minus(endNoticeGrace), now.plus(horizon()).plusNanos(1))) {
            if (now.isBefore(o.start())) {
                leads.stream().filter(lead -> !now.isBefore(o.start().minus(lead)))
                        .reduce((longer, shorter) -> shorter)
                        .ifPresent(lead -> out.add(new Due(o, new MaintenanceStep.Advance(lead))));
            } else if (now.isBefore(o.end())) {
                out.add(new Due(o, new MaintenanceStep.Start()));
            } else if (now.isBefore(o.end().plus(endNoticeGrace))) {
                out.add(new Due(o, new MaintenanceStep.End()));
            }
        }
        return out;
    }
}
