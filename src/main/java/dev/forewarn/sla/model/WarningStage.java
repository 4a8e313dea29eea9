package dev.forewarn.sla.model;

import dev.forewarn.oncall.model.Tier;
import java.util.Objects;

/** A named point on an SLA clock at which a tier is paged. */
public record WarningStage(String name, Tier tier, StageTrigger trigger) {

    public WarningStage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(tier, "tier");
        Objects.requireNonNull(trigger, "trigger");
    }
}
