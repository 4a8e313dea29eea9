package dev.forewarn.sla.model;

import dev.forewarn.oncall.model.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The warning stages a ticket's SLA clock passes through, each paging a tier. */
public record StagePlan(List<WarningStage> stages) {

    public StagePlan {
        stages = List.copyOf(stages);
    }

    /** L1 at 50 % elapsed, L2 at 75 %, L3 at 90 % and L3 again at 100 % (the breach). */
    public static StagePlan defaults() {
        return new StagePlan(List.of(
                new WarningStage("half", Tier.L1, new StageTrigger.ShareElapsed(0.5)),
                new WarningStage("three-quarters", Tier.L2, new StageTrigger.ShareElapsed(0.75)),
                new WarningStage("imminent", Tier.L3, new StageTrigger.ShareElapsed(0.9)),
                new WarningStage("breach", Tier.L3, new StageTrigger.ShareElapsed(1.0))));
    }

    /** Stages whose trigger point is at or before the elapsed time, in plan order; none once met. */
    public List<WarningStage> reached(ClockReading r) {
        if (r.met()) {
            return List.of();
        }
        var reached = new ArrayList<WarningStage>(stages.size());
        for (WarningStage stage : stages) {
            if (stage.trigger().pointIn(r.target()).compareTo(r.elapsed()) <= 0) {
                reached.add(stage);
            }
        }
        return reached;
    }

    /**
     * The instant the earliest unreached stage falls due if the clock keeps running from
     * {@code now}, found on the policy's calendar; empty when paused, met or every stage is reached.
     * The reading must have been taken at {@code now} for {@code h}; only its elapsed time and the
     * policy's calendar are needed.
     */
    public Optional<Instant> nextStageAt(ClockReading r, TicketHistory h, SlaPolicy p, Instant now) {
        if (r.paused() || r.met()) {
            return Optional.empty();
        }
        Duration next = null;
        for (WarningStage stage : stages) {
            Duration point = stage.trigger().pointIn(r.target());
            if (point.compareTo(r.elapsed()) > 0 && (next == null || point.compareTo(next) < 0)) {
                next = point;
            }
        }
        return next == null
                ? Optional.empty()
                : Optional.of(p.calendar().addBusinessTime(now, next.minus(r.elapsed())));
    }
}
