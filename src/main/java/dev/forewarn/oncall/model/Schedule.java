package dev.forewarn.oncall.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The on-call schedule of one team of one tier: layers in precedence order plus overrides in the order they
 * were added.
 */
public record Schedule(Tier tier, String team, List<Layer> layers, List<Override> overrides) {

    /** The source reported when an override answers. */
    public static final String OVERRIDE_SOURCE = "override";

    /** How far ahead a gap looks for the next coverage before it reports none. */
    public static final Duration GAP_LOOK_AHEAD = Duration.ofDays(8);

    public Schedule {
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(team, "team");
        layers = List.copyOf(layers);
        overrides = List.copyOf(overrides);
        if (team.isBlank()) {
            throw new IllegalArgumentException("team must not be blank");
        }
        Set<String> names = new HashSet<>();
        for (Layer layer : layers) {
            // A layer's name is the source of an answer, so it must identify one layer and not read as an override.
            if (layer.name().equals(OVERRIDE_SOURCE) || !names.add(layer.name())) {
                throw new IllegalArgumentException("layer name must be unique and not \"override\": " + layer.name());
            }
        }
    }

    /** This schedule with {@code override} added last, so it wins over every override already present. */
    public Schedule withOverride(Override override) {
        List<Override> added = new ArrayList<>(overrides);
        added.add(override);
        return new Schedule(tier, team, layers, added);
    }

    /**
     * Who is on call at {@code t}, and until when that answer holds.
     *
     * <p>Precedence: an override covering {@code t} wins, and among overlapping overrides the latest added (last
     * in the list) wins; otherwise the first layer in list order whose hours cover {@code t} and whose rotation has
     * started answers (a rotation starting next week leaves the instant to the next layer until then); otherwise it
     * is a {@link OnCall.Gap}. {@code until} is the earliest instant after {@code t} at which the
     * answer can change: the end of the shift, hours or override, a winning override starting, or a layer
     * earlier in the list opening its hours or starting its rotation. A gap's {@code nextCoverageAt} is null when nothing starts
     * within {@link #GAP_LOOK_AHEAD}.
     */
    public OnCall whoIsOnCall(Instant t) {
        Objects.requireNonNull(t, "t");
        for (int i = overrides.size() - 1; i >= 0; i--) {
            Override override = overrides.get(i);
            if (override.covers(t)) {
                Instant until = override.to();
                // Only an override added later can take over before this one ends.
                for (Override later : overrides.subList(i + 1, overrides.size())) {
                    until = earliest(until, startAfter(later, t));
                }
                return new OnCall.Covered(override.participant(), OVERRIDE_SOURCE, until);
            }
        }
        Instant nextOverride = null;
        for (Override override : overrides) {
            nextOverride = earliest(nextOverride, startAfter(override, t));
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (layer.covers(t)) {
                // A layer covers only once its rotation has started, so a shift is in progress.
                Shift shift = layer.rotation().shiftAt(t).orElseThrow();
                Instant until = earliest(shift.end(), nextOverride);
                until = earliest(until, layer.nextCoverageChangeAfter(t).orElse(null));
                // A layer ahead of this one in the list takes over as soon as its window opens.
                for (Layer ahead : layers.subList(0, i)) {
                    until = earliest(until, ahead.nextCoverageChangeAfter(t).orElse(null));
                }
                return new OnCall.Covered(shift.participant(), layer.name(), until);
            }
        }
        Instant next = nextOverride;
        for (Layer layer : layers) {
            next = earliest(next, layer.nextCoverageChangeAfter(t).orElse(null));
        }
        boolean withinLookAhead = next != null && !next.isAfter(t.plus(GAP_LOOK_AHEAD));
        return new OnCall.Gap(withinLookAhead ? next : null);
    }

    /** One stretch of a timeline: who answers (null in a gap) and from which layer or override. */
    public record Stretch(Instant from, Instant to, String person, String source) {
    }

    /**
     * Who is on call from {@code from} to {@code to}, as consecutive stretches (a gap has no person); a stretch ends
     * wherever {@link #whoIsOnCall} says its answer can change, so overrides and follow-the-sun windows show.
     */
    public List<Stretch> timeline(Instant from, Instant to) {
        List<Stretch> out = new ArrayList<>();
        Instant t = from;
        // Bounded: every step moves forward; a schedule with no change at all yields one stretch.
        while (t.isBefore(to) && out.size() < 10_000) {
            OnCall answer = whoIsOnCall(t);
            Instant until;
            String person = null;
            String source = null;
            if (answer instanceof OnCall.Covered c) {
                until = c.until();
                person = c.participant();
                source = c.source();
            } else {
                until = ((OnCall.Gap) answer).nextCoverageAt();
            }
            Instant end = until == null || until.isAfter(to) ? to : until;
            if (!end.isAfter(t)) {
                end = to;
            }
            Stretch last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && Objects.equals(last.person(), person) && Objects.equals(last.source(), source)) {
                out.set(out.size() - 1, new Stretch(last.from(), end, person, source));
            } else {
                out.add(new Stretch(t, end, person, source));
            }
            t = end;
        }
        return out;
    }

    private static Instant startAfter(Override override, Instant t) {
        return override.from().isAfter(t) ? override.from() : null;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
