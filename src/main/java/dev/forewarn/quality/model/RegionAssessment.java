package dev.forewarn.quality.model;

import java.util.Objects;

/**
 * The raw state of a region at one instant together with the evidence for it, before hysteresis.
 *
 * @param state    the judged state
 * @param evidence the figures behind it
 */
public record RegionAssessment(RegionState state, RegionEvidence evidence) {
    public RegionAssessment {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(evidence, "evidence");
    }
}
