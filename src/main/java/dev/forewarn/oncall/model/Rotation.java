package dev.forewarn.oncall.model;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Participants taking turns in order, shift k starting at {@code firstHandoff + k × shiftLength} in the local
 * time of {@code zone}.
 */
public record Rotation(List<String> participants, Duration shiftLength, LocalDateTime firstHandoff, ZoneId zone) {

    public Rotation {
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(shiftLength, "shiftLength");
        Objects.requireNonNull(firstHandoff, "firstHandoff");
        Objects.requireNonNull(zone, "zone");
        participants = List.copyOf(participants);
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a rotation needs at least one participant");
        }
        if (participants.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("participants must not be blank: " + participants);
        }
        if (shiftLength.isZero() || shiftLength.isNegative()) {
            throw new IllegalArgumentException("shift length must be positive: " + shiftLength);
        }
    }

    /**
     * The shift in progress at {@code t}.
     *
     * <p>Hand-offs are wall-clock times, so a daily or weekly hand-off at 09:00 stays at 09:00 local across DST,
     * and the shift spanning a DST change is one hour shorter (spring forward: 23 h for a daily shift) or longer
     * (fall back: 25 h). A hand-off happens at the first instant the wall clock reaches or passes its local time:
     * in a DST gap (e.g. 02:30 on a spring-forward night) that is the moment clocks jump forward (03:00); in a DST
     * overlap it is the first of the two occurrences. A shift shorter than a gap can therefore lie entirely inside
     * it and is then skipped. Instants before {@code firstHandoff} belong to shifts counted backwards (k &lt; 0),
     * so someone is always on shift.
     */
    public Shift shiftAt(Instant t) {
        Objects.requireNonNull(t, "t");
        Duration sinceFirst = Duration.between(firstHandoff, LocalDateTime.ofInstant(t, zone));
        // The local-time estimate is off by at most the zone's offset change, so a few steps correct it.
        long k = sinceFirst.dividedBy(shiftLength);
        while (startOf(k).isAfter(t)) {
            k--;
        }
        while (!startOf(k + 1).isAfter(t)) {
            k++;
        }
        String participant = participants.get((int) Math.floorMod(k, (long) participants.size()));
        return new Shift(participant, startOf(k), startOf(k + 1));
    }

    private Instant startOf(long k) {
        return WallClock.firstReaching(firstHandoff.plus(shiftLength.multipliedBy(k)), zone);
    }
}
