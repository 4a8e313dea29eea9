package dev.forewarn.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * entities behind a raw {@code Response}. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    PagesResource.ActionResult.class,
    OnCallResource.OverrideView.class,
    CustomerPreferencesResource.PreferencesView.class,
    CustomerPreferencesResource.AuditView.class,
    CustomerPreferencesResource.LinkView.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
