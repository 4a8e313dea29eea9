package dev.forewarn.oncall;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * overrides read from and written to JSON. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    dev.forewarn.oncall.model.Override.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
