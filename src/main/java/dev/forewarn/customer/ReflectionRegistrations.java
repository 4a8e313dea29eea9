package dev.forewarn.customer;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * notice preferences stored as JSON. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    dev.forewarn.customer.model.NoticePreferences.class,
    dev.forewarn.customer.model.NoticeTopic.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
