package dev.forewarn.sla.model;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** A plan's SLA: targets per severity, the calendar its clocks run on and the statuses that pause them. */
public record SlaPolicy(String plan, Map<Severity, SlaTarget> targets, BusinessCalendar calendar,
                        Set<TicketStatus> pausingStatuses) {

    public SlaPolicy {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(pausingStatuses, "pausingStatuses");
        for (Severity severity : Severity.values()) {
            if (!targets.containsKey(severity)) {
                throw new IllegalArgumentException("plan " + plan + " has no target for " + severity);
            }
        }
        // Enum-keyed copies make the per-evaluation lookups array indexing.
        targets = Collections.unmodifiableMap(new EnumMap<>(targets));
        pausingStatuses = pausingStatuses.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(TicketStatus.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(pausingStatuses));
    }

    /** The brief's default table (15 min/2 h, 1 h/4 h, 4 h/24 h), paused while PENDING or ON HOLD. */
    public static SlaPolicy defaults(String plan, BusinessCalendar calendar) {
        var targets = new EnumMap<Severity, SlaTarget>(Severity.class);
        targets.put(Severity.URGENT, new SlaTarget(Duration.ofMinutes(15), Duration.ofHours(2)));
        targets.put(Severity.IMPORTANT, new SlaTarget(Duration.ofHours(1), Duration.ofHours(4)));
        targets.put(Severity.GENERAL, new SlaTarget(Duration.ofHours(4), Duration.ofHours(24)));
        return new SlaPolicy(plan, targets, calendar, EnumSet.of(TicketStatus.PENDING, TicketStatus.HOLD));
    }

    /** The target of one deadline for one severity. */
    public Duration target(Severity severity, Deadline deadline) {
        return targets.get(severity).of(deadline);
    }

    /** Whether a ticket in this status keeps its clocks still. */
    public boolean pauses(TicketStatus status) {
        return pausingStatuses.contains(status);
    }
}
