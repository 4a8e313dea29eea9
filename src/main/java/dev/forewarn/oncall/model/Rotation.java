package dev.forewarn.oncall.model;

import dev.forewarn.calendar.model.WallClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Participants taking turns in order from {@code firstHandoff} (a local time of {@code zone}), each shift
 * {@code shiftLength} long by the wall clock or by elapsed time, as {@code handoffs} says.
 */
public record Rotation(List<String> participants, Duration shiftLength, LocalDateTime firstHandoff, ZoneId zone,
                       Handoffs handoffs) {

    /** How shift k's start is counted from the first hand-off. */
    public enum Handoffs {
        /** At {@code firstHandoff + k × shiftLength} on the wall clock: a daily 09:00 hand-off stays at 09:00. */
        LOCAL_TIME,
        /** At the first hand-off's instant plus k × shiftLength of real time: a 12 h shift lasts 12 h across DST. */
        ELAPSED_TIME
    }

    public Rotation {
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(shiftLength, "shiftLength");
        Objects.requireNonNull(firstHandoff, "firstHandoff");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(handoffs, "handoffs");
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

    /** A rotation handing off by the wall clock. */
    public Rotation(List<String> participants, Duration shiftLength, LocalDateTime firstHandoff, ZoneId zone) {
        this(participants, shiftLength, firstHandoff, zone, Handoffs.LOCAL_TIME);
    }

    /** The instant the rotation starts: nobody from it is on call before. */
    public Instant start() {
        return WallClock.instantOf(firstHandoff, zone);
    }

    /**
     * The shift in progress at {@code t}; empty before the rotation's {@link #start()}.
     *
     * <p>With {@link Handoffs#LOCAL_TIME} hand-offs are wall-clock times, so a daily or weekly hand-off at 09:00
     * stays at 09:00 local across DST, and the shift spanning a DST change is one hour shorter (spring forward: 23 h
     * for a daily shift) or longer (fall back: 25 h). A hand-off time in a gap or overlap happens by the
     * {@link WallClock} rule (02:30 on a spring-forward night at the jump, 03:00), so a shift shorter than a gap can
     * lie entirely inside it and is then skipped. With {@link Handoffs#ELAPSED_TIME} every shift lasts exactly
     * {@code shiftLength}, and the local hand-off time moves by an hour at each DST change.
     */
    public Optional<Shift> shiftAt(Instant t) {
        Objects.requireNonNull(t, "t");
        if (t.isBefore(start())) {
            return Optional.empty();
        }
        long k = Math.max(0, handoffs == Handoffs.ELAPSED_TIME
                ? Duration.between(start(), t).dividedBy(shiftLength)
                : Duration.between(firstHandoff, LocalDateTime.ofInstant(t, zone)).dividedBy(shiftLength));
        // The local-time estimate is off by at most the zone's offset change, so a few steps correct it.
        while (k > 0 && startOf(k).isAfter(t)) {
            k--;
        }
        while (!startOf(k + 1).isAfter(t)) {
            k++;
        }
        String participant = participants.get((int) Math.floorMod(k, (long) participants.size()));
        return Optional.of(new Shift(participant, startOf(k), startOf(k + 1)));
    }

    private Instant startOf(long k) {
        if (handoffs == Handoffs.ELAPSED_TIME) {
            return start().plus(shiftLength.multipliedBy(k));
        }
        return WallClock.instantOf(firstHandoff.plus(shiftLength.multipliedBy(k)), zone);
    }
}
