package dev.forewarn.escalation.model;

import dev.forewarn.oncall.model.Tier;
import dev.forewarn.sla.model.StagePlan;
import dev.forewarn.sla.model.WarningStage;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * When a ticket's tiers are paged: the warning stages of its SLA clocks, and how long each tier has to
 * acknowledge a page before the next tier is paged for the same stage.
 */
public record EscalationPlan(StagePlan stages, Map<Tier, Duration> ackTimeout) {

    /**
     * Stages must be listed in the order they fall due (the most advanced last), and their names identify them
     * in stored pages, so at least one is needed and names must be unique. Every tier needs a positive
     * acknowledgement timeout; L3's never leads to an escalation because no tier comes after it.
     */
    public EscalationPlan {
        Objects.requireNonNull(stages, "stages");
        Objects.requireNonNull(ackTimeout, "ackTimeout");
        if (stages.stages().isEmpty()) {
            throw new IllegalArgumentException("an escalation plan needs at least one stage");
        }
        Set<String> names = new HashSet<>();
        for (WarningStage stage : stages.stages()) {
            if (!names.add(stage.name())) {
                throw new IllegalArgumentException("stage name must be unique: " + stage.name());
            }
        }
        for (Tier tier : Tier.values()) {
            Duration timeout = ackTimeout.get(tier);
            if (timeout == null || timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("ack timeout of " + tier + " must be positive: " + timeout);
            }
        }
        // Enum-keyed copy makes the per-evaluation lookup array indexing.
        ackTimeout = Collections.unmodifiableMap(new EnumMap<>(ackTimeout));
    }

    /**
     * The default stages ({@link StagePlan#defaults()}: L1 at 50 %, L2 at 75 %, L3 at 90 % and 100 %) with
     * 10 min for L1 and L2 and 15 min for L3 to acknowledge.
     *
     * <p>For an urgent ticket the next stage usually comes first anyway: its first-response stages are
     * 3 min 45 s apart, so L2 is paged by the 75 % stage long before L1's 10 min run out. The timeouts matter
     * for tickets whose stages lie hours apart.
     */
    public static EscalationPlan defaults() {
        var timeouts = new EnumMap<Tier, Duration>(Tier.class);
        timeouts.put(Tier.L1, Duration.ofMinutes(10));
        timeouts.put(Tier.L2, Duration.ofMinutes(10));
        timeouts.put(Tier.L3, Duration.ofMinutes(15));
        return new EscalationPlan(StagePlan.defaults(), timeouts);
    }

    /** How long a page to {@code tier} may stay unacknowledged before the next tier is paged. */
    public Duration ackTimeout(Tier tier) {
        return ackTimeout.get(tier);
    }

    /** The position of the stage named {@code name} in the plan, or -1 if the plan has no such stage. */
    int indexOf(String name) {
        var list = stages.stages();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
