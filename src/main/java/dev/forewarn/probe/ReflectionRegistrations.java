package dev.forewarn.probe;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * probe reports parsed by hand and push answers behind a raw {@code Response}. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    dev.forewarn.probe.format.ProbeReport.class,
    dev.forewarn.probe.format.ProbeReading.class,
    ProbeResource.PushResult.class,
    ProbeResource.PushError.class,
    dev.forewarn.probe.format.Rejection.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
