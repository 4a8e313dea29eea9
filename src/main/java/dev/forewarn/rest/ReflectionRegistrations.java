package dev.forewarn.rest;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes of this feature that Jackson reads or writes outside a REST signature, registered for the native image:
 * the error body of every 4xx answer, built behind a raw {@code Response}. NativeReadinessTest lists any class missing here.
 */
@RegisterForReflection(targets = {
    ApiError.class,
    ApiError.FieldError.class,
})
final class ReflectionRegistrations {
    private ReflectionRegistrations() {
    }
}
