package dev.forewarn.oncall.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Maps wall-clock times of a zone to instants, including times that a DST change skips or repeats. */
final class WallClock {

    private WallClock() {
    }

    /**
     * The first instant at which the zone's wall clock reaches or passes {@code local}: in a DST gap the
     * moment the clocks jump forward, in a DST overlap the first of the two occurrences.
     */
    static Instant firstReaching(LocalDateTime local, ZoneId zone) {
        return Collections.min(instantsCrossing(local, zone));
    }

    /**
     * Every instant at which the wall clock shows or jumps over {@code local}: one instant normally, two in an
     * overlap (plus the jump back), the jump forward in a gap.
     */
    static List<Instant> instantsCrossing(LocalDateTime local, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        List<Instant> instants = new ArrayList<>(3);
        rules.getValidOffsets(local).forEach(offset -> instants.add(local.toInstant(offset)));
        ZoneOffsetTransition transition = rules.getTransition(local);
        if (transition != null) {
            instants.add(transition.getInstant());
        }
        return instants;
    }
}
