package dev.forewarn.demo;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * the demo fleet's tickets, served as JSON. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    DemoScript.DemoTicket.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
