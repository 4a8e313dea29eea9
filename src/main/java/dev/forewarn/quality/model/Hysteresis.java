package dev.forewarn.quality.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a region's stream of raw states into a settled state that changes only after a sustained run.
 *
 * <p>Rules for {@link #advance}, where {@code dataAt} is the time of the newest probe sample the raw state rests
 * on (at most {@code now}):
 * <ul>
 *   <li>{@code observed} always becomes the raw state; {@code lastKnownAt} becomes {@code dataAt} when it is
 *       known.</li>
 *   <li>Raw UNKNOWN leaves the settled state alone and clears any run: a sustained window must be continuous
 *       data, so missing data counts toward neither degradation nor recovery.</li>
 *   <li>Before the first judgement (settled UNKNOWN) raw HEALTHY settles at once; raw DEGRADED or OUTAGE
 *       needs the sustained window like any worsening.</li>
 *   <li>Raw equal to settled clears any run.</li>
 *   <li>Raw worse than settled starts or continues a worsening run whose {@code pending} level is the least
 *       severe state seen in it, the level truly sustained; a recovery run in progress is dropped. Once
 *       {@code now - pendingSince >= sustainedWindow} the region settles on {@code pending}; the change says the run
 *       began at {@code pendingSince}, which is what customers are told as "since".</li>
 *   <li>A run starts at {@code dataAt} when the raw state rests on data newer than the last known judgement
 *       ({@code lastKnownAt}): the windows are measured in the time of the probes, not of the evaluation tick that
 *       happened to read them, so the tick's phase adds nothing to detection. A run caused by no new data (an old
 *       sample leaving the window) starts at {@code now}, so it never takes credit for time judged otherwise.</li>
 *   <li>Raw better than settled starts or continues a recovery run whose {@code pending} level is the most
 *       severe state seen in it; a worsening run in progress is dropped. Once
 *       {@code now - pendingSince >= recoveryWindow} the region settles on {@code pending}.</li>
 * </ul>
 * So with non-zero windows one bad sample never changes the settled state.
 */
public final class Hysteresis {

    private Hysteresis() {
    }

    /** {@link #advance(RegionStatus, RegionState, Instant, Instant, HysteresisPolicy)} with data as of {@code now}. */
    public static HysteresisStep advance(RegionStatus current, RegionState raw, Instant now, HysteresisPolicy p) {
        return advance(current, raw, now, now, p);
    }

    public static HysteresisStep advance(RegionStatus current, RegionState raw, Instant dataAt, Instant now,
                                         HysteresisPolicy p) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(dataAt, "dataAt");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(p, "p");
        if (dataAt.isAfter(now)) {
            dataAt = now;
        }
        RegionState settled = current.settled();
        if (!raw.isKnown()) {
            return unchanged(new RegionStatus(settled, raw, null, null, current.lastKnownAt()));
        }
        if (raw == settled || (settled == RegionState.UNKNOWN && raw == RegionState.HEALTHY)) {
            // An unjudged region that looks healthy has nothing to warn about, so it needs no waiting.
            return settle(settled, raw, raw, dataAt, dataAt, now);
        }
        boolean worsening = isWorse(raw, settled);
        RegionState pending = current.pending();
        Instant since = current.pendingSince();
        if (pending != null && isWorse(pending, settled) == worsening) {
            pending = worsening ? lessSevere(pending, raw) : moreSevere(pending, raw);
        } else {
            pending = raw;
            boolean newData = current.lastKnownAt() == null || dataAt.isAfter(current.lastKnownAt());
            since = newData ? dataAt : now;
        }
        if (Duration.between(since, now).compareTo(window(worsening, p)) >= 0) {
            return settle(settled, pending, raw, since, dataAt, now);
        }
        return unchanged(new RegionStatus(settled, raw, pending, since, dataAt));
    }

    /**
     * When the running run, if any, will have lasted its window — the earliest moment {@link #advance} can settle
     * the region if the raw state holds.
     */
    public static Optional<Instant> dueAt(RegionStatus current, HysteresisPolicy p) {
        if (current.pending() == null) {
            return Optional.empty();
        }
        return Optional.of(current.pendingSince().plus(window(isWorse(current.pending(), current.settled()), p)));
    }

    private static Duration window(boolean worsening, HysteresisPolicy p) {
        return worsening ? p.sustainedWindow() : p.recoveryWindow();
    }

    private static boolean isWorse(RegionState state, RegionState settled) {
        // Before the first judgement every known state but HEALTHY counts as a worsening.
        return settled == RegionState.UNKNOWN || state.isWorseThan(settled);
    }

    private static HysteresisStep settle(RegionState from, RegionState to, RegionState raw, Instant runSince,
                                         Instant dataAt, Instant now) {
        RegionStatus next = new RegionStatus(to, raw, null, null, dataAt);
        return new HysteresisStep(next, from == to ? Optional.empty()
                : Optional.of(new SettledChange(from, to, runSince, now)));
    }

    private static HysteresisStep unchanged(RegionStatus next) {
        return new HysteresisStep(next, Optional.empty());
    }

    private static RegionState lessSevere(RegionState a, RegionState b) {
        return a.severity() <= b.severity() ? a : b;
    }

    private static RegionState moreSevere(RegionState a, RegionState b) {
        return a.severity() >= b.severity() ? a : b;
    }
}
