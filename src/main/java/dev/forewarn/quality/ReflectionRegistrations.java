package dev.forewarn.quality;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * the evidence stored as JSON with each region state. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    dev.forewarn.quality.model.RegionEvidence.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
