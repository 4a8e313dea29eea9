package dev.forewarn.calendar.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.Objects;

/**
 * The one rule by which a wall-clock time of a zone becomes an instant, for every schedule Forewarn keeps
 * (opening hours, holidays, on-call hand-offs and hours, maintenance windows).
 *
 * <p>A wall-clock time happens at the first instant the zone's clock reaches or passes it:
 * <ul>
 *   <li>in a spring-forward gap, at the jump: in Berlin on 2026-03-29 the clock goes from 01:59:59 CET to
 *       03:00 CEST, so 02:30 (and 02:00, and 02:59) all happen at 03:00 CEST = 01:00Z;</li>
 *   <li>in a fall-back overlap, at the first occurrence: Berlin's 02:30 on 2026-10-25 is 02:30 CEST = 00:30Z,
 *       not the repeated 02:30 CET an hour later.</li>
 * </ul>
 * So a range is open exactly while the clock shows a time inside it, counting the repeated hour as the time
 * the clock had already reached; a range lying wholly in a gap (02:00–02:30 on a spring-forward night) is
 * empty that night, and nothing ever moves later than the clock says.
 *
 * <p>Instances are immutable apart from a cache of the last offset span resolved (safe to share between
 * threads); {@link #epochNanosOf} allocates nothing, for the SLA clocks that run for every ticket on every tick.
 */
public final class WallClock {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final ZoneId zone;
    private final ZoneRules rules;
    private volatile OffsetSpan recent;

    private WallClock(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
    }

    /** The wall clock of {@code zone}. */
    public static WallClock of(ZoneId zone) {
        return new WallClock(zone);
    }

    /** The instant at which {@code local} happens in {@code zone}; see the class comment for gaps and overlaps. */
    public static Instant instantOf(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        // Outside a gap ZonedDateTime takes the earlier offset of an overlap, which is the first occurrence.
        return local.atZone(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }

    /** The instant at which {@code local} happens in this clock's zone. */
    public Instant instantOf(LocalDateTime local) {
        return instantOf(local, zone);
    }

    /**
     * {@link #instantOf} in nanoseconds: {@code localEpochNanos} counts local time from 1970-01-01T00:00 local,
     * the answer real time from the epoch. Valid between the years 1678 and 2261.
     */
    public long epochNanosOf(long localEpochNanos) {
        long localSecond = Math.floorDiv(localEpochNanos, NANOS_PER_SECOND);
        OffsetSpan span = recent;
        if (span == null || !span.covers(localSecond)) {
            span = load(localSecond);
            recent = span;
        }
        return Math.min(localEpochNanos - span.offsetNanos(), span.latestNanos());
    }

    /**
     * Local seconds in [loSecond, hiSecond) resolve with one offset, capped at {@code latestNanos}: the instant of
     * the gap that ends the span (its local times happen at the jump), or no cap when an overlap or nothing ends it.
     */
    private record OffsetSpan(long loSecond, long hiSecond, long offsetNanos, long latestNanos) {
        boolean covers(long localSecond) {
            return localSecond >= loSecond && localSecond < hiSecond;
        }
    }

    /**
     * A transition's local boundary is its instant plus the larger of its two offsets: local times before it
     * (including the gap or overlap) use the offset before, which gives the first occurrence in an overlap; times
     * in a gap would land after the jump with that offset, so they are capped at the jump.
     */
    private OffsetSpan load(long localSecond) {
        if (rules.isFixedOffset()) {
            return new OffsetSpan(Long.MIN_VALUE, Long.MAX_VALUE,
                    rules.getOffset(Instant.EPOCH).getTotalSeconds() * NANOS_PER_SECOND, Long.MAX_VALUE);
        }
        // Two days back is beyond any offset (at most 18 h), so earlier transitions already apply.
        Instant probe = Instant.ofEpochSecond(localSecond - 2 * 86_400L);
        int offset = rules.getOffset(probe).getTotalSeconds();
        long lo = probe.getEpochSecond() + 18 * 3_600L;
        long hi = Long.MAX_VALUE;
        long latest = Long.MAX_VALUE;
        ZoneOffsetTransition transition = rules.nextTransition(probe);
        while (transition != null) {
            int before = transition.getOffsetBefore().getTotalSeconds();
            int after = transition.getOffsetAfter().getTotalSeconds();
            long boundary = transition.toEpochSecond() + Math.max(before, after);
            if (boundary > localSecond) {
                hi = boundary;
                if (transition.isGap()) {
                    latest = transition.toEpochSecond() * NANOS_PER_SECOND;
                }
                break;
            }
            offset = after;
            lo = boundary;
            transition = rules.nextTransition(transition.getInstant());
        }
        return new OffsetSpan(lo, hi, offset * NANOS_PER_SECOND, latest);
    }
}
